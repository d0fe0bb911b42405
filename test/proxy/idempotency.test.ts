import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onRamp, startStack, type Stack } from './helpers.ts';

describe('proxy idempotency: money never moves twice', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ external: true });
  });
  after(() => stack.close());

  const transfers = async (token: string) => (await stack.call(token, 'GET', '/api/v2/transfer?limit=100')).body.data as { id: string }[];

  it('requires an Idempotency-Key on transfer creation', async () => {
    const s = await stack.funded('idem-required');
    const before = stack.counter!.count('POST /v2/transfer');
    const r = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId));
    assert.equal(r.status, 422);
    assert.equal(r.body.errors[0].pointer, '/headers/Idempotency-Key');
    assert.equal(stack.counter!.count('POST /v2/transfer'), before);
    assert.deepEqual(await transfers(s.token), []);
  });

  it('replays a retried transfer with the same key, refuses the key with another body', async () => {
    const s = await stack.funded('idem-retry');
    const first = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'retry-key' });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const upstreamCalls = stack.counter!.count('POST /v2/transfer');
    const again = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'retry-key' });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    assert.equal(stack.counter!.count('POST /v2/transfer'), upstreamCalls, 'a replay does not call upstream');
    const other = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId, '999.00'), { 'idempotency-key': 'retry-key' });
    assert.equal(other.status, 422);
    assert.match(other.body.detail, /different request/);
    assert.deepEqual((await transfers(s.token)).map((t) => t.id), [first.body.id]);
  });

  it('creates exactly one transfer under concurrent duplicates', async () => {
    const s = await stack.funded('idem-concurrent');
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'burst-key' })),
    );
    const ok = replies.filter((r) => r.status === 201);
    assert.ok(ok.length >= 1);
    assert.ok(replies.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'idempotency/in-progress')), replies.map((r) => r.status).join());
    assert.equal(new Set(ok.map((r) => r.body.id)).size, 1);
    const listed = await transfers(s.token);
    assert.equal(listed.length, 1);
    assert.equal(listed[0]!.id, ok[0]!.body.id);
  });

  it('keys are forwarded unchanged: a key another customer already used upstream moves nothing', async () => {
    const a = await stack.funded('idem-scope-a');
    const b = await stack.funded('idem-scope-b');
    const ra = await stack.call(a.token, 'POST', '/api/v2/transfer', onRamp(a.bankId, a.walletId), { 'idempotency-key': 'shared-key-a' });
    const rb = await stack.call(b.token, 'POST', '/api/v2/transfer', onRamp(b.bankId, b.walletId), { 'idempotency-key': 'shared-key-a' });
    assert.equal(ra.status, 201);
    // Upstream sees the same key with a different body: its refusal passes through unchanged and nothing moves for b.
    assert.equal(rb.status, 422, rb.text);
    assert.equal((await transfers(a.token)).length, 1);
    assert.equal((await transfers(b.token)).length, 0);
  });

  it('writes every money-movement request to the audit log', async () => {
    const s = await stack.funded('idem-audit');
    await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'audit-key' });
    await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'audit-key' });
    const { openSqliteStore } = await import('../../proxy-server/store/sqlite.ts');
    const store = openSqliteStore(stack.db);
    const log = await store.auditLog(s.customerId);
    await store.close();
    assert.deepEqual(log.map((e) => [e.method, e.route, e.idempotencyKey, e.upstreamStatus]), [
      ['POST', '/transfer', 'audit-key', 201],
      ['POST', '/transfer', 'audit-key', null],
    ]);
  });

  it('keeps sessions, customer mappings and idempotency records across a restart', async () => {
    const s = await stack.funded('idem-restart');
    const first = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'restart-key' });
    assert.equal(first.status, 201);
    await stack.restart();
    const same = await stack.call(s.token, 'GET', `/api/v2/customer/${s.customerId}`);
    assert.equal(same.status, 200, 'the session survives');
    assert.equal((await stack.mint('idem-restart')).customerId, s.customerId, 'the mapping survives');
    const replay = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'restart-key' });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.id, first.body.id);
    assert.equal((await transfers(s.token)).length, 1);
  });
});
