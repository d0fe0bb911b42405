import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openEvents, SERVER_SECRET, startStack, type Stack } from './helpers.ts';

const closesWithin = (done: Promise<void>, ms: number) =>
  Promise.race([done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('session revocation', () => {
  let stack: Stack;
  before(async () => {
    // A long heartbeat: streams on this process must close because of the revocation, not a timer.
    stack = await startStack({ env: { RAMP_SSE_HEARTBEAT_MS: '600000' } });
  });
  after(() => stack.close());

  it('signs a session out (DELETE /api/session): refused at once, its stream closes, other sessions live on', async () => {
    const mine = await stack.mint('revoke-self');
    const other = await stack.mint('revoke-self');
    const { res, stream } = await openEvents(stack, mine.token);
    assert.equal(res.status, 200);
    const bystander = await openEvents(stack, other.token);

    const out = await stack.call(mine.token, 'DELETE', '/api/session');
    assert.equal(out.status, 204);
    assert.ok(await closesWithin(stream.done, 1000), 'the open stream ended');
    const refused = await stack.call(mine.token, 'GET', '/api/session');
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'session/invalid');
    assert.equal((await fetch(stack.url + '/api/events', { headers: { authorization: `Bearer ${mine.token}` } })).status, 401);
    assert.equal((await stack.call(mine.token, 'DELETE', '/api/session')).status, 401);

    assert.equal((await stack.call(other.token, 'GET', '/api/session')).status, 200);
    assert.equal(await closesWithin(bystander.stream.done, 200), false, "the user's other stream stays open");
    await bystander.stream.cancel();
  });

  it("lets the merchant revoke every session of a user (DELETE /api/sessions), closing their streams", async () => {
    const a = await stack.mint('revoke-all');
    const b = await stack.mint('revoke-all');
    const stranger = await stack.mint('revoke-all-stranger');
    const streams = [await openEvents(stack, a.token), await openEvents(stack, b.token)];

    assert.equal((await stack.call('wrong-secret', 'DELETE', '/api/sessions', { externalUserId: 'revoke-all' })).status, 401);
    assert.equal((await stack.call(a.token, 'DELETE', '/api/sessions', { externalUserId: 'revoke-all' })).status, 401, 'a session token is not the server secret');
    const bad = await stack.call(SERVER_SECRET, 'DELETE', '/api/sessions', {});
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/externalUserId');

    const r = await stack.call(SERVER_SECRET, 'DELETE', '/api/sessions', { externalUserId: 'revoke-all' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { revoked: 2 });
    for (const s of streams) assert.ok(await closesWithin(s.stream.done, 1000), 'stream ended');
    for (const t of [a.token, b.token]) assert.equal((await stack.call(t, 'GET', '/api/session')).status, 401);
    assert.equal((await stack.call(stranger.token, 'GET', '/api/session')).status, 200);

    // A session minted afterwards is a fresh start.
    const again = await stack.mint('revoke-all');
    assert.equal((await stack.call(again.token, 'GET', '/api/session')).status, 200);
    assert.deepEqual((await stack.call(SERVER_SECRET, 'DELETE', '/api/sessions', { externalUserId: 'nobody-here' })).body, { revoked: 0 });
  });

  it('refuses relay calls at once after sign-out, though it was just serving them', async () => {
    const mine = await stack.customer('revoke-relay-here');
    const path = `/api/v2/customer/${mine.customerId}`;
    assert.equal((await stack.call(mine.token, 'GET', path)).status, 200);
    assert.equal((await stack.call(mine.token, 'GET', path)).status, 200);
    assert.equal((await stack.call(mine.token, 'DELETE', '/api/session')).status, 204);
    const refused = await stack.call(mine.token, 'GET', path);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'session/invalid');
  });

  it('refuses relay calls at once on another process sharing the SQLite file, when the session was revoked there', async () => {
    const first = await startStack({ external: true });
    // Same file, same upstream; SQLite broadcasts stay in their process, so the second hears nothing.
    const second = await startStack({ external: true, db: first.db, env: { SPHEREPAY_BASE_URL: first.counter!.url } });
    try {
      const s = await first.customer('revoke-relay-there');
      const path = `/api/v2/customer/${s.customerId}`;
      assert.equal((await second.call(s.token, 'GET', path)).status, 200);
      assert.equal((await second.call(s.token, 'GET', path)).status, 200);
      assert.equal((await first.call(SERVER_SECRET, 'DELETE', '/api/sessions', { externalUserId: 'revoke-relay-there' })).body.revoked, 1);
      const refused = await second.call(s.token, 'GET', path);
      assert.equal(refused.status, 401);
      assert.equal(refused.body.code, 'session/invalid');
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('closes the streams (every tab) held by another proxy process on the same store', async () => {
    const second = await startStack({ db: stack.db, env: { RAMP_SSE_HEARTBEAT_MS: '50' } });
    try {
      const s = await stack.mint('revoke-elsewhere');
      const held = await openEvents(second, s.token);
      const tab = await openEvents(second, s.token);
      assert.equal(held.res.status, 200);
      assert.equal(tab.res.status, 200);
      assert.equal((await stack.call(SERVER_SECRET, 'DELETE', '/api/sessions', { externalUserId: 'revoke-elsewhere' })).body.revoked, 1);
      assert.ok(await closesWithin(held.stream.done, 2000), 'the other process ended the stream');
      assert.ok(await closesWithin(tab.stream.done, 2000), 'and the same session\'s other stream');
      assert.equal((await second.call(s.token, 'GET', '/api/session')).status, 401);
    } finally {
      await second.close();
    }
  });
});
