import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, bankAccount, EVM_ADDRESS, onRamp, passportForm, startStack, type Stack } from './helpers.ts';

type Funded = Awaited<ReturnType<Stack['funded']>>;

describe("proxy ownership: one customer never touches another's resources", () => {
  let stack: Stack;
  let alice: Funded & { quoteId: string; transferId: string };
  let bob: Funded;
  before(async () => {
    stack = await startStack({ external: true });
    const a = await stack.funded('owner-alice');
    const quote = await stack.call(a.token, 'POST', '/api/v2/quote', {
      amount: '50.00', source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'ethereum' },
    });
    const transfer = await stack.call(a.token, 'POST', '/api/v2/transfer', onRamp(a.bankId, a.walletId), { 'idempotency-key': 'alice-1' });
    assert.equal(transfer.status, 201, transfer.text);
    alice = { ...a, quoteId: quote.body.id, transferId: transfer.body.id };
    bob = await stack.funded('owner-bob');
  });
  after(() => stack.close());

  it('refuses get, patch, void, cancel and sandbox controls on foreign ids with 404, forwarding nothing', async () => {
    const before = stack.counter!.seen.length;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v2/customer/${alice.customerId}`],
      ['PATCH', `/api/v2/customer/${alice.customerId}`, { meta: { x: 'y' } }],
      ['POST', `/api/v2/customer/${alice.customerId}/tos-link`],
      ['POST', `/api/v2/customer/${alice.customerId}/otp-send`, { type: 'email' }],
      ['GET', `/api/v2/bank-account/${alice.bankId}`],
      ['PATCH', `/api/v2/bank-account/${alice.bankId}`, { networks: ['wire'] }],
      ['GET', `/api/v2/wallet/${alice.walletId}`],
      ['DELETE', `/api/v2/wallet/${alice.walletId}`],
      ['DELETE', `/api/v2/bank-account/${alice.bankId}`],
      ['GET', `/api/v2/quote/${alice.quoteId}`],
      ['PUT', `/api/v2/quote/${alice.quoteId}`, { status: 'expired' }],
      ['GET', `/api/v2/transfer/${alice.transferId}`],
      ['DELETE', `/api/v2/transfer/${alice.transferId}`],
      ['POST', `/api/sandbox/transfer/${alice.transferId}/fund`],
      ['POST', `/api/sandbox/transfer/${alice.transferId}/advance`, { status: 'canceled' }],
    ];
    for (const [method, path, body] of attempts) {
      const r = await stack.call(bob.token, method, path, body);
      assert.equal(r.status, 404, `${method} ${path}: ${r.text}`);
      assert.equal(r.body.code, 'resource/not-found');
    }
    assert.equal(stack.counter!.seen.length, before, `forwarded: ${stack.counter!.seen.slice(before).join(', ')}`);
  });

  it('refuses list filters and creates that name or reference another customer', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v2/bank-account?customerId=${alice.customerId}`],
      ['GET', `/api/v2/wallet?customerId=${alice.customerId}`],
      ['GET', `/api/v2/transfer?customer=${alice.customerId}`],
      ['POST', '/api/v2/wallet', { customerId: alice.customerId, address: EVM_ADDRESS, network: 'ethereum' }],
      ['POST', '/api/v2/bank-account', bankAccount({ customerId: alice.customerId })],
      ['POST', '/api/v2/quote', { customerId: alice.customerId, amount: '10.00', source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'ethereum' } }],
      ['POST', '/api/v2/transfer', { ...onRamp(bob.bankId, bob.walletId), customer: alice.customerId }],
      ['POST', '/api/v2/transfer', onRamp(bob.bankId, alice.walletId)],
      ['POST', '/api/v2/transfer', onRamp(alice.bankId, bob.walletId)],
      ['POST', '/api/v2/transfer', { quoteId: alice.quoteId, source: { type: 'bank_account', id: bob.bankId }, destination: { type: 'wallet', id: bob.walletId } }],
      ['POST', '/api/v2/business-representative', { customerId: alice.customerId }],
    ];
    const before = stack.counter!.seen.length;
    for (const [method, path, body] of attempts) {
      const r = await stack.call(bob.token, method, path, body, { 'idempotency-key': `bob-${path}-${Math.random()}` });
      assert.equal(r.status, 404, `${method} ${path} ${JSON.stringify(body)}: ${r.text}`);
    }
    const doc = await stack.call(bob.token, 'POST', '/api/v2/document', passportForm(alice.customerId));
    assert.equal(doc.status, 404, doc.text);
    assert.equal(stack.counter!.seen.length, before, `forwarded: ${stack.counter!.seen.slice(before).join(', ')}`);
  });

  it("leaves the other customer's resources unchanged", async () => {
    const t = await stack.call(alice.token, 'GET', `/api/v2/transfer/${alice.transferId}`);
    assert.equal(t.body.status, 'pendingFunding');
    const q = await stack.call(alice.token, 'GET', `/api/v2/quote/${alice.quoteId}`);
    assert.equal(q.body.status, 'active');
    const b = await stack.call(alice.token, 'GET', `/api/v2/bank-account/${alice.bankId}`);
    assert.deepEqual(b.body.networks, ['ach']);
    const bobsTransfers = await stack.call(bob.token, 'GET', '/api/v2/transfer');
    assert.deepEqual(bobsTransfers.body.data, []);
  });

  it('treats unknown and malformed ids as not found', async () => {
    for (const path of ['/api/v2/wallet/wallet_0000000000000000', '/api/v2/wallet/not-a-wallet', `/api/v2/transfer/payout_${'0'.repeat(24)}`, '/api/v2/bank-account/wallet_abc']) {
      const r = await stack.call(bob.token, 'GET', path);
      assert.equal(r.status, 404, path);
    }
  });

  it('checks ids it has never seen upstream, then remembers them', async () => {
    // A wallet created directly at SpherePay (not through the proxy) for Alice.
    const direct = await fetch(`${stack.counter!.url}/v2/wallet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: alice.customerId, address: '0x8ba1f109551bD432803012645Ac136ddd64DBA72', network: 'polygon' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const foreign = await stack.call(bob.token, 'GET', `/api/v2/wallet/${direct.id}`);
    assert.equal(foreign.status, 404);
    const own = await stack.call(alice.token, 'GET', `/api/v2/wallet/${direct.id}`);
    assert.equal(own.status, 200);
    const lookups = stack.counter!.count(`GET /v2/wallet/${direct.id}`);
    await stack.call(bob.token, 'GET', `/api/v2/wallet/${direct.id}`);
    assert.equal(stack.counter!.count(`GET /v2/wallet/${direct.id}`), lookups, 'known ids are refused from the store');
  });
});
