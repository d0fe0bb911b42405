import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, bankAccount, onRamp, SERVER_SECRET, startStack, type Stack } from './helpers.ts';

const quoteBody = (amount = '100.00', destination = { currency: 'usdc', network: 'ethereum' }) => ({
  amount, source: { currency: 'usd', network: 'ach' }, destination,
});

describe('proxy money policy: the merchant sets fees and limits, never the browser', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ external: true, env: { RAMP_INTEGRATOR_FEE_BPS: '25', RAMP_INTEGRATOR_FIXED_FEE: '1.00' } });
  });
  after(() => stack.close());

  /** What SpherePay (the sandbox) holds, read with the API key behind the proxy's back. */
  const upstream = async (path: string) => {
    const r = await fetch(stack.counter!.url + path, { headers: { authorization: `Bearer ${API_KEY}` } });
    assert.equal(r.status, 200);
    return (await r.json()) as any;
  };
  let key = 0;
  const transfer = (token: string, body: unknown) => stack.call(token, 'POST', '/api/v2/transfer', body, { 'idempotency-key': `policy-${++key}` });

  it("fills the merchant's default fees into a transfer the browser sent without them", async () => {
    const s = await stack.funded('policy-defaults');
    const info = await stack.call(s.token, 'GET', '/api/session');
    assert.equal(info.body.policy.integratorFeeBps, '25');
    assert.equal(info.body.policy.integratorFixedFee, '1.00');

    const created = await transfer(s.token, onRamp(s.bankId, s.walletId, '100.00'));
    assert.equal(created.status, 201, created.text);
    const held = await upstream(`/v2/transfer/${created.body.id}`);
    assert.equal(held.fees.integratorFee.bpsRate, '25');
    assert.equal(held.fees.integratorFee.fixedAmount, '1.00');
    assert.equal(held.fees.integratorFee.totalAmount, '1.25');

    const quote = await stack.call(s.token, 'POST', '/api/v2/quote', quoteBody());
    assert.equal(quote.status, 201, quote.text);
    assert.equal((await upstream(`/v2/quote/${quote.body.id}`)).fees.integratorFee.bpsRate, '25');
  });

  it('refuses a body that strips or changes the fees, and forwards nothing', async () => {
    const s = await stack.funded('policy-stripping');
    const transfersBefore = stack.counter!.count('POST /v2/transfer');
    const quotesBefore = stack.counter!.count('POST /v2/quote');
    for (const [extra, pointer] of [
      [{ integratorBpsFeeRate: '0' }, '/integratorBpsFeeRate'],
      [{ integratorBpsFeeRate: '200' }, '/integratorBpsFeeRate'],
      [{ integratorFixedFee: '0.01' }, '/integratorFixedFee'],
    ] as const) {
      const r = await transfer(s.token, { ...onRamp(s.bankId, s.walletId), ...extra });
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.code, 'policy/violation');
      assert.equal(r.body.errors[0].pointer, pointer);
    }
    const q = await stack.call(s.token, 'POST', '/api/v2/quote', { ...quoteBody(), integratorBpsFeeRate: '0' });
    assert.equal(q.status, 422);
    assert.equal(q.body.code, 'policy/violation', q.text);
    assert.equal(q.body.errors[0].pointer, '/integratorBpsFeeRate');
    assert.equal(stack.counter!.count('POST /v2/transfer'), transfersBefore, 'nothing reached SpherePay');
    assert.equal(stack.counter!.count('POST /v2/quote'), quotesBefore);

    // Naming exactly the merchant's own fee is harmless.
    const same = await transfer(s.token, { ...onRamp(s.bankId, s.walletId), integratorBpsFeeRate: '25', integratorFixedFee: '1.00' });
    assert.equal(same.status, 201, same.text);
  });

  it("applies a user's terms set at mint time: their fees, amount limits, directions and currencies", async () => {
    const s = await stack.funded('policy-narrow');
    const policy = { integratorFeeBps: '0', minAmount: '10.00', maxAmount: '500.00', directions: ['on-ramp'], currencies: ['usd', 'usdc'] };
    const { token } = await stack.mint('policy-narrow', { policy });
    const info = await stack.call(token, 'GET', '/api/session');
    assert.deepEqual(info.body.policy, {
      integratorFeeBps: '0', integratorFixedFee: '1.00', minAmount: '10.00', maxAmount: '500.00', directions: ['on-ramp'], currencies: ['usd', 'usdc'],
    });

    for (const [body, pointer] of [
      [onRamp(s.bankId, s.walletId, '9.99'), '/amount'],
      [onRamp(s.bankId, s.walletId, '500.01'), '/amount'],
      [{ ...onRamp(s.bankId, s.walletId), destination: { type: 'wallet', id: s.walletId, currency: 'usdt', network: 'ethereum' } }, '/destination/currency'],
      [{ amount: '50.00', source: { type: 'wallet', id: s.walletId, currency: 'usdc', network: 'ethereum' }, destination: { type: 'bank_account', id: s.bankId, currency: 'usd', network: 'ach' } }, '/source/type'],
    ] as const) {
      const r = await transfer(token, body);
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.code, 'policy/violation');
      assert.equal(r.body.errors[0].pointer, pointer);
    }
    const quoteTooBig = await stack.call(token, 'POST', '/api/v2/quote', quoteBody('1000.00'));
    assert.equal(quoteTooBig.body.errors?.[0]?.pointer, '/amount');
    const offRampQuote = await stack.call(token, 'POST', '/api/v2/quote', { amount: '50.00', source: { currency: 'usdc', network: 'ethereum' }, destination: { currency: 'usd', network: 'ach' } });
    assert.equal(offRampQuote.status, 422);
    assert.equal(offRampQuote.body.code, 'policy/violation');

    const ok = await transfer(token, onRamp(s.bankId, s.walletId, '500.00'));
    assert.equal(ok.status, 201, ok.text);
    const held = await upstream(`/v2/transfer/${ok.body.id}`);
    assert.equal(held.fees.integratorFee.bpsRate, '0', "this user's fee replaces the default");
    assert.equal(held.fees.integratorFee.fixedAmount, '1.00', 'the default fixed fee still applies');
  });

  it('refuses to redeem a quote made under other terms', async () => {
    const s = await stack.funded('policy-quote-terms');
    const quote = await stack.call(s.token, 'POST', '/api/v2/quote', quoteBody('100.00'));
    assert.equal(quote.status, 201, quote.text);
    const { token } = await stack.mint('policy-quote-terms', { policy: { integratorFeeBps: '50' } });
    const redeem = { quoteId: quote.body.id, source: { type: 'bank_account', id: s.bankId }, destination: { type: 'wallet', id: s.walletId } };
    const r = await transfer(token, redeem);
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.errors[0].pointer, '/quoteId');
    const same = await transfer(s.token, redeem);
    assert.equal(same.status, 201, same.text);
  });

  it('refuses a malformed policy at mint time with a pointer', async () => {
    for (const [policy, pointer] of [
      [{ integratorFeeBps: '1001' }, '/policy/integratorFeeBps'],
      [{ integratorFixedFee: '1.5' }, '/policy/integratorFixedFee'],
      [{ minAmount: '50.00', maxAmount: '10.00' }, '/policy/maxAmount'],
      [{ directions: ['sideways'] }, '/policy/directions/0'],
      [{ currencies: [] }, '/policy/currencies'],
      [{ integratorFee: '10' }, '/policy/integratorFee'],
    ] as const) {
      const r = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: 'policy-bad', policy });
      assert.equal(r.status, 422, JSON.stringify(policy));
      assert.equal(r.body.errors[0].pointer, pointer, JSON.stringify(r.body));
    }
  });

  it('takes no fixed fee on BRL, where SpherePay allows only the bps fee', async () => {
    const s = await stack.approved('policy-brl');
    const bank = await stack.call(s.token, 'POST', '/api/v2/bank-account', bankAccount({
      currency: 'brl', networks: ['pix'], accountDetails: { pixKey: '+5511999999999', pixKeyType: 'phone' },
    }));
    if (bank.status !== 201) return assert.fail(`brl bank account: ${bank.status} ${bank.text}`);
    const wallet = await stack.call(s.token, 'POST', '/api/v2/wallet', { address: '0x52908400098527886E0F7030069857D2E4169EE7', network: 'polygon' });
    const r = await transfer(s.token, {
      amount: '100.00', source: { type: 'bank_account', id: bank.body.id, currency: 'brl', network: 'pix' },
      destination: { type: 'wallet', id: wallet.body.id, currency: 'usdc', network: 'polygon' },
    });
    assert.equal(r.status, 201, r.text);
    const held = await upstream(`/v2/transfer/${r.body.id}`);
    assert.equal(held.fees?.integratorFee?.fixedAmount ?? '0.00', '0.00');
  });
});
