import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAddressForNetwork } from '../../contract/spherepay/matrix.ts';
import { NEXT_STATUSES, TRANSFER_STATUSES, Transfer, TransferList, type TransferStatus } from '../../contract/spherepay/transfer.ts';
import { isAbaRoutingNumber } from '../../contract/validators.ts';
import {
  EVM_ADDRESS, SOL_ADDRESS, approvedIndividual, brlAccount, individual, readyCustomer, startTestSandbox, usdAccount, type TestSandbox,
} from './helpers.ts';

type Ready = Awaited<ReturnType<typeof readyCustomer>>;

const onRamp = (c: Ready, extra: Record<string, unknown> = {}) => ({
  amount: '500.00', customer: c.customer,
  source: { type: 'bank_account', id: c.bank, currency: 'usd', network: 'ach' },
  destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'polygon' },
  ...extra,
});
const offRamp = (c: Ready, destination: Record<string, unknown> = {}) => ({
  amount: '200.00', customer: c.customer,
  source: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'polygon' },
  destination: { type: 'bank_account', id: c.bank, currency: 'usd', network: 'wire', ...destination },
});

/** Shortest route through the lifecycle from pendingFunding to a status. */
function pathTo(target: TransferStatus): TransferStatus[] | undefined {
  const previous = new Map<TransferStatus, TransferStatus>();
  const queue: TransferStatus[] = ['pendingFunding'];
  const seen = new Set(queue);
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of NEXT_STATUSES[at]) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, at);
      queue.push(next);
    }
  }
  if (!seen.has(target)) return undefined;
  const path: TransferStatus[] = [];
  for (let at: TransferStatus | undefined = target; at && at !== 'pendingFunding'; at = previous.get(at)) path.unshift(at);
  return path;
}

describe('sandbox transfers', () => {
  let s: TestSandbox;
  let c: Ready;
  before(async () => {
    s = await startTestSandbox();
    c = await readyCustomer(s);
  });
  after(() => s.close());

  it('creates a floating on-ramp with fees, bank deposit instructions and a memo', async () => {
    const res = await s.post('/v2/transfer', onRamp(c, { integratorBpsFeeRate: '10', externalId: 'order-42' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const t = res.body;
    assert.ok(Transfer.safeParse(t).success);
    assert.match(t.id, /^payout_[0-9a-f]{32}$/);
    // D12: `source` is `{id, type}` only and there is no top-level amount, as in every v2 example.
    assert.deepEqual(Object.keys(t.source).sort(), ['id', 'type']);
    assert.equal(t.amount, undefined);
    assert.equal(t.type, 'on_ramp');
    assert.equal(t.status, 'pendingFunding');
    assert.equal(t.customer, c.customer);
    assert.equal(t.customerId, undefined);
    assert.equal(t.externalId, 'order-42');
    assert.equal(t.quote, null);
    assert.deepEqual(t.tracking, { source: {}, destination: {} });
    assert.equal(t.fees.integratorFee.bpsAmount, '0.50');
    assert.equal(t.fees.platformFee.totalAmount, '1.00');
    assert.equal(t.destination.amount, '498.50');
    assert.equal(t.destination.exchangeRate, '1.00');
    assert.equal(t.depositAccount.type, 'bank_account');
    const bank = t.depositAccount.bankDetails;
    assert.match(bank.memo, /^[0-9A-F]{12}$/);
    assert.ok(isAbaRoutingNumber(bank.routingNumber));
    assert.ok(bank.accountNumber && bank.bankName && bank.accountHolderName && bank.accountType);
    assert.equal(t.created, s.clock.now().toISOString());
    assert.equal(t.createdAt, undefined);
    assert.deepEqual((await s.get(`/v2/transfer/${t.id}`)).body, t);
  });

  it('creates an off-ramp with a deposit address valid for the network and a rail reference', async () => {
    const res = await s.post('/v2/transfer', offRamp(c, { wireMessage: 'Invoice 2026-004' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.type, 'off_ramp');
    assert.equal(res.body.destination.wireMessage, 'Invoice 2026-004');
    const w = res.body.depositAccount.walletDetails;
    assert.equal(res.body.depositAccount.type, 'wallet');
    assert.deepEqual({ network: w.network, currency: w.currency, amount: w.amount }, { network: 'polygon', currency: 'usdc', amount: '200.00' });
    assert.ok(isAddressForNetwork('polygon', w.address));
    const wrongRail = await s.post('/v2/transfer', offRamp(c, { achReference: 'INV4' }));
    assert.equal(wrongRail.status, 422);
    assert.equal(wrongRail.body.errors[0].pointer, '/destination/achReference');
  });

  it('walks the usual lifecycle by controls, filling tracking, and refuses moves the lifecycle does not allow', async () => {
    const { body } = await s.post('/v2/transfer', onRamp(c));
    const early = await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: 'succeeded' });
    assert.equal(early.status, 422);
    assert.equal(early.body.errors[0].pointer, '/status');
    s.clock.advance(5);
    const funded = await s.post(`/_sandbox/transfer/${body.id}/fund`);
    assert.equal(funded.status, 200);
    assert.equal(funded.body.status, 'fundsReceived');
    assert.equal(funded.body.updated, s.clock.now().toISOString());
    assert.notEqual(funded.body.updated, body.created);
    assert.equal((await s.post(`/_sandbox/transfer/${body.id}/fund`)).status, 422);
    const cancel = await s.del(`/v2/transfer/${body.id}`);
    assert.equal(cancel.status, 422);
    assert.equal(cancel.body.code, 'validation/failed');
    const processing = await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: 'processing' });
    assert.ok(processing.body.tracking.source.traceNumber);
    const done = await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: 'succeeded' });
    assert.equal(done.body.status, 'succeeded');
    assert.match(done.body.tracking.destination.transactionId, /^0x[0-9a-f]{64}$/);
    assert.equal((await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: 'refunded' })).status, 422);
    assert.equal((await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: 'finished' })).status, 422);
  });

  it('allows every step of the lifecycle, and only those', async () => {
    for (const from of TRANSFER_STATUSES) {
      const path = pathTo(from);
      if (!path) continue;
      for (const to of TRANSFER_STATUSES) {
        const allowed = NEXT_STATUSES[from].includes(to);
        if (!allowed && to !== 'succeeded' && to !== 'processing') continue;
        const { body } = await s.post('/v2/transfer', onRamp(c));
        for (const step of path) assert.equal((await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: step })).status, 200, `${from} via ${step}`);
        const res = await s.post(`/_sandbox/transfer/${body.id}/advance`, { status: to });
        assert.equal(res.status, allowed ? 200 : 422, `${from} -> ${to}`);
        assert.equal((await s.get(`/v2/transfer/${body.id}`)).body.status, allowed ? to : from);
      }
    }
  });

  it('cancels only while pendingFunding, zeroing fees; funds arriving later are returned', async () => {
    const { body } = await s.post('/v2/transfer', onRamp(c));
    const canceled = await s.del(`/v2/transfer/${body.id}`);
    assert.equal(canceled.status, 200);
    assert.equal(canceled.body.status, 'canceled');
    assert.equal(canceled.body.fees.platformFee.totalAmount, '0.00');
    assert.equal((await s.del(`/v2/transfer/${body.id}`)).status, 422);
    const late = await s.post(`/_sandbox/transfer/${body.id}/fund`);
    assert.equal(late.body.status, 'returned');
    assert.equal((await s.del('/v2/transfer/payout_ffffffffffffffffffffffff')).status, 404);
    // D10: any payout_[a-z0-9]+ is an id (unknown here); another prefix is malformed.
    assert.equal((await s.del('/v2/transfer/payout_short')).status, 404);
    assert.equal((await s.del('/v2/transfer/transfer_short')).status, 422);
  });

  it('redeems a quote once; refuses used, expired and other customers\' quotes', async () => {
    const quote = (await s.post('/v2/quote', { amount: '250.00', customerId: c.customer, source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'polygon' }, integratorBpsFeeRate: '40' })).body;
    const body = { customer: c.customer, quoteId: quote.id, source: { type: 'bank_account', id: c.bank }, destination: { type: 'wallet', id: c.wallet } };
    const res = await s.post('/v2/transfer', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.quote, { id: quote.id, expiresAt: quote.expiresAt });
    assert.deepEqual(res.body.fees, quote.fees);
    assert.equal(res.body.destination.amount, quote.destination.amount);
    assert.equal((await s.get(`/v2/quote/${quote.id}`)).body.status, 'used');
    const twice = await s.post('/v2/transfer', body);
    assert.equal(twice.status, 422);
    assert.equal(twice.body.errors[0].pointer, '/quoteId');

    const short = (await s.post('/v2/quote', { amount: '10.00', customerId: c.customer, source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'polygon' }, quoteDurationSeconds: 30 })).body;
    s.clock.advance(30);
    const expired = await s.post('/v2/transfer', { ...body, quoteId: short.id });
    assert.equal(expired.status, 422);
    assert.match(expired.body.errors[0].detail, /expired/);

    const other = await readyCustomer(s);
    const theirs = (await s.post('/v2/quote', { amount: '10.00', customerId: other.customer, source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'polygon' } })).body;
    assert.equal((await s.post('/v2/transfer', { ...body, quoteId: theirs.id })).status, 404);

    const offQuote = (await s.post('/v2/quote', { amount: '10.00', customerId: c.customer, source: { currency: 'usdc', network: 'base' }, destination: { currency: 'usd', network: 'ach' } })).body;
    const mismatch = await s.post('/v2/transfer', { customer: c.customer, quoteId: offQuote.id, source: { type: 'wallet', id: c.wallet }, destination: { type: 'bank_account', id: c.bank } });
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.errors[0].pointer, '/source/id');
    assert.equal((await s.get(`/v2/quote/${offQuote.id}`)).body.status, 'active');
    const withAmount = await s.post('/v2/transfer', { ...body, quoteId: offQuote.id, amount: '10.00' });
    assert.equal(withAmount.status, 422);
  });

  it('checks instruments: ownership, currency, rail and network', async () => {
    const other = await readyCustomer(s);
    assert.equal((await s.post('/v2/transfer', onRamp({ ...c, wallet: other.wallet }))).status, 404);
    assert.equal((await s.post('/v2/transfer', onRamp({ ...c, bank: 'bankAccount_ffffffffffffffffffffffffffffffff' }))).status, 404);
    const achOnly = (await s.post('/v2/bank-account', usdAccount(c.customer, { networks: ['ach'] }))).body.id;
    const wire = await s.post('/v2/transfer', { ...onRamp({ ...c, bank: achOnly }), source: { type: 'bank_account', id: achOnly, currency: 'usd', network: 'wire' } });
    assert.equal(wire.status, 400);
    assert.equal(wire.body.errors[0].pointer, '/source/id');
    const base = await s.post('/v2/transfer', { ...onRamp(c), destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'base' } });
    assert.equal(base.status, 400);
    assert.equal(base.body.errors[0].pointer, '/destination/id');
    const tron = await s.post('/v2/transfer', { ...onRamp(c), destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'tron' } });
    assert.equal(tron.status, 400);
    const eur = await s.post('/v2/transfer', { ...onRamp(c), source: { type: 'bank_account', id: c.bank, currency: 'eur', network: 'sepa' }, destination: { type: 'wallet', id: c.wallet, currency: 'eurc', network: 'polygon' } });
    assert.equal(eur.status, 400);
  });

  it('applies the BRL rules: bps fees only, no sol, floating fees withheld until settlement', async () => {
    const pix = (await s.post('/v2/bank-account', brlAccount(c.customer))).body.id;
    const solWallet = (await s.post('/v2/wallet', { customerId: c.customer, address: SOL_ADDRESS, network: 'sol' })).body.id;
    const body = {
      amount: '1000.00', customer: c.customer, integratorBpsFeeRate: '50',
      source: { type: 'bank_account', id: pix, currency: 'brl', network: 'pix' },
      destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'polygon' },
    };
    const res = await s.post('/v2/transfer', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.fees, undefined);
    assert.match(res.body.depositAccount.bankDetails.brCode, /^000201.*br\.gov\.bcb\.pix.*6304[0-9A-F]{4}$/);
    assert.ok(res.body.depositAccount.bankDetails.pixKey);
    assert.equal(res.body.destination.amount, '182.02');
    const fixed = await s.post('/v2/transfer', { ...body, integratorFixedFee: '1.00' });
    assert.equal(fixed.status, 400);
    assert.equal(fixed.body.errors[0].pointer, '/integratorFixedFee');
    const sol = await s.post('/v2/transfer', { ...body, destination: { type: 'wallet', id: solWallet, currency: 'usdc', network: 'sol' } });
    assert.equal(sol.status, 400);
    for (const status of ['fundsReceived', 'processing', 'succeeded']) await s.post(`/_sandbox/transfer/${res.body.id}/advance`, { status });
    const settled = (await s.get(`/v2/transfer/${res.body.id}`)).body;
    assert.equal(settled.fees.integratorFee.bpsAmount, '5.00');
  });

  it('refuses bad bodies with 422 pointers and creates nothing; unapproved customers are refused', async () => {
    const fresh = await startTestSandbox();
    try {
      const f = await readyCustomer(fresh);
      const cases: [unknown, string][] = [
        [onRamp(f, { amount: '1.5' }), '/amount'],
        [onRamp(f, { amount: '1e3' }), '/amount'],
        [onRamp(f, { amount: 500 }), '/amount'],
        [onRamp(f, { customer: 42 }), '/customer'],
        [{ ...onRamp(f), source: undefined }, '/source'],
        [onRamp(f, { destination: { type: 'wallet', id: f.wallet, currency: 'usdc' } }), '/destination/network'],
        [onRamp(f, { integratorFixedFee: '0.5' }), '/integratorFixedFee'],
        [onRamp(f, { integratorBpsFeeRate: '10.5' }), '/integratorBpsFeeRate'],
        [onRamp(f, { memo: 'x' }), '/memo'],
        [onRamp(f, { amount: '1.00' }), '/amount'],
      ];
      for (const [body, pointer] of cases) {
        const res = await fresh.post('/v2/transfer', body);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.ok(res.body.errors.some((e: { pointer: string }) => e.pointer === pointer), JSON.stringify(res.body));
      }
      assert.equal((await fresh.get('/v2/transfer')).body.pagination.total, 0);
      const { body: pending } = await fresh.post('/v2/customer', individual());
      const refused = await fresh.post('/v2/transfer', onRamp({ ...f, customer: pending.id }));
      assert.equal(refused.status, 400);
      assert.equal(refused.body.code, 'customer/kyc-not-approved');
    } finally {
      await fresh.close();
    }
  });

  it('lists with customer, status and camelCase type filters, sort and pagination', async () => {
    const fresh = await startTestSandbox();
    try {
      const a = await readyCustomer(fresh);
      const b = await readyCustomer(fresh);
      const ids: string[] = [];
      for (const amount of ['30.00', '10.00', '20.00']) {
        ids.push((await fresh.post('/v2/transfer', onRamp(a, { amount }))).body.id);
        fresh.clock.advance(1);
      }
      const off = (await fresh.post('/v2/transfer', offRamp(a))).body.id;
      await fresh.post('/v2/transfer', onRamp(b));
      await fresh.post(`/_sandbox/transfer/${ids[0]}/fund`);

      const all = await fresh.get(`/v2/transfer?customer=${a.customer}`);
      assert.ok(TransferList.safeParse(all.body).success);
      assert.deepEqual(all.body.data.map((t: { id: string }) => t.id), [off, ids[2], ids[1], ids[0]]);
      const byAmount = await fresh.get(`/v2/transfer?customer=${a.customer}&type=onRamp&sort=amount`);
      assert.deepEqual(byAmount.body.data.map((t: { id: string }) => t.id), [ids[1], ids[2], ids[0]]);
      const offRamps = await fresh.get('/v2/transfer?type=offRamp');
      assert.deepEqual(offRamps.body.data.map((t: { id: string }) => t.id), [off]);
      const funded = await fresh.get('/v2/transfer?status=fundsReceived');
      assert.deepEqual(funded.body.data.map((t: { id: string }) => t.id), [ids[0]]);
      const sorted = await fresh.get(`/v2/transfer?customer=${a.customer}&sort=-status,created`);
      assert.equal(sorted.body.data[0].status, 'pendingFunding');
      const paged = await fresh.get('/v2/transfer?limit=2&page=3');
      assert.deepEqual(paged.body.pagination, { page: 3, limit: 2, total: 5, totalPages: 3, hasNext: false, hasPrevious: true });
      assert.equal(paged.body.data.length, 1);
      for (const bad of ['type=on_ramp', 'sort=price', 'status=done', 'page=0', 'limit=abc']) {
        const res = await fresh.get(`/v2/transfer?${bad}`);
        assert.equal(res.status, 422, bad);
        assert.equal(res.body.errors[0].pointer, `/${bad.split('=')[0]}`);
      }
    } finally {
      await fresh.close();
    }
  });

  it('needs an approved customer even with an EVM wallet created before approval', async () => {
    const id = await approvedIndividual(s);
    const wallet = await s.post('/v2/wallet', { customerId: id, address: EVM_ADDRESS, network: 'ethereum' });
    assert.equal(wallet.status, 201);
  });
});
