/** Adding bank accounts and wallets, and the BRL rules, against the real proxy and sandbox. */
import { expect } from '@open-wc/testing';
import { api, button, click, deepQuery, deepQueryAll, field, fieldError, fill, mountRamp, uniqueUser, waitForStep, text, waitUntil } from '../support/browser/ramp.ts';
import { ADDRESSES, addBrlBankAccount, addUsdBankAccount, addWallet, approvedCustomer, clickIn, continueWithAmount, transfersOf, waitForEvent } from '../support/browser/money.ts';

const count = async (user: string, what: 'bank-account' | 'wallet', customerId: string) =>
  (await api<{ data: unknown[] }>(user, `${what}?customerId=${customerId}`)).data.length;

describe('<sphere-ramp> instruments', () => {
  it('blocks a routing number that fails the ABA checksum and an IBAN that fails mod-97, with clear messages', async () => {
    const user = uniqueUser('bank-invalid');
    const customerId = await approvedCustomer(user);
    const { el, events } = await mountRamp({ user, attrs: { theme: 'dark' } });
    const step = await waitForStep(el, 'ramp');
    await continueWithAmount(el, '10');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-bank-account-form'), 'bank form');

    await fill(el, '/bankName', 'Chase');
    await fill(el, '/accountName', 'Checking');
    await fill(el, '/accountDetails/routingNumber', '021000022');
    await fill(el, '/accountDetails/accountNumber', '1234567890');
    await fill(el, '/accountOwner/accountHolderName', 'Ada Lovelace');
    expect(fieldError(el, '/accountDetails/routingNumber')).to.equal('This is not a valid routing number: 9 digits whose checksum must match.');
    expect(field(el, '/accountDetails/routingNumber').getAttribute('aria-invalid')).to.equal('true');
    await clickIn(el, 'sphere-ramp-bank-account-form', 'Save');
    expect(events.filter((e) => e.type === 'ramp-instrument-added')).to.have.length(0);
    await expect(step).to.be.accessible();

    await fill(el, '/currency', 'eur');
    await fill(el, '/accountDetails/iban', 'de89370400440532013001');
    expect(field(el, '/accountDetails/iban').value).to.equal('DE89 3704 0044 0532 0130 01');
    expect(fieldError(el, '/accountDetails/iban')).to.equal('This IBAN is not valid: its check digits do not match. Check for a typo.');
    await fill(el, '/accountDetails/bic', 'cobadeffxxx');
    await clickIn(el, 'sphere-ramp-bank-account-form', 'Save');
    expect(await count(user, 'bank-account', customerId)).to.equal(0);

    await fill(el, '/accountDetails/iban', 'DE89370400440532013000');
    expect(fieldError(el, '/accountDetails/iban')).to.equal(undefined);
    await clickIn(el, 'sphere-ramp-bank-account-form', 'Save');
    await waitForEvent(events, 'ramp-instrument-added');
    expect(await count(user, 'bank-account', customerId)).to.equal(1);
    // With no wallet saved, adding one comes next; leaving it shows the chosen account.
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-wallet-form'), 'wallet sub-step');
    await clickIn(el, 'sphere-ramp-wallet-form', 'Cancel');
    await waitUntil(() => /Commerz|Chase/.test(text(el)) && !deepQuery(el.shadowRoot!, 'sphere-ramp-bank-account-form'), 'account listed');
    expect(deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[name="bank"]').filter((i) => i.checked)).to.have.length(1);
  });

  it('blocks wallet addresses that do not fit the network: EVM checksum, Tron checksum, a Solana address on Base', async () => {
    const user = uniqueUser('wallet-invalid');
    const customerId = await approvedCustomer(user);
    await addUsdBankAccount(user, customerId);
    const { el, events } = await mountRamp({ user });
    await waitForStep(el, 'ramp');
    await continueWithAmount(el, '10');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-wallet-form'), 'wallet form');

    await fill(el, '/network', 'base');
    expect(text(el)).to.contain('Stablecoins on this network: USDC, EURC.');
    await fill(el, '/address', ADDRESSES.baseBadChecksum);
    // A checksum failure says so, not "40 hexadecimal characters" (it has them).
    expect(fieldError(el, '/address')).to.equal('The mix of capital and small letters does not match the address checksum (EIP-55): check it for a typo, or paste it again.');
    await fill(el, '/address', ADDRESSES.sol);
    expect(fieldError(el, '/address')).to.equal('This is not an address for this network: 0x followed by 40 hexadecimal characters.');
    await fill(el, '/network', 'tron');
    await fill(el, '/address', ADDRESSES.tronBadChecksum);
    expect(fieldError(el, '/address')).to.equal('The Tron address checksum does not match: check it for a typo, or paste it again.');
    await clickIn(el, 'sphere-ramp-wallet-form', 'Save');
    expect(await count(user, 'wallet', customerId)).to.equal(0);

    await fill(el, '/address', ADDRESSES.tron);
    expect(fieldError(el, '/address')).to.equal(undefined);
    await clickIn(el, 'sphere-ramp-wallet-form', 'Save');
    await waitForEvent(events, 'ramp-instrument-added');
    expect(await count(user, 'wallet', customerId)).to.equal(1);
  });

  it('applies the BRL rules: wallets on polygon, ethereum, base or tron only, only the bps fee', async () => {
    const user = uniqueUser('brl');
    const customerId = await approvedCustomer(user);
    await addWallet(user, customerId, 'sol');
    await addWallet(user, customerId, 'polygon');
    await addBrlBankAccount(user, customerId);
    const { el, events } = await mountRamp({
      user,
      attrs: { quotes: 'off', 'source-currency': 'brl', 'destination-currency': 'usdc' },
      policy: { integratorFixedFee: '1.00', integratorFeeBps: '15' },
    });
    const step = await waitForStep(el, 'ramp');
    // Solana is not offered for BRL, and the saved Polygon wallet's network is chosen.
    const offered = [...(field(el, '/cryptoNetwork') as HTMLSelectElement).options].map((o) => o.value);
    expect(offered).to.include('polygon');
    expect(offered).not.to.include('sol');
    expect(text(el)).to.contain('PIX transfers use wallets on Polygon, Ethereum, Base or Tron only');
    expect(text(el)).to.contain('Service fee: 0.15%.');
    expect(text(el), 'no fixed fee on BRL').not.to.contain('1.00 BRL');
    await waitUntil(() => (field(el, '/cryptoNetwork') as HTMLSelectElement).value === 'polygon', 'saved wallet network');
    await continueWithAmount(el, '500');
    await waitUntil(() => deepQueryAll(el.shadowRoot!, 'input[name="wallet"]').length === 1, 'wallet listed');
    const wallet = deepQueryAll<HTMLInputElement>(el.shadowRoot!, 'input[name="wallet"]')[0]!;
    expect(wallet.closest('label')!.textContent).to.include('Polygon');
    expect(wallet.checked).to.equal(true);
    await click(el, 'Add a wallet');
    await waitUntil(() => deepQuery(el.shadowRoot!, 'sphere-ramp-wallet-form'), 'wallet sub-step');
    const networks = [...(field(el, '/network') as HTMLSelectElement).options].map((o) => o.value);
    expect(networks).to.include('polygon');
    expect(networks).not.to.include('sol');
    expect(networks).not.to.include('arbitrum');
    expect(networks).to.include('tron');
    await expect(step).to.be.accessible();
    await clickIn(el, 'sphere-ramp-wallet-form', 'Cancel');
    await waitUntil(() => deepQuery(el.shadowRoot!, '#instruments-title'), 'instruments');
    await click(el, 'Create transfer');
    await waitForStep(el, 'transfer');
    expect(button(el, 'Simulate deposit (sandbox)')).to.exist;
    expect(text(el)).to.contain('PIX copy-and-paste code');
    const { data } = await transfersOf(user, customerId);
    expect(data).to.have.length(1);
    const created = data[0] as unknown as { destination: { network: string; currency: string }; fees?: unknown };
    // The transfer's source is {id, type} only (D12); the BRL side shows in the deposit (PIX) and the missing floating-BRL fees.
    expect(created.destination.network).to.equal('polygon');
    expect(created.destination.currency).to.equal('usdc');
    expect(created.fees).to.equal(undefined);
    expect(text(el)).to.contain('Send exactly R$500.00 by PIX');
    expect(events.filter((e) => e.type === 'ramp-error')).to.have.length(0);
  });

  it('asks for the BRL verification before a PIX amount goes on, when only the USD profile is approved (D13)', async () => {
    const user = uniqueUser('brl-gate');
    await approvedCustomer(user, 'kyc_profile_a');
    const { el } = await mountRamp({ user, attrs: { 'source-currency': 'brl' } });
    await waitForStep(el, 'ramp');
    await waitUntil(() => deepQuery(el.shadowRoot!, '[data-profile-needed]'), 'BRL verification notice');
    expect(deepQuery(el.shadowRoot!, '[data-profile-needed]')!.textContent).to.contain('BRL transfers need an additional verification');
    expect(button(el, 'Continue').disabled).to.equal(true);
  });
});
