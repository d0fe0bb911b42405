/**
 * The 2026-12-01 revision of API.md: D13 profiles with BRL gated on
 * `kyc_profile_b`, the BRL network rule, DELETE of instruments (D5), and the
 * documented optional request fields (D11).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  TRON_ADDRESS, brlAccount, business, documentForm, individual, readyCustomer, startTestSandbox, usdAccount,
  type TestSandbox,
} from './helpers.ts';

describe('sandbox: revised API (D5, D11, D13, BRL rules)', () => {
  let s: TestSandbox;
  before(async () => {
    s = await startTestSandbox();
  });
  after(() => s.close());

  async function pendingIndividual() {
    const id = (await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }))).body.id as string;
    await s.post('/v2/document', documentForm({ targetId: id, target: 'customer', documentType: 'passport', country: 'USA' }));
    await s.post('/_sandbox/clock', { advanceSeconds: 2 });
    return id;
  }

  it('gates BRL on kyc_profile_b: USD works with profile a alone, BRL only once b is approved', async () => {
    const id = await pendingIndividual();
    await s.post(`/_sandbox/customer/${id}/approve`, { profile: 'kyc_profile_a' });
    assert.equal((await s.post('/v2/bank-account', usdAccount(id))).status, 201);
    const refused = await s.post('/v2/bank-account', brlAccount(id));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'customer/kyc-not-approved');
    const brlQuote = { amount: '100.00', customerId: id, source: { currency: 'brl', network: 'pix' }, destination: { currency: 'usdc', network: 'polygon' } };
    assert.equal((await s.post('/v2/quote', brlQuote)).status, 400);
    await s.post(`/_sandbox/customer/${id}/approve`, { profile: 'kyc_profile_b' });
    assert.equal((await s.post('/v2/bank-account', brlAccount(id))).status, 201);
    assert.equal((await s.post('/v2/quote', brlQuote)).status, 201);
  });

  it('lets BRL use only polygon, ethereum, base and tron wallets', async () => {
    const { customer } = await readyCustomer(s);
    const quote = (network: string, currency = 'usdc') =>
      s.post('/v2/quote', { amount: '100.00', customerId: customer, source: { currency: 'brl', network: 'pix' }, destination: { currency, network } });
    for (const network of ['polygon', 'ethereum', 'base']) assert.equal((await quote(network)).status, 201, network);
    assert.equal((await quote('tron', 'usdt')).status, 201);
    for (const network of ['arbitrum', 'avalanche', 'sol']) {
      const res = await quote(network);
      assert.equal(res.status, 400, network);
      assert.equal(res.body.errors[0].pointer, '/destination/network');
    }
  });

  it('deletes a wallet and a bank account ({ok:true}), refused while a transfer that has not ended uses them', async () => {
    const c = await readyCustomer(s);
    const t = (await s.post('/v2/transfer', {
      amount: '50.00', customer: c.customer,
      source: { type: 'bank_account', id: c.bank, currency: 'usd', network: 'ach' },
      destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'polygon' },
    })).body;
    for (const path of [`/v2/wallet/${c.wallet}`, `/v2/bank-account/${c.bank}`]) {
      const busy = await s.del(path);
      assert.equal(busy.status, 422, path);
      assert.equal(busy.body.code, 'validation/failed');
    }
    await s.del(`/v2/transfer/${t.id}`);
    assert.deepEqual((await s.del(`/v2/wallet/${c.wallet}`)).body, { ok: true });
    assert.deepEqual((await s.del(`/v2/bank-account/${c.bank}`)).body, { ok: true });
    assert.equal((await s.get(`/v2/wallet/${c.wallet}`)).status, 404);
    assert.equal((await s.get(`/v2/bank-account/${c.bank}`)).status, 404);
    assert.equal((await s.del(`/v2/wallet/${c.wallet}`)).status, 404);
  });

  it('accepts the documented optional request fields', async () => {
    const { customer, bank, wallet } = await readyCustomer(s);
    // accountOwner.relationship, and an address without state or postal code.
    const owner = { accountHolderName: 'Jane Smith', relationship: 'self', address: { line1: '1 Main St', city: 'Chicago', country: 'USA' } };
    assert.equal((await s.post('/v2/bank-account', usdAccount(customer, { accountOwner: owner }))).status, 201);
    assert.equal((await s.post('/v2/customer', individual({ email: 'nostate@example.com', address: { line1: '1 Main St', city: 'Chicago', country: 'USA' } }))).status, 201);
    // A representative without names or representationDetails.
    const biz = (await s.post('/v2/customer', business())).body;
    const rep = await s.post('/v2/business-representative', { customerId: biz.id, type: 'individual', email: 'rep@acme.example', phone: '+14155550990', address: { line1: '1 Main St', city: 'Chicago', country: 'USA' } });
    assert.equal(rep.status, 201, JSON.stringify(rep.body));
    // currency/network echoed in the quote variant of a transfer; a mismatch is refused.
    const quote = (await s.post('/v2/quote', { amount: '60.00', customerId: customer, source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'polygon' } })).body;
    const wrong = await s.post('/v2/transfer', { customer, quoteId: quote.id, source: { type: 'bank_account', id: bank, currency: 'usd', network: 'wire' }, destination: { type: 'wallet', id: wallet } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors[0].pointer, '/source/network');
    const echoed = await s.post('/v2/transfer', {
      customer, quoteId: quote.id,
      source: { type: 'bank_account', id: bank, currency: 'usd', network: 'ach' },
      destination: { type: 'wallet', id: wallet, currency: 'usdc', network: 'polygon' },
    });
    assert.equal(echoed.status, 201, JSON.stringify(echoed.body));
    // Fields the docs do not list are still refused.
    const unknown = await s.post('/v2/wallet', { customerId: customer, address: TRON_ADDRESS, network: 'tron', label: 'mine' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0].pointer, '/label');
  });
});
