/** Following transfers: cancel after a confirmation, and the paginated history. Floating rate (quotes off). */
import { expect } from '@open-wc/testing';
import { api, button, click, sandbox, deepQuery, deepQueryAll, mountRamp, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { addUsdBankAccount, addWallet, approvedCustomer, continueWithAmount, eventsOf, shownStatus, transfersOf } from '../support/browser/money.ts';

async function arranged(label: string) {
  const user = uniqueUser(label);
  const customerId = await approvedCustomer(user);
  const bank = await addUsdBankAccount(user, customerId, ['ach', 'wire']);
  const wallet = await addWallet(user, customerId, 'base');
  return { user, customerId, bank, wallet };
}

describe('<sphere-ramp> transfers', () => {
  it('creates a floating transfer on the chosen rail and cancels it only after confirmation', async () => {
    const { user, customerId } = await arranged('cancel');
    const { el, events } = await mountRamp({ user, attrs: { quotes: 'off', 'external-id': 'cart-9' }, policy: { integratorFixedFee: '2.00' } });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '75');
    await waitUntil(() => deepQuery(el.shadowRoot!, '#rail'), 'rail choice');
    const rail = deepQuery<HTMLSelectElement>(el.shadowRoot!, '#rail')!;
    rail.value = 'wire';
    rail.dispatchEvent(new Event('change'));
    const create = button(el, 'Create transfer');
    create.click();
    create.click();
    const step = await waitForStep(el, 'transfer');
    expect(text(el)).to.contain('Send exactly 75.00 USD by Wire');
    const { data } = await transfersOf(user, customerId);
    expect(data).to.have.length(1);
    expect(data[0]!.externalId).to.equal('cart-9');
    expect(data[0]!.fees?.integratorFee.fixedAmount).to.equal('2.00');
    expect(eventsOf(events, 'ramp-transfer-created')).to.have.length(1);

    await click(el, 'Cancel transfer');
    const dialog = deepQuery<HTMLDialogElement>(el.shadowRoot!, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(step).to.be.accessible();
    await click(el, 'Keep the transfer');
    expect(dialog.open).to.equal(false);
    expect(shownStatus(el)).to.equal('pendingFunding');

    await click(el, 'Cancel transfer');
    await click(el, 'Yes, cancel it');
    await waitUntil(() => shownStatus(el) === 'canceled', 'canceled');
    expect(text(el)).to.contain('The transfer was canceled.');
    expect(() => button(el, 'Cancel transfer')).to.throw();
    expect((await transfersOf(user, customerId)).data[0]!.status).to.equal('canceled');
    await waitUntil(() => eventsOf<{ status: string }>(events, 'ramp-transfer-status').some((e) => e.status === 'canceled'), 'status event');
  });

  it('falls back to polling when live events stop, and still follows the status', async () => {
    const { user } = await arranged('polling');
    const { el } = await mountRamp({ user, attrs: { quotes: 'off' } });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '30.00');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'input[name="wallet"]'), 'wallet list');
    await click(el, 'Create transfer');
    await waitForStep(el, 'transfer');
    // The stream going away is what a dropped connection looks like to the widget.
    (el as unknown as { events: { stop(): void } }).events.stop();
    await waitUntil(() => text(el).includes('Live updates are paused'), 'polling notice');
    const id = (el as unknown as { flow: { transfer: { id: string } } }).flow.transfer.id;
    await sandbox(user, `transfer/${id}/fund`);
    await waitUntil(() => shownStatus(el) === 'fundsReceived', 'polled status', { timeout: 10000 });
  });

  it('lists past transfers a page at a time and opens one to follow it', async () => {
    const { user, customerId, bank, wallet } = await arranged('history');
    for (const amount of ['10.00', '11.00', '12.00', '13.00', '14.00', '15.00']) {
      await api(user, 'transfer', {
        body: {
          customer: customerId, amount,
          source: { type: 'bank_account', id: bank.id, currency: 'usd', network: 'ach' },
          destination: { type: 'wallet', id: wallet.id, currency: 'usdc', network: 'base' },
        },
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
    }
    const { el } = await mountRamp({ user, attrs: { theme: 'dark' } });
    // The newest transfer still awaits its deposit, so the widget reopens on it.
    await waitForStep(el, 'transfer');
    expect(shownStatus(el)).to.equal('pendingFunding');
    expect(text(el)).to.contain('Send exactly 15.00 USD by ACH');
    await click(el, 'View past transfers');
    const history = await waitForStep(el, 'history');
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'li[data-transfer]').length === 5, 'first page');
    expect(text(el)).to.contain('Page 1 of 2');
    expect(text(el)).to.contain('15.00 USD to USDC');
    expect(button(el, 'Previous page').disabled).to.equal(true);
    await expect(history).to.be.accessible();

    await click(el, 'Next page');
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'li[data-transfer]').length === 1, 'second page');
    expect(text(el)).to.contain('Page 2 of 2');
    expect(text(el)).to.contain('10.00 USD to USDC');
    expect(button(el, 'Next page').disabled).to.equal(true);

    await click(el, /^Open transfer 10\.00 USD to USDC/);
    await waitForStep(el, 'transfer');
    expect(shownStatus(el)).to.equal('pendingFunding');
    await click(el, 'New transfer');
    await waitForStep(el, 'ramp');
  });
});
