/** The merchant's terms, set on the server when the session is minted: what the widget shows and offers. */
import { expect } from '@open-wc/testing';
import { click, deepQuery, deepQueryAll, field, fieldError, fill, mountRamp, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { addEurBankAccount, addUsdBankAccount, addWallet, approvedCustomer, continueWithAmount, eventsOf } from '../support/browser/money.ts';

describe("<sphere-ramp> merchant's policy", () => {
  it('shows the fee and limits before the person types, offers only what is allowed, and checks the limits', async () => {
    const user = uniqueUser('policy');
    const customerId = await approvedCustomer(user);
    await addUsdBankAccount(user, customerId);
    await addEurBankAccount(user, customerId);
    await addWallet(user, customerId, 'base');
    const { el, events } = await mountRamp({
      user,
      // A preset asking for what the merchant does not offer gives way to the policy.
      attrs: { direction: 'off-ramp' },
      policy: { integratorFeeBps: '25', minAmount: '10.00', maxAmount: '500.00', directions: ['on-ramp'], currencies: ['usd', 'usdc'] },
    });
    const step = await waitForStep(el, 'ramp');
    await waitUntil(() => deepQuery(el.shadowRoot!, '[data-policy]'), 'the terms');
    const shown = text(el);
    expect(shown).to.contain('Service fee: 0.25%.');
    expect(shown).to.contain('You can send from 10.00 USD to 500.00 USD.');

    const directions = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[name="direction"]');
    expect(directions.map((d) => d.value)).to.deep.equal(['on-ramp']);
    expect(directions[0]!.checked).to.equal(true);
    // Only the currencies offered: USD to pay, USDC to receive; the EUR account is not listed for it.
    expect([...(field(el, '/fiat') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal(['usd']);
    expect([...(field(el, '/crypto') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal(['usdc']);
    await expect(step).to.be.accessible();

    await fill(el, '/amount', '600');
    await click(el, 'Continue');
    expect(fieldError(el, '/amount')).to.contain('at most 500.00 USD');
    expect(deepQuery(el.shadowRoot!, '#instruments-title')).to.equal(undefined);

    await continueWithAmount(el, '100');
    const banks = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[name="bank"]');
    expect(banks.map((b) => b.closest('label')!.textContent)).to.satisfy((labels: string[]) => labels.every((l) => !l.includes('EUR')));
    expect(eventsOf(events, 'ramp-quote')).to.have.length(0);
    await click(el, 'Get quote');
    await waitForStep(el, 'quote');
    expect(text(el)).to.contain('0.25 USD'); // the merchant's fee, filled in by the proxy
  });
});
