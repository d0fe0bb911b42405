import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BankAccount, BankAccountList } from '../../contract/spherepay/bank-account.ts';
import { Wallet, WalletList } from '../../contract/spherepay/wallet.ts';
import {
  EVM_ADDRESS, SOL_ADDRESS, TRON_ADDRESS, approvedIndividual, brlAccount, eurAccount, individual, readyCustomer, startTestSandbox, usdAccount, type TestSandbox,
} from './helpers.ts';

describe('sandbox bank accounts and wallets', () => {
  let s: TestSandbox;
  let customer: string;
  before(async () => {
    s = await startTestSandbox();
    customer = await approvedIndividual(s);
  });
  after(() => s.close());

  it('creates a USD account with the number masked and the routing number in clear', async () => {
    const res = await s.post('/v2/bank-account', usdAccount(customer));
    assert.equal(res.status, 201);
    assert.ok(BankAccount.safeParse(res.body).success);
    assert.match(res.body.id, /^bankAccount_[a-z0-9]{32}$/);
    assert.deepEqual(res.body.accountDetails, { accountNumber: '****7890', routingNumber: '021000021', accountType: 'checking' });
    assert.deepEqual(res.body.accountOwner, { accountHolderName: 'Jane Smith', relationship: 'self' });
    assert.equal(res.body.status, 'active');
    assert.equal(res.body.created, s.clock.now().toISOString());
    assert.equal(res.body.createdAt, undefined);
    assert.ok(!JSON.stringify(res.body).includes('1234567890'));
    const got = await s.get(`/v2/bank-account/${res.body.id}`);
    assert.deepEqual(got.body, res.body);
  });

  it('creates EUR (IBAN masked, BIC normalised) and BRL (PIX) accounts', async () => {
    const eur = await s.post('/v2/bank-account', eurAccount(customer));
    assert.equal(eur.status, 201);
    assert.deepEqual(eur.body.accountDetails, { iban: '****3000', bic: 'COBADEFFXXX' });
    const brl = await s.post('/v2/bank-account', brlAccount(customer));
    assert.equal(brl.status, 201);
    assert.deepEqual(brl.body.networks, ['pix']);
  });

  it('refuses bad account details with 422 pointers and creates nothing', async () => {
    const fresh = await startTestSandbox();
    try {
      const id = await approvedIndividual(fresh);
      const cases: [unknown, string][] = [
        [usdAccount(id, { accountDetails: { accountNumber: '1234567890', routingNumber: '021000022', accountType: 'checking' } }), '/accountDetails/routingNumber'],
        [usdAccount(id, { accountDetails: { accountNumber: '12ab', routingNumber: '021000021', accountType: 'checking' } }), '/accountDetails/accountNumber'],
        [usdAccount(id, { networks: ['sepa'] }), '/networks/0'],
        [{ ...eurAccount(id), accountDetails: { iban: 'DE89370400440532013001', bic: 'COBADEFFXXX' } }, '/accountDetails/iban'],
        [{ ...brlAccount(id), accountDetails: { pixKey: '123', pixKeyType: 'cpf' } }, '/accountDetails/pixKey'],
        [usdAccount(id, { bankName: 42 }), '/bankName'],
      ];
      for (const [body, pointer] of cases) {
        const res = await fresh.post('/v2/bank-account', body);
        assert.equal(res.status, 422, JSON.stringify(res.body));
        assert.ok(res.body.errors.some((e: { pointer: string }) => e.pointer === pointer), JSON.stringify(res.body));
      }
      assert.equal((await fresh.get(`/v2/bank-account?customerId=${id}`)).body.pagination.total, 0);
    } finally {
      await fresh.close();
    }
  });

  it('needs an approved customer for a bank account (D7) and a known one', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const res = await s.post('/v2/bank-account', usdAccount(body.id));
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'customer/kyc-not-approved');
    const unknown = await s.post('/v2/bank-account', usdAccount('customer_ffffffffffffffffffffffffffffffff'));
    assert.equal(unknown.status, 404);
  });

  it('lists bank accounts newest first as {data, pagination}; unknown customer 404', async () => {
    const fresh = await startTestSandbox();
    try {
      const id = await approvedIndividual(fresh);
      const a = await fresh.post('/v2/bank-account', usdAccount(id));
      const b = await fresh.post('/v2/bank-account', eurAccount(id));
      const list = await fresh.get(`/v2/bank-account?customerId=${id}&limit=1`);
      assert.ok(BankAccountList.safeParse(list.body).success);
      assert.deepEqual(list.body.data.map((x: { id: string }) => x.id), [b.body.id]);
      assert.deepEqual(list.body.pagination, { page: 1, limit: 1, total: 2, totalPages: 2, hasNext: true, hasPrevious: false });
      const second = await fresh.get(`/v2/bank-account?customerId=${id}&limit=1&page=2`);
      assert.deepEqual(second.body.data.map((x: { id: string }) => x.id), [a.body.id]);
      assert.equal((await fresh.get('/v2/bank-account?customerId=customer_ffffffffffffffffffffffffffffffff')).status, 404);
    } finally {
      await fresh.close();
    }
  });

  it('patches networks only within the currency', async () => {
    const { body } = await s.post('/v2/bank-account', usdAccount(customer, { networks: ['ach'] }));
    s.clock.advance(1);
    const res = await s.patch(`/v2/bank-account/${body.id}`, { networks: ['ach', 'wire'] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.networks, ['ach', 'wire']);
    assert.notEqual(res.body.updated, body.updated);
    const wrong = await s.patch(`/v2/bank-account/${body.id}`, { networks: ['ach', 'sepa'] });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors[0].pointer, '/networks/1');
    const extra = await s.patch(`/v2/bank-account/${body.id}`, { networks: ['ach'], bankName: 'Other' });
    assert.equal(extra.status, 422);
    assert.equal(extra.body.errors[0].pointer, '/bankName');
    assert.deepEqual((await s.get(`/v2/bank-account/${body.id}`)).body.networks, ['ach', 'wire']);
    assert.equal((await s.patch('/v2/bank-account/bankAccount_ffff', { networks: ['ach'] })).status, 404);
  });

  it('creates wallets per network without approval, checking the address for the network', async () => {
    const { body: pending } = await s.post('/v2/customer', individual());
    for (const [network, address] of [['polygon', EVM_ADDRESS], ['sol', SOL_ADDRESS], ['tron', TRON_ADDRESS]]) {
      const res = await s.post('/v2/wallet', { customerId: pending.id, address, network });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.ok(Wallet.safeParse(res.body).success);
      assert.match(res.body.id, /^wallet_[a-z0-9]{32}$/);
    }
    const invalidAddress = await s.post('/v2/wallet', { customerId: pending.id, address: SOL_ADDRESS, network: 'ethereum' });
    assert.equal(invalidAddress.status, 400);
    assert.equal(invalidAddress.body.code, 'address/invalid');
    assert.equal(invalidAddress.body.errors[0].pointer, '/address');
    const badNetwork = await s.post('/v2/wallet', { customerId: pending.id, address: EVM_ADDRESS, network: 'bitcoin' });
    assert.equal(badNetwork.status, 422);
    assert.equal(badNetwork.body.errors[0].pointer, '/network');
    const unknown = await s.post('/v2/wallet', { customerId: 'customer_ffffffffffffffffffffffffffffffff', address: EVM_ADDRESS, network: 'base' });
    assert.equal(unknown.status, 404);
    const list = await s.get(`/v2/wallet?customerId=${pending.id}`);
    assert.ok(WalletList.safeParse(list.body).success);
    assert.deepEqual(list.body.data.map((w: { network: string }) => w.network), ['tron', 'sol', 'polygon']);
    const got = await s.get(`/v2/wallet/${list.body.data[0].id}`);
    assert.deepEqual(got.body, list.body.data[0]);
    assert.equal((await s.get('/v2/wallet/wallet_ffff')).status, 404);
    assert.equal((await s.get('/v2/wallet/purse_1')).status, 422);
  });

  it('deletes a wallet and a bank account ({ok:true}), but not while a transfer that has not finished uses them', async () => {
    const ready = await readyCustomer(s);
    const transfer = await s.post('/v2/transfer', {
      customer: ready.customer, amount: '10.00',
      source: { type: 'bank_account', id: ready.bank, currency: 'usd', network: 'ach' },
      destination: { type: 'wallet', id: ready.wallet, currency: 'usdc', network: 'polygon' },
    }, { 'idempotency-key': 'delete-in-use' });
    assert.equal(transfer.status, 201, JSON.stringify(transfer.body));
    for (const path of [`/v2/wallet/${ready.wallet}`, `/v2/bank-account/${ready.bank}`]) {
      const refused = await s.del(path);
      assert.equal(refused.status, 422, path);
      assert.equal(refused.body.code, 'validation/failed');
      assert.equal((await s.get(path)).status, 200);
    }
    assert.equal((await s.del(`/v2/transfer/${transfer.body.id}`)).status, 200);
    for (const path of [`/v2/wallet/${ready.wallet}`, `/v2/bank-account/${ready.bank}`]) {
      const deleted = await s.del(path);
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.deepEqual(deleted.body, { ok: true });
      assert.equal((await s.get(path)).status, 404);
      assert.equal((await s.del(path)).status, 404);
    }
    assert.equal((await s.get(`/v2/wallet?customerId=${ready.customer}`)).body.data.length, 0);
  });
});
