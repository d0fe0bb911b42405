/**
 * The deposit screen as a person uses it, from the built script-tag bundle:
 * each copy button puts exactly its value on the clipboard, the QR code
 * decodes (from a screenshot of what is drawn) to exactly what it claims,
 * and the page can style the parts inside it (`::part()` through nested
 * shadow roots).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsqr from 'jsqr';
import type { Browser, Locator, Page } from 'playwright-core';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { Arranger } from './support/arrange.ts';
import { decodePng } from './support/png.ts';
import { buildServedParts, launchChromium, openPageAt, startProxy } from './support/stack.ts';

const SECRET = 'e2e-deposit-secret';
const BASE_ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';
const POLYGON_ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const MARK = 'rgb(255, 0, 128)';

// jsqr is CommonJS: Node's default import is the function itself, while its types declare an ES default export.
const jsQR = ((jsqr as { default?: unknown }).default ?? jsqr) as unknown as typeof jsqr.default;

let server: RampServer;
let browser: Browser;
let arrange: Arranger;

interface Transfer {
  id: string;
  depositAccount?: {
    walletDetails?: { address: string; amount: string; network: string; memo?: string };
    bankDetails?: Record<string, string | undefined>;
  };
}

/** The page a merchant writes: the script tag, the element, and its own styles for the widget's parts. */
async function openWidget(token: string, attrs: string): Promise<Page> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], deviceScaleFactor: 2 });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await openPageAt(page, server.url, `<!doctype html><html lang="en"><title>shop</title>
    <style>sphere-ramp::part(field), sphere-ramp::part(copy-button), sphere-ramp::part(qr) { outline: 3px solid ${MARK}; }</style>
    <script src="/sphere-ramp.js"></script>
    <sphere-ramp session-token="${token}" quotes="off" ${attrs}></sphere-ramp></html>`);
  return page;
}

const outline = (locator: Locator) => locator.evaluate((e) => getComputedStyle(e).outlineColor);

/** Clicks every copy button on the deposit screen; what landed on the clipboard, by row. */
async function copyEveryRow(page: Page): Promise<Record<string, string>> {
  const rows = page.locator('sphere-ramp-deposit-instructions [data-detail]');
  await rows.first().waitFor();
  const copied: Record<string, string> = {};
  for (const key of await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.detail!))) {
    await page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
    const button = page.locator(`[data-detail="${key}"] sphere-ramp-copy button`);
    await button.click();
    await button.filter({ hasText: 'Copied' }).waitFor();
    copied[key] = await page.evaluate(() => navigator.clipboard.readText());
  }
  return copied;
}

/** Decodes the QR code from a screenshot of what the widget drew. */
async function scanQr(page: Page): Promise<string | undefined> {
  const qr = page.locator('sphere-ramp-qr svg');
  await qr.waitFor();
  const { width, height, data } = decodePng(await qr.screenshot());
  return jsQR(data, width, height)?.data;
}

async function createTransfer(page: Page, amount: string): Promise<void> {
  await page.locator('[data-pointer="/amount"]').fill(amount);
  await page.getByRole('button', { name: 'Create transfer', exact: true }).click();
  await page.locator('[data-step="transfer"]').waitFor();
}

async function onlyTransfer(token: string, customerId: string): Promise<Transfer> {
  const { data } = await arrange.call<{ data: Transfer[] }>(token, `/api/v2/transfer?customer=${customerId}`);
  assert.equal(data.length, 1);
  return data[0]!;
}

describe('the deposit screen, from the built bundle', () => {
  before(async () => {
    buildServedParts();
    server = await startProxy({ RAMP_SERVER_SECRET: SECRET });
    browser = await launchChromium();
    arrange = new Arranger(server.url, SECRET);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('off-ramp: the deposit address, network and amount copy exactly, and the QR code is the address', async () => {
    const { token, customerId } = await arrange.approvedCustomer(`deposit-off-${Date.now()}`);
    await arrange.usdBankAccount(token, customerId);
    await arrange.wallet(token, customerId, 'base', BASE_ADDRESS);
    const page = await openWidget(token, 'direction="off-ramp"');
    await page.locator('[data-step="ramp"] [data-pointer="/amount"]').waitFor();
    assert.equal(await outline(page.locator('[part="field"]').first()), MARK, 'sphere-ramp::part(field) styles a field in a nested step');
    await createTransfer(page, '25');

    const deposit = (await onlyTransfer(token, customerId)).depositAccount?.walletDetails;
    assert.ok(deposit, 'the transfer has a deposit address');
    const copied = await copyEveryRow(page);
    assert.equal(copied.address, deposit.address);
    assert.equal(copied.amount, deposit.amount);
    assert.ok(copied.network && copied.network !== '(nothing copied)', 'the network copies');
    assert.equal(await scanQr(page), deposit.address);
    assert.equal(await outline(page.locator('sphere-ramp-qr svg')), MARK, '::part(qr) reaches the QR code');
    assert.equal(await outline(page.locator('[part="copy-button"]').first()), MARK, '::part(copy-button) reaches the copy buttons');
    await page.context().close();
  });

  it('BRL on-ramp by PIX: every bank detail copies exactly, and the QR code is the PIX copy-and-paste code', async () => {
    const { token, customerId } = await arrange.approvedCustomer(`deposit-pix-${Date.now()}`);
    await arrange.brlBankAccount(token, customerId);
    await arrange.wallet(token, customerId, 'polygon', POLYGON_ADDRESS);
    const page = await openWidget(token, 'source-currency="brl" destination-currency="usdc"');
    await page.locator('[data-step="ramp"] [data-pointer="/amount"]').waitFor();
    await createTransfer(page, '500');

    const bank = (await onlyTransfer(token, customerId)).depositAccount?.bankDetails;
    assert.ok(bank?.brCode, 'the transfer has a PIX code');
    const copied = await copyEveryRow(page);
    for (const key of ['memo', 'pixKey', 'brCode', 'bankName', 'accountHolderName'] as const) {
      if (bank[key] !== undefined) assert.equal(copied[key], bank[key], `the ${key} copy button copies the ${key}`);
    }
    assert.equal(copied.brCode, bank.brCode);
    assert.equal(await scanQr(page), bank.brCode);
    await page.context().close();
  });
});
