import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { individual, SERVER_SECRET, startStack, type Stack } from './helpers.ts';

describe('proxy sessions', () => {
  let stack: Stack;
  let now = new Date('2030-01-01T00:00:00Z');
  before(async () => {
    stack = await startStack({ now: () => now });
  });
  after(() => stack.close());

  it('mints a session for a signed-in user, only with the server secret', async () => {
    const ok = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: 'mint-user', ttlSeconds: 600 });
    assert.equal(ok.status, 201);
    assert.match(ok.body.token, /^rs_[\w-]{40,}$/);
    assert.equal(ok.body.customerId, null);
    assert.equal(ok.body.expiresAt, new Date(now.getTime() + 600_000).toISOString());
    assert.equal(ok.headers.get('cache-control'), 'no-store');

    const wrong = await stack.call('not-the-secret', 'POST', '/api/sessions', { externalUserId: 'mint-user' });
    assert.equal(wrong.status, 401);
    const none = await stack.call(undefined, 'POST', '/api/sessions', { externalUserId: 'mint-user' });
    assert.equal(none.status, 401);
    const bad = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: '', ttlSeconds: 5, extra: 1 });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/externalUserId', '/extra', '/ttlSeconds']);
  });

  it('refuses unknown, tampered and expired tokens with 401 session/invalid', async () => {
    const { token } = await stack.mint('expiry-user', { ttlSeconds: 60 });
    assert.equal((await stack.call(token, 'GET', '/api/sandbox')).status, 200);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const t of [tampered, 'rs_unknown', undefined]) {
      const r = await stack.call(t, 'GET', '/api/sandbox');
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'session/invalid');
    }
    now = new Date(now.getTime() + 61_000);
    const expired = await stack.call(token, 'GET', '/api/sandbox');
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, 'session/invalid');
    assert.match(expired.body.detail, /expired/);
  });

  it('gives a returning user their customer back, and a session with a customer cannot create another', async () => {
    const first = await stack.customer('returning-user');
    const again = await stack.mint('returning-user');
    assert.equal(again.customerId, first.customerId);
    const second = await stack.call(again.token, 'POST', '/api/v2/customer', individual());
    assert.equal(second.status, 409);
    const got = await stack.call(again.token, 'GET', `/api/v2/customer/${first.customerId}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.id, first.customerId);
  });

  it('tells a widget holding only a token whose session it is (GET /api/session)', async () => {
    const fresh = await stack.mint('status-user', { ttlSeconds: 600 });
    const before = await stack.call(fresh.token, 'GET', '/api/session');
    assert.equal(before.status, 200);
    assert.deepEqual(before.body, {
      customerId: null, expiresAt: fresh.expiresAt,
      policy: { integratorFeeBps: '0', integratorFixedFee: '0.00', minAmount: null, maxAmount: null, directions: ['on-ramp', 'off-ramp'], currencies: ['usd', 'eur', 'brl', 'usdc', 'usdt', 'eurc'] },
    });
    // The mint answer already carries all of it, so a widget handed it whole needs no second call.
    assert.deepEqual({ customerId: fresh.customerId, expiresAt: fresh.expiresAt, policy: fresh.policy }, before.body);
    const { customerId } = await stack.customer('status-user');
    const after = await stack.call(fresh.token, 'GET', '/api/session');
    assert.equal(after.body.customerId, customerId);
    assert.equal((await stack.call('rs_unknown', 'GET', '/api/session')).status, 401);
  });

  it('creates one customer when the first requests of a user race', async () => {
    const sessions = await Promise.all([1, 2, 3, 4].map(() => stack.mint('racing-user')));
    const replies = await Promise.all(sessions.map((s, i) => stack.call(s.token, 'POST', '/api/v2/customer', individual({ email: `race${i}@example.com` }))));
    const created = replies.filter((r) => r.status === 201);
    assert.equal(created.length, 1, replies.map((r) => r.status).join(','));
    assert.ok(replies.every((r) => r.status === 201 || r.status === 409));
    const later = await stack.mint('racing-user');
    assert.equal(later.customerId, created[0]!.body.id);
  });

  it('refuses a customerId that contradicts the stored mapping with 409', async () => {
    const a = await stack.customer('mapped-user');
    const b = await stack.customer('other-user');
    const contradict = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: 'mapped-user', customerId: b.customerId });
    assert.equal(contradict.status, 409);
    const taken = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: 'new-user', customerId: a.customerId });
    assert.equal(taken.status, 409);
    const same = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: 'mapped-user', customerId: a.customerId });
    assert.equal(same.status, 201);
    assert.equal(same.body.customerId, a.customerId);
  });

  it('lets a session without a customer do nothing but create one', async () => {
    const { token } = await stack.mint('fresh-user');
    for (const [method, path] of [['GET', '/api/v2/wallet'], ['POST', '/api/sandbox/customer/approve'], ['GET', '/api/v2/customer/customer_abc']]) {
      const r = await stack.call(token, method!, path!);
      assert.equal(r.status, 404, `${method} ${path}`);
    }
  });
});
