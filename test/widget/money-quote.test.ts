/**
 * Quotes and the transfers made from them, against the real proxy and
 * sandbox. These tests share one file because the expiry test moves the
 * sandbox clock, which would expire quotes held by tests running beside it.
 */
import { expect } from '@open-wc/testing';
import { button, click, deepQuery, deepQueryAll, field, fill, mountRamp, sandbox, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import {
  ADDRESSES, addEurBankAccount, addUsdBankAccount, addWallet, approvedCustomer, clickIn, continueWithAmount, eventsOf, shownStatus, transfersOf, waitForEvent,
} from '../support/browser/money.ts';
import { api } from '../support/browser/ramp.ts';

const live = (el: HTMLElement) => (el as unknown as { flow: { live: boolean } }).flow.live;

describe('<sphere-ramp> quotes and transfers', () => {
  it('takes an approved customer from new instruments to a succeeded on-ramp (USD ACH -> USDC on Solana), live', async () => {
    const user = uniqueUser('onramp');
    await approvedCustomer(user);
    const { el, events } = await mountRamp({
      user,
      attrs: { direction: 'on-ramp', 'destination-currency': 'usdc', network: 'sol', 'external-id': 'order-42' },
      policy: { integratorFeeBps: '10' },
    });
    const ramp = await waitForStep(el, 'ramp');
    await continueWithAmount(el, '100');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-bank-account-form'), 'bank form');
    await expect(ramp).to.be.accessible();

    await fill(el, '/bankName', 'Chase');
    await fill(el, '/accountName', 'Main checking');
    await fill(el, '/accountDetails/routingNumber', '021000021');
    await fill(el, '/accountDetails/accountNumber', '1234567890');
    await fill(el, '/accountDetails/accountType', 'checking');
    await fill(el, '/accountOwner/accountHolderName', 'Ada Lovelace');
    await fill(el, '/accountOwner/address/line1', '233 South Wacker Drive');
    await fill(el, '/accountOwner/address/city', 'Chicago');
    await fill(el, '/accountOwner/address/state', 'IL');
    await fill(el, '/accountOwner/address/country', 'USA');
    await clickIn(el, 'sphere-ramp-bank-account-form', 'Save');
    await waitForEvent(events, 'ramp-instrument-added');
    expect(eventsOf(events, 'ramp-instrument-added')[0]).to.include({ kind: 'bankAccount', currency: 'usd' });

    await fill(el, '/network', 'sol');
    await fill(el, '/address', ADDRESSES.sol);
    await clickIn(el, 'sphere-ramp-wallet-form', 'Save');
    await waitForEvent(events, 'ramp-instrument-added', 2);
    expect(eventsOf(events, 'ramp-instrument-added')[1]).to.include({ kind: 'wallet', network: 'sol' });

    await waitUntil(() => deepQuery(el.shadowRoot!, '#instruments-title'), 'instruments');
    await click(el, 'Get quote');
    const quoteStep = await waitForStep(el, 'quote');
    const quote = eventsOf<{ source: { amount: string; currency: string }; destination: { currency: string; network: string } }>(events, 'ramp-quote')[0]!;
    expect(quote.source).to.include({ amount: '100.00', currency: 'usd' });
    expect(quote.destination).to.include({ currency: 'usdc', network: 'sol' });
    // In the order money flows: sent, each fee, their total, what is converted, the rate, what arrives, the lock.
    const rows = deepQueryAll(el.shadowRoot!, 'dl.summary dt').map((dt) => `${dt.textContent!.trim()}: ${dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()}`);
    expect(rows.slice(0, 7)).to.deep.equal([
      'You send: $100.00 · ACH',
      'SpherePay fee: − $1.00',
      'Service fee: − $0.10',
      'Total fees: $1.10',
      'Amount converted: $98.90',
      'Exchange rate: 1 USD = 1.00 USDC',
      'You receive: 98.90 USDC · Solana',
    ]);
    expect(rows[7]).to.match(/^Rate locked for: (1 min|\d+ sec)$/);
    await expect(quoteStep).to.be.accessible();

    await click(el, 'Confirm and create transfer');
    const transferStep = await waitForStep(el, 'transfer');
    const created = eventsOf<{ transferId: string; externalId: string }>(events, 'ramp-transfer-created')[0]!;
    expect(created.externalId).to.equal('order-42');
    const instructions = text(el);
    expect(instructions).to.contain('Reference (memo): required');
    expect(instructions).to.contain('026009593');
    expect(instructions).to.contain('Send exactly $100.00 by ACH');
    expect(deepQueryAllCount(el, 'sphere-ramp-copy')).to.be.greaterThan(4);
    await expect(transferStep).to.be.accessible();

    await waitUntil(() => live(el), 'live events connected', { timeout: 10000 });
    await click(el, 'Simulate deposit (sandbox)');
    await waitUntil(() => shownStatus(el) === 'fundsReceived', 'funds received');
    await sandbox(user, `transfer/${created.transferId}/advance`, { status: 'processing' });
    await waitUntil(() => shownStatus(el) === 'processing', 'processing');
    await sandbox(user, `transfer/${created.transferId}/advance`, { status: 'succeeded' });
    await waitUntil(() => shownStatus(el) === 'succeeded', 'succeeded');
    expect(text(el)).to.contain('Done: the money was delivered.');
    const statuses = eventsOf<{ status: string }>(events, 'ramp-transfer-status').map((e) => e.status);
    expect(statuses).to.deep.equal(['fundsReceived', 'processing', 'succeeded']);
    expect(() => button(el, 'Cancel transfer')).to.throw();
  });

  it('shows an off-ramp (USDC on Base -> EUR by SEPA) as a wallet deposit with address, amount and QR code', async () => {
    const user = uniqueUser('offramp');
    const customerId = await approvedCustomer(user);
    await addEurBankAccount(user, customerId);
    await addWallet(user, customerId, 'base');
    const { el, events } = await mountRamp({ user, attrs: { direction: 'off-ramp', 'source-currency': 'usdc', 'destination-currency': 'eur' } });
    await waitForStep(el, 'ramp');
    expect((field(el, '/crypto') as HTMLSelectElement).value).to.equal('usdc');
    expect((field(el, '/fiat') as HTMLSelectElement).value).to.equal('eur');
    // Once the saved wallets are known, the network is the saved wallet's.
    await waitUntil(() => (field(el, '/cryptoNetwork') as HTMLSelectElement).value === 'base', 'network of the saved wallet');
    await continueWithAmount(el, '250.5');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'input[name="wallet"]'), 'wallet list');
    await click(el, 'Get quote');
    await waitForStep(el, 'quote');
    expect(text(el)).to.contain('1 USDC = 0.92 EUR');
    await fill(el, '/destination/sepaReference', 'abc');
    await click(el, 'Confirm and create transfer');
    expect(text(el)).to.contain('A SEPA reference has 6 to 140 characters.');
    expect(eventsOf(events, 'ramp-transfer-created')).to.have.length(0);
    await fill(el, '/destination/sepaReference', 'INVOICE-2026-7');
    await click(el, 'Confirm and create transfer');
    const step = await waitForStep(el, 'transfer');
    const shown = text(el);
    expect(shown).to.contain('Send exactly 250.50 USDC on Base.');
    expect(shown).to.match(/Deposit address 0x[0-9a-f]{40}/);
    // The proxy draws the code (GET /api/qr): it follows the address by one request.
    await waitUntil(() => deepQuery(el.shadowRoot!, 'svg[part="qr"]'), 'QR code');
    const qr = deepQuery<SVGElement>(el.shadowRoot!, 'svg[part="qr"]');
    expect(qr?.getAttribute('role')).to.equal('img');
    expect(qr?.getAttribute('aria-label')).to.equal('QR code for Deposit address');
    expect(qr?.querySelector('path')?.getAttribute('d')?.length).to.be.greaterThan(100);
    await expect(step).to.be.accessible();
    const { data } = await transfersOf(user, customerId);
    expect((data[0] as unknown as { destination: { sepaReference: string } }).destination.sepaReference).to.equal('INVOICE-2026-7');
  });

  it('marks a quote expired when the sandbox clock passes it, and confirms a refreshed quote', async () => {
    const user = uniqueUser('expiry');
    const customerId = await approvedCustomer(user);
    await addUsdBankAccount(user, customerId);
    await addWallet(user, customerId, 'polygon');
    const { el, events } = await mountRamp({ user });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '50.00');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'input[name="wallet"]'), 'wallet list');
    await click(el, 'Get quote');
    await waitForStep(el, 'quote');
    await sandbox(user, 'clock', { advanceSeconds: 61 });
    await click(el, 'Confirm and create transfer');
    await waitForEvent(events, 'ramp-quote-expired');
    expect(text(el)).to.contain('This quote has expired.');
    expect(button(el, 'Confirm and create transfer').disabled).to.equal(true);
    await expect(deepQuery(el.shadowRoot!, '[data-step="quote"]')!).to.be.accessible();

    await click(el, 'Get a new quote');
    await waitForEvent(events, 'ramp-quote', 2);
    const [first, second] = eventsOf<{ quoteId: string }>(events, 'ramp-quote');
    expect(second!.quoteId).not.to.equal(first!.quoteId);
    // The countdown follows the server's clock (moved 61 s ahead), not the browser's.
    await waitUntil(() => /Rate locked for ?(1 min|5\d sec)/.test(text(el)), 'fresh countdown');
    // Refreshed in place: still the quote screen, and focus is not lost to the page.
    expect(el.step).to.equal('quote');
    await click(el, 'Confirm and create transfer');
    await waitForStep(el, 'transfer');
    const { data } = await transfersOf(user, customerId);
    expect(data).to.have.length(1);
  });

  it('creates exactly one transfer from a double click, and voids a quote left with Back', async () => {
    const user = uniqueUser('double');
    const customerId = await approvedCustomer(user);
    await addUsdBankAccount(user, customerId);
    await addWallet(user, customerId, 'sol');
    const { el, events } = await mountRamp({ user });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '20');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'input[name="wallet"]'), 'wallet list');
    await click(el, 'Get quote');
    await waitForStep(el, 'quote');
    const abandoned = eventsOf<{ quoteId: string }>(events, 'ramp-quote')[0]!.quoteId;
    await click(el, 'Back');
    await waitForStep(el, 'ramp');
    // Back returns to the instruments with the amount kept.
    await waitUntil(() => deepQuery(el.shadowRoot!, '#instruments-title'), 'instruments again');
    expect(text(el)).to.contain('You send $20.00');
    await waitUntil(async () => (await api<{ status: string }>(user, `quote/${abandoned}`)).status === 'expired', 'abandoned quote voided');

    await click(el, 'Get quote');
    await waitForStep(el, 'quote');
    const confirm = button(el, 'Confirm and create transfer');
    confirm.click();
    confirm.click();
    await waitForStep(el, 'transfer');
    await new Promise((r) => setTimeout(r, 300));
    const { data } = await transfersOf(user, customerId);
    expect(data).to.have.length(1);
    expect(eventsOf(events, 'ramp-transfer-created')).to.have.length(1);
  });
});

function deepQueryAllCount(el: HTMLElement, selector: string) {
  let n = 0;
  const walk = (root: ParentNode) => {
    n += root.querySelectorAll(selector).length;
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walk(node.shadowRoot);
  };
  walk(el.shadowRoot!);
  return n;
}
