// The screenshots in docs/, taken in Chromium (playwright-core) on the demo's
// script-tag page after the same journey the end-to-end tests make:
//   docs/screenshot.png          deposit instructions and the receipt (desktop, light)
//   docs/amount-first.png        the amount screen with its live estimate
//   docs/instruments.png         saved bank account and wallet, before the quote
//   docs/quote.png               the locked quote, in the order money flows
//   docs/receipt-mobile-dark.png the receipt at 375 px in the dark theme
// Run: node --import tsx scripts/screenshot.mjs
import { join } from 'node:path';
import { buildServedParts, launchChromium, startProxy, ROOT } from '../test/e2e/support/stack.ts';
import { fillField, onboardAndOnRamp, step } from '../test/e2e/support/person.ts';

const shot = async (locator, name) => {
  await locator.screenshot({ path: join(ROOT, 'docs', name), animations: 'disabled' });
  console.log(`wrote docs/${name}`);
};

buildServedParts();
const server = await startProxy();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2, colorScheme: 'light' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/script-tag`);
  await onboardAndOnRamp(context, page, {
    async approve() {
      await page.getByRole('button', { name: 'Approve KYC' }).click();
      await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    },
    async received(type, count) {
      await page.waitForFunction(([t, n]) => document.querySelectorAll(`#event-log li[data-type="${t}"]`).length >= Number(n), [type, String(count)]);
    },
  });
  await page.locator('[data-value="to"]').first().waitFor();
  await shot(page.locator('main'), 'screenshot.png');

  const widget = page.locator('sphere-ramp');
  await page.getByRole('button', { name: 'New transfer', exact: true }).click();
  await step(page, 'ramp').waitFor();
  await fillField(page, '/amount', '250');
  await page.locator('[data-value="source"]', { hasText: '250.00 USD' }).first().waitFor();
  await shot(widget, 'amount-first.png');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.locator('#instruments-title').waitFor();
  await shot(widget, 'instruments.png');
  await page.getByRole('button', { name: 'Get quote', exact: true }).click();
  await step(page, 'quote').waitFor();
  await page.locator('[data-value="countdown"]').waitFor();
  await shot(widget, 'quote.png');

  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Confirm and create transfer', exact: true }).click();
  await step(page, 'transfer').waitFor();
  await page.getByRole('button', { name: 'Simulate deposit (sandbox)', exact: true }).click();
  await page.locator('ol.status-history li[data-status="fundsReceived"]').waitFor();
  await page.locator('[data-value="to"]').first().waitFor();
  await shot(page.locator('sphere-ramp [part="receipt"]'), 'receipt-mobile-dark.png');
} finally {
  await browser.close();
  await server.close();
}
