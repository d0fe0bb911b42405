import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Quote, QuoteList } from '../../contract/spherepay/quote.ts';
import { approvedIndividual, individual, startTestSandbox, type TestSandbox } from './helpers.ts';

const onRamp = (customerId: string, extra: Record<string, unknown> = {}) => ({
  amount: '100.00', customerId, source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'polygon' }, ...extra,
});

describe('sandbox quotes', () => {
  let s: TestSandbox;
  let customer: string;
  before(async () => {
    s = await startTestSandbox();
    customer = await approvedIndividual(s);
  });
  after(() => s.close());

  it('quotes an on-ramp: fees off the amount, then the rate; 60 s by default', async () => {
    const res = await s.post('/v2/quote', onRamp(customer, { integratorBpsFeeRate: '20' }));
    assert.equal(res.status, 201);
    assert.ok(Quote.safeParse(res.body).success);
    assert.match(res.body.id, /^quote_[a-z0-9]{32}$/);
    assert.equal(res.body.type, 'on_ramp');
    assert.equal(res.body.status, 'active');
    assert.deepEqual(res.body.fees, {
      integratorFee: { fixedAmount: '0.00', bpsRate: '20', bpsAmount: '0.20', totalAmount: '0.20', currency: 'usd' },
      platformFee: { fixedAmount: '1.00', bpsRate: '0', bpsAmount: '0.00', totalAmount: '1.00', currency: 'usd' },
    });
    assert.deepEqual(res.body.source, { currency: 'usd', network: 'ach', amount: '100.00' });
    assert.deepEqual(res.body.destination, { currency: 'usdc', network: 'polygon', amount: '98.80', exchangeRate: '1.00' });
    assert.equal(Date.parse(res.body.expiresAt) - Date.parse(res.body.created), 60_000);
  });

  it('quotes an off-ramp to BRL with bps fees and rounds the destination to cents', async () => {
    const res = await s.post('/v2/quote', { amount: '100.00', customerId: customer, source: { currency: 'usdc', network: 'polygon' }, destination: { currency: 'brl', network: 'pix' }, quoteDurationSeconds: 300 });
    assert.equal(res.status, 201);
    assert.equal(res.body.type, 'off_ramp');
    assert.equal(res.body.fees.platformFee.bpsAmount, '0.20');
    assert.equal(res.body.destination.amount, '544.41');
    assert.equal(res.body.destination.exchangeRate, '5.455');
    assert.equal(Date.parse(res.body.expiresAt) - Date.parse(res.body.created), 300_000);
  });

  it('expires by the clock, and only an active quote can be voided', async () => {
    const { body } = await s.post('/v2/quote', onRamp(customer, { quoteDurationSeconds: 30 }));
    s.clock.advance(29);
    assert.equal((await s.get(`/v2/quote/${body.id}`)).body.status, 'active');
    s.clock.advance(1);
    const expired = await s.get(`/v2/quote/${body.id}`);
    assert.equal(expired.body.status, 'expired');
    assert.equal(expired.body.updated, body.expiresAt);
    const put = await s.put(`/v2/quote/${body.id}`, { status: 'used' });
    assert.equal(put.status, 422);
    assert.equal(put.body.errors[0].pointer, '/status');

    const fresh = await s.post('/v2/quote', onRamp(customer));
    const used = await s.put(`/v2/quote/${fresh.body.id}`, { status: 'used' });
    assert.equal(used.status, 200);
    assert.equal(used.body.status, 'used');
    assert.equal((await s.put(`/v2/quote/${fresh.body.id}`, { status: 'expired' })).status, 422);
    assert.equal((await s.put(`/v2/quote/${fresh.body.id}`, { status: 'active' })).status, 422);
  });

  it('refuses pairs off the matrix with 400 address/invalid', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ source: { currency: 'usd', network: 'ach' }, destination: { currency: 'brl', network: 'pix' } }, '/destination/currency'],
      [{ source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'tron' } }, '/destination/network'],
      [{ source: { currency: 'eur', network: 'ach' }, destination: { currency: 'eurc', network: 'base' } }, '/source/network'],
      [{ source: { currency: 'brl', network: 'pix' }, destination: { currency: 'usdc', network: 'sol' } }, '/destination/network'],
      [{ source: { currency: 'eur', network: 'sepa' }, destination: { currency: 'usdt', network: 'ethereum' } }, '/destination/currency'],
    ];
    for (const [pair, pointer] of cases) {
      const res = await s.post('/v2/quote', onRamp(customer, pair));
      assert.equal(res.status, 400, JSON.stringify(pair));
      assert.equal(res.body.code, 'address/invalid');
      assert.equal(res.body.errors[0].pointer, pointer, JSON.stringify(res.body));
    }
  });

  it('refuses bad amounts and fields with 422 pointers and creates nothing', async () => {
    const fresh = await startTestSandbox();
    try {
      const id = await approvedIndividual(fresh);
      const cases: [Record<string, unknown>, string][] = [
        [{ amount: '1.5' }, '/amount'], [{ amount: '1e3' }, '/amount'], [{ amount: 100 }, '/amount'], [{ amount: '-1.00' }, '/amount'],
        [{ amount: '0.00' }, '/amount'], [{ amount: '1.00' }, '/amount'], [{ quoteDurationSeconds: 45 }, '/quoteDurationSeconds'],
        [{ integratorBpsFeeRate: '2.5' }, '/integratorBpsFeeRate'], [{ source: { currency: 'usd' } }, '/source/network'],
      ];
      for (const [extra, pointer] of cases) {
        const res = await fresh.post('/v2/quote', onRamp(id, extra));
        assert.equal(res.status, 422, JSON.stringify(extra));
        assert.equal(res.body.errors[0].pointer, pointer, JSON.stringify(res.body));
      }
      assert.equal((await fresh.get('/v2/quote')).body.total, 0);
    } finally {
      await fresh.close();
    }
  });

  it('needs an approved, known customer', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const res = await s.post('/v2/quote', onRamp(body.id));
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'customer/kyc-not-approved');
    assert.equal((await s.post('/v2/quote', onRamp('customer_ffffffffffffffffffffffffffffffff'))).status, 404);
    assert.equal((await s.get('/v2/quote/quote_ffffffff')).status, 404);
  });

  it('lists with page, limit, total, totalPages, hasNext, hasPrevious at the top level', async () => {
    const fresh = await startTestSandbox();
    try {
      const id = await approvedIndividual(fresh);
      for (let i = 0; i < 3; i++) await fresh.post('/v2/quote', onRamp(id, { quoteDurationSeconds: i === 0 ? 30 : 300 }));
      fresh.clock.advance(31);
      const list = await fresh.get(`/v2/quote?customerId=${id}&limit=2`);
      assert.ok(QuoteList.safeParse(list.body).success);
      assert.equal(list.body.pagination, undefined);
      assert.deepEqual({ ...list.body, data: undefined }, { data: undefined, page: 1, limit: 2, total: 3, totalPages: 2, hasNext: true, hasPrevious: false });
      assert.equal((await fresh.get('/v2/quote?status=expired')).body.total, 1);
      assert.equal((await fresh.get('/v2/quote?status=active')).body.total, 2);
      assert.equal((await fresh.get('/v2/quote?limit=101')).status, 422);
    } finally {
      await fresh.close();
    }
  });
});
