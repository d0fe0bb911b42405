/**
 * The journey a person finishes and trusts, against the real proxy and
 * sandbox: the amount screen's live estimate before anything else, saved
 * instruments removed from the list, the receipt (after creation and from
 * history), resuming a transfer awaiting its deposit after a reload, a draft
 * surviving a reload, and "Try again" after a failed session renewal.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SphereRamp } from '../../widget/sphere-ramp/sphere-ramp.ts';
import {
  api, button, click, deepQuery, deepQueryAll, field, fill, mountRamp, sandbox, sessionFor, settle, text, uniqueUser, waitForStep, waitUntil,
} from '../support/browser/ramp.ts';
import { addEurBankAccount, addUsdBankAccount, addWallet, approvedCustomer, continueWithAmount, eventsOf, transfersOf } from '../support/browser/money.ts';

const value = (el: SphereRamp, key: string) => deepQuery(el.shadowRoot!, `[data-value="${key}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<sphere-ramp> journey', () => {
  it('opens on the amount with a live estimate before anything is typed, and follows the amount typed', async () => {
    const user = uniqueUser('estimate');
    await approvedCustomer(user);
    const { el } = await mountRamp({ user, policy: { integratorFeeBps: '10', minAmount: '10.00', maxAmount: '5000.00' } });
    const step = await waitForStep(el, 'ramp');
    // Nothing typed and no instrument saved: still an estimate, for an example amount.
    expect(deepQuery(el.shadowRoot!, 'sphere-ramp-bank-account-form')).to.equal(undefined);
    await waitUntil(() => value(el, 'destination'), 'example estimate');
    expect(text(el)).to.contain('Estimate for 100.00 USD');
    // The merchant's terms are there before anything is typed: the fee, the minimum and the maximum.
    expect(text(el)).to.contain('Service fee: 0.1%.');
    expect(text(el)).to.contain('You can send from 10.00 USD to 5000.00 USD.');
    expect(value(el, 'integrator-fee')).to.equal('− 0.10 USD');
    expect(value(el, 'rate')).to.equal('1 USD = 1.00 USDC');
    expect(value(el, 'platform-fee')).to.match(/^− \d+\.\d\d USD$/);
    await expect(step).to.be.accessible();

    await fill(el, '/amount', '1,234.5');
    await waitUntil(() => value(el, 'source')?.startsWith('1234.50 USD'), 'estimate for the amount typed');
    expect(text(el)).not.to.contain('Estimate for 100.00 USD');
    const received = value(el, 'destination')!;
    expect(received).to.match(/^\d+\.\d\d USDC/);

    // Another currency pair re-estimates; EUR goes by SEPA.
    await fill(el, '/fiat', 'eur');
    await waitUntil(() => value(el, 'source')?.startsWith('1234.50 EUR · SEPA'), 'EUR estimate');
    el.setAttribute('theme', 'dark');
    await settle(el);
    await expect(step).to.be.accessible();
  });

  it('removes a saved wallet after a confirmation, and keeps focus in the list', async () => {
    const user = uniqueUser('remove');
    const customerId = await approvedCustomer(user);
    await addUsdBankAccount(user, customerId);
    await addWallet(user, customerId, 'base');
    const { el, events } = await mountRamp({ user });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '40');
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'input[name="wallet"]').length === 1, 'wallet listed');
    await click(el, /^Remove Base: 0x5290…9EE7$/);
    expect(deepQueryAll(el.shadowRoot!, 'input[name="wallet"]')).to.have.length(1);
    await expect(stepElementOf(el)).to.be.accessible();
    const confirm = deepQuery(el.shadowRoot!, '.confirm-remove')!;
    [...confirm.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Remove')!.click();
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'input[name="wallet"]').length === 0, 'wallet gone');
    expect((await api<{ data: unknown[] }>(user, `wallet?customerId=${customerId}`)).data).to.have.length(0);
    expect(text(el)).to.contain('You have no wallet on Base yet.');
    await waitUntil(() => deepActive(el)?.id === 'add-wallet', 'focus on "Add a wallet"');
    expect(eventsOf(events, 'ramp-error')).to.have.length(0);
  });

  it('shows a receipt after creation and in every later state, the same one from history', async () => {
    const user = uniqueUser('receipt');
    const customerId = await approvedCustomer(user);
    await addEurBankAccount(user, customerId);
    await addWallet(user, customerId, 'base');
    const { el } = await mountRamp({ user, attrs: { direction: 'on-ramp', 'source-currency': 'eur', 'destination-currency': 'usdc' } });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '200');
    await click(el, 'Get quote');
    await waitForStep(el, 'quote');
    const quoted = value(el, 'destination');
    await click(el, 'Confirm and create transfer');
    const step = await waitForStep(el, 'transfer');
    await waitUntil(() => value(el, 'to'), 'instruments described');
    expect(value(el, 'sent')).to.equal('200.00 EUR');
    expect(`${value(el, 'received')} · Base`).to.equal(quoted);
    expect(value(el, 'rate')).to.match(/^1 EUR = [\d.]+ USDC$/);
    expect(value(el, 'from')).to.equal('Commerzbank Euro account · 3000 (EUR)');
    expect(value(el, 'to')).to.equal('Base: 0x5290…9EE7');
    const id = (el as unknown as { flow: { transfer: { id: string } } }).flow.transfer.id;
    expect(value(el, 'transfer-id')).to.equal(id);
    expect(deepQueryAll(el.shadowRoot!, 'ol.status-history li').map((li) => li.dataset.status)).to.deep.equal(['pendingFunding']);
    await expect(step).to.be.accessible();

    await sandbox(user, `transfer/${id}/fund`);
    await sandbox(user, `transfer/${id}/advance`, { status: 'processing' });
    await sandbox(user, `transfer/${id}/advance`, { status: 'succeeded' });
    await waitUntil(() => value(el, 'tx-hash'), 'transaction hash', { timeout: 15000 });
    await waitUntil(() => text(el).includes('You received'), 'received wording');
    const history = deepQueryAll(el.shadowRoot!, 'ol.status-history li').map((li) => li.dataset.status);
    expect(history[0]).to.equal('pendingFunding');
    expect(history.at(-1)).to.equal('succeeded');
    expect(deepQueryAll(el.shadowRoot!, 'ol.status-history time').every((t) => t.textContent!.trim().length > 0)).to.equal(true);

    await click(el, 'View past transfers');
    await waitForStep(el, 'history');
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'li[data-transfer]').length === 1, 'listed');
    await click(el, /^Open transfer/);
    await waitForStep(el, 'transfer');
    await waitUntil(() => value(el, 'to'), 'instruments described again');
    expect(value(el, 'sent')).to.equal('200.00 EUR');
    expect(value(el, 'transfer-id')).to.equal(id);
    el.setAttribute('theme', 'dark');
    await settle(el);
    await expect(stepElementOf(el)).to.be.accessible();
  });

  it('reopens a transfer awaiting its deposit after a reload, and keeps a draft amount across one', async () => {
    const user = uniqueUser('resume');
    const customerId = await approvedCustomer(user);
    await addUsdBankAccount(user, customerId);
    await addWallet(user, customerId, 'polygon');
    const first = await mountRamp({ user, attrs: { quotes: 'off' } });
    await waitForStep(first.el, 'ramp');
    await fill(first.el, '/amount', '61.50');
    await waitUntil(() => value(first.el, 'source')?.startsWith('61.50 USD'), 'estimate');
    first.el.remove();

    // "Reload": a new element for the same person; what was typed is back.
    const second = await mountRamp({ user, attrs: { quotes: 'off' } });
    await waitForStep(second.el, 'ramp');
    await waitUntil(() => (field(second.el, '/amount') as HTMLInputElement).value === '61.50', 'draft amount');
    await continueWithAmount(second.el, '61.50');
    await click(second.el, 'Create transfer');
    await waitForStep(second.el, 'transfer');
    second.el.remove();

    const third = await mountRamp({ user, attrs: { quotes: 'off' } });
    await waitForStep(third.el, 'transfer');
    expect(text(third.el)).to.contain('Send exactly 61.50 USD by ACH');
    expect(text(third.el)).to.contain('Awaiting deposit');
    expect((await transfersOf(user, customerId)).data).to.have.length(1);
    // Starting another transfer from here is a fresh form, not the old draft.
    await click(third.el, 'New transfer');
    await waitForStep(third.el, 'ramp');
    expect((field(third.el, '/amount') as HTMLInputElement).value).to.equal('');
  });

  it("prefills a business's bank account owner from its registered address, and says what is missing when the address is emptied", async () => {
    const user = uniqueUser('business-bank');
    const customerId = await approvedCustomer(user);
    const { el, events } = await mountRamp({ user });
    await waitForStep(el, 'ramp');
    // A business customer as SpherePay returns it: `addresses` (registered/operating), no `address`.
    const flow = el as unknown as { flow: { customer: Record<string, unknown> }; set(patch: object): void };
    flow.set({
      customer: {
        ...flow.flow.customer, type: 'business', businessLegalName: 'Acme Widgets Inc.', firstName: undefined, lastName: undefined, address: null,
        addresses: [
          { type: 'operating', line1: '1 Dock Rd', city: 'Oakland', state: 'CA', postalCode: '94607', country: 'USA' },
          { type: 'registered', line1: '100 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'USA' },
        ],
      },
    });
    await continueWithAmount(el, '25');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-bank-account-form'), 'bank sub-step');
    expect(field(el, '/accountOwner/accountHolderName').value).to.equal('Acme Widgets Inc.');
    expect(field(el, '/accountOwner/address/line1').value).to.equal('100 Market St');
    expect(field(el, '/accountOwner/address/postalCode').value).to.equal('94105');
    expect(field(el, '/accountOwner/address/country').value).to.equal('USA');
    expect((field(el, '/accountOwner/address/country') as HTMLSelectElement).selectedOptions[0]!.textContent).to.equal('United States');

    for (const pointer of ['line1', 'city', 'state', 'postalCode', 'country']) await fill(el, `/accountOwner/address/${pointer}`, '');
    await fill(el, '/bankName', 'Chase');
    await fill(el, '/accountName', 'Operating');
    await fill(el, '/accountDetails/routingNumber', '021000021');
    await fill(el, '/accountDetails/accountNumber', '1234567890');
    await fill(el, '/accountDetails/accountType', 'checking');
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Enter the account owner’s address: street, city and country.'), 'the missing address is named');
    expect(eventsOf(events, 'ramp-instrument-added')).to.have.length(0);
    expect((await api<{ data: unknown[] }>(user, `bank-account?customerId=${customerId}`)).data).to.have.length(0);
    await expect(stepElementOf(el)).to.be.accessible();

    // Postal code: required for a US address, named when left out.
    await fill(el, '/accountOwner/address/country', 'USA');
    await fill(el, '/accountOwner/address/line1', '100 Market St');
    await fill(el, '/accountOwner/address/city', 'San Francisco');
    await fill(el, '/accountOwner/address/state', 'CA');
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Enter the postal code of the account owner’s address.'), 'postal code named');
    await waitUntil(() => deepActive(el)?.getAttribute('data-pointer') === '/accountOwner/address/postalCode', 'focus on the postal code');
    await fill(el, '/accountOwner/address/postalCode', '94105');
    button(el, 'Save').click();
    await waitUntil(() => eventsOf(events, 'ramp-instrument-added').length === 1, 'saved');
    // Focus lands on the next thing to do (adding a wallet), never on <body>.
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-wallet-form'), 'wallet sub-step');
    await waitUntil(() => deepActive(el)?.id === 'wallet-form-title' || deepActive(el)?.tagName === 'H3', 'focus on the wallet sub-step');
  });

  it('offers "Try again" when session renewal fails, and puts the person back where they were once the backend answers', async () => {
    const user = uniqueUser('recover');
    await approvedCustomer(user);
    let backendDown = false;
    let proxyRefuses = false;
    const fetchSession = async () => {
      if (backendDown) throw new Error('merchant backend unavailable');
      proxyRefuses = false;
      return (await sessionFor(user)).token;
    };
    // The proxy refusing the token is what an expired session looks like to the widget.
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      proxyRefuses && String(input instanceof Request ? input.url : input).includes('/api/v2/')
        ? Promise.resolve(new Response(JSON.stringify({ status: 401, code: 'session/invalid', detail: 'Session expired' }), { status: 401, headers: { 'content-type': 'application/json' } }))
        : realFetch(input, init);
    try {
      const el = await fixture<SphereRamp>(html`<sphere-ramp .fetchSession=${fetchSession}></sphere-ramp>`);
      const events: CustomEvent[] = [];
      el.addEventListener('ramp-session-expired', (e) => events.push(e as CustomEvent));
      await waitForStep(el, 'ramp');
      await waitUntil(() => value(el, 'destination'), 'first estimate');

      backendDown = true;
      proxyRefuses = true;
      await fill(el, '/amount', '77');
      const lost = await waitForStep(el, 'session-error');
      expect(events).to.have.length(1);
      expect(text(el)).to.contain('Your session was interrupted');
      await expect(lost).to.be.accessible();

      await click(el, 'Try again');
      await waitUntil(() => text(el).includes('Still no connection'), 'still down');
      expect(el.step).to.equal('session-error');

      backendDown = false;
      await click(el, 'Try again');
      await waitForStep(el, 'ramp');
      await waitUntil(() => (field(el, '/amount') as HTMLInputElement).value === '77.00' || (field(el, '/amount') as HTMLInputElement).value === '77', 'amount kept');
      await waitUntil(() => value(el, 'source')?.startsWith('77.00 USD'), 'estimating again');
      expect(() => button(el, 'Continue')).not.to.throw();
    } finally {
      window.fetch = realFetch;
    }
  });
});

function stepElementOf(el: SphereRamp) {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-step="${el.step}"]`)!;
}

/** The element that has focus, through shadow roots. */
function deepActive(el: SphereRamp): Element | null {
  let active: Element | null = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
