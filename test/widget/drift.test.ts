/**
 * The widget against a drifted SpherePay (the drift stack of
 * test/support/node/stack.ts, chosen by a `drift-` user name): 24-hex payout
 * ids, fees without bpsAmount, a verification profile without criteria, an
 * unknown transfer status, a wallet on an unknown network plus an odd list
 * item, the lifecycle page's off-ramp deposit shape, and webhooks in the 2025
 * and v1 envelopes. It must still onboard, show history, and follow a
 * transfer to its end.
 */
import { expect } from '@open-wc/testing';
import { api, click, deepQuery, deepQueryAll, mountRamp, sandbox, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { ACCEPTED, INDIVIDUAL, chooseKind, fillAll, pdf, pickFile, waitForStatus } from '../support/browser/onboarding.ts';
import { addUsdBankAccount, addWallet, approvedCustomer, continueWithAmount, shownStatus } from '../support/browser/money.ts';

const driftUser = (label: string) => uniqueUser(`drift-${label}`);

/**
 * Confirms a hosted page the drift sandbox served. Its links point at the
 * sandbox itself (another origin): the page's form is a plain POST, sent the
 * way a form would be.
 */
function watchLinks() {
  const links: string[] = [];
  const realFetch = window.fetch;
  const realOpen = window.open;
  window.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/(tos-link|face-verification-link)$/.test(url) && res.ok) {
      const body = (await res.clone().json()) as { link?: string; url?: string };
      links.push((body.link ?? body.url)!);
    }
    return res;
  };
  window.open = () => null;
  return {
    async confirmLatest() {
      await waitUntil(() => links.length > 0, 'a hosted link was requested');
      const link = new URL(links.shift()!);
      await realFetch(link.origin + link.pathname, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ token: link.searchParams.get('token')! }) });
    },
    restore() {
      window.fetch = realFetch;
      window.open = realOpen;
    },
  };
}

describe('<sphere-ramp> against a drifted SpherePay', () => {
  it('completes onboarding although a profile has no criteria and webhooks come in other envelopes', async function () {
    // A whole journey over real HTTP: as long as the other journeys allow on a busy 2-core machine.
    this.timeout(60000);
    const hosted = watchLinks();
    try {
      const { el, user } = await mountRamp({ user: driftUser('onboard') });
      await waitForStep(el, 'profile');
      await chooseKind(el, 'individual');
      await fillAll(el, INDIVIDUAL);
      await click(el, 'Continue');
      await waitForStep(el, 'verification');
      await waitForStatus(el, 'identity_document', 'required');
      await fillAll(el, { '/documentType': 'passport' });
      await pickFile(el, pdf());
      await click(el, 'Upload');
      await waitForStatus(el, 'identity_document', ACCEPTED);
      await click(el, 'Open terms of service');
      await hosted.confirmLatest();
      await waitForStatus(el, 'terms_of_service', 'complete');
      await click(el, 'Start face check');
      await hosted.confirmLatest();
      await waitForStatus(el, 'liveness_check', 'complete');
      await sandbox(user, 'clock', { advanceSeconds: 5 });
      await waitForStep(el, 'review', 20000);
      await sandbox(user, 'customer/approve');
      await waitForStep(el, 'ramp', 20000);
    } finally {
      hosted.restore();
    }
  });

  it('shows history with 24-hex ids, and reopens the newest transfer awaiting its deposit', async () => {
    const user = driftUser('history');
    const customerId = await approvedCustomer(user);
    const bank = await addUsdBankAccount(user, customerId);
    const wallet = await addWallet(user, customerId, 'polygon');
    for (const amount of ['10.00', '20.00']) {
      await api(user, 'transfer', {
        body: {
          customer: customerId, amount,
          source: { type: 'bank_account', id: bank.id, currency: 'usd', network: 'ach' },
          destination: { type: 'wallet', id: wallet.id, currency: 'usdc', network: 'polygon' },
        },
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
    }
    const { el } = await mountRamp({ user, attrs: { 'destination-currency': 'usdc', network: 'polygon' } });
    // The newest transfer awaits its deposit, so the widget reopens on it.
    await waitForStep(el, 'transfer');
    expect(deepQuery(el.shadowRoot!, '[role="alert"]')).to.equal(undefined);
    await click(el, 'View past transfers');
    await waitForStep(el, 'history');
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'li[data-transfer]').length === 2, 'history rows');
    for (const li of deepQueryAll(el.shadowRoot!, 'li[data-transfer]')) expect(li.dataset.transfer).to.match(/^payout_[0-9a-f]{24}$/);
    expect(text(el)).to.contain('Buy 19.00 USDC');
    expect(text(el)).to.contain('Buy 9.00 USDC');
  });

  it('follows an on-ramp through an unknown status to its end, and shows an off-ramp deposit from the lifecycle shape', async function () {
    // A whole journey over real HTTP: as long as the other journeys allow on a busy 2-core machine.
    this.timeout(60000);
    const user = driftUser('follow');
    const customerId = await approvedCustomer(user);
    const bank = await addUsdBankAccount(user, customerId);
    const wallet = await addWallet(user, customerId, 'polygon');
    const { el, events } = await mountRamp({ user, attrs: { quotes: 'off', 'destination-currency': 'usdc', network: 'polygon' } });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '25');
    await waitUntil(() => deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[name="wallet"]').find((w) => w.value === wallet.id), 'wallet listed');
    deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[name="wallet"]').find((w) => w.value === wallet.id)!.click();
    await click(el, 'Create transfer');
    await waitForStep(el, 'transfer');
    // D12: the amount to send is the request's, though the transfer carries no source amount.
    expect(text(el)).to.contain('Send exactly $25.00 by ACH');
    const created = events.find((e) => e.type === 'ramp-transfer-created')!.detail as { transferId: string };
    expect(created.transferId).to.match(/^payout_[0-9a-f]{24}$/);

    await click(el, 'Simulate deposit (sandbox)');
    await waitUntil(() => shownStatus(el) === 'fundsReceived', 'funded');
    await sandbox(user, `transfer/${created.transferId}/advance`, { status: 'processing' });
    // Read back as a status this widget does not know: a generic label, the screen keeps working.
    await waitUntil(() => shownStatus(el) === 'settlementInProgress', 'unknown status shown', { timeout: 20000 });
    expect(deepQuery(el.shadowRoot!, '[part="status"]')!.textContent).to.contain('In progress');
    await sandbox(user, `transfer/${created.transferId}/advance`, { status: 'succeeded' });
    await waitUntil(() => shownStatus(el) === 'succeeded', 'delivered', { timeout: 20000 });
    expect(text(el)).to.contain('Delivered');

    // An off-ramp: the deposit address comes from `instructions.depositInstructions`.
    const offRamp = await api<{ id: string }>(user, 'transfer', {
      body: {
        customer: customerId, amount: '30.00',
        source: { type: 'wallet', id: wallet.id, currency: 'usdc', network: 'polygon' },
        destination: { type: 'bank_account', id: bank.id, currency: 'usd', network: 'ach' },
      },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    await click(el, 'View past transfers');
    await waitForStep(el, 'history');
    await waitUntil(() => deepQuery(el.shadowRoot!, `li[data-transfer="${offRamp.id}"]`), 'off-ramp listed');
    (deepQuery(el.shadowRoot!, `li[data-transfer="${offRamp.id}"] button`) as HTMLButtonElement).click();
    await waitForStep(el, 'transfer');
    await waitUntil(() => deepQuery(el.shadowRoot!, '[data-detail="address"]'), 'deposit address shown');
    expect(deepQuery(el.shadowRoot!, '[data-detail="amount"]')!.textContent).to.contain('30.00');
    expect(deepQuery(el.shadowRoot!, '[data-detail="network"]')!.textContent).to.contain('Polygon');
  });
});
