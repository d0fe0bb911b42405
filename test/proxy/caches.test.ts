/** The proxy's in-memory caches stay bounded and forget what changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryRateCounter } from '../../proxy-server/rate-limit.ts';
import { SessionCache } from '../../proxy-server/session-cache.ts';
import { OPEN_POLICY } from '../../contract/proxy-api.ts';

const session = (user: string) => ({ externalUserId: user, customerId: null, expiresAt: new Date(Date.now() + 60_000), policy: OPEN_POLICY });

test('a remembered session is forgotten after its short TTL', () => {
  let now = 0;
  const cache = new SessionCache(2_000, 10, () => now);
  cache.set('hash-a', session('u1'));
  assert.ok(cache.get('hash-a'));
  now = 1_999;
  assert.ok(cache.get('hash-a'));
  now = 2_000;
  assert.equal(cache.get('hash-a'), undefined);
});

test('revocation hooks: a token, or every session of a user, is forgotten at once', () => {
  const cache = new SessionCache();
  cache.set('hash-a', session('u1'));
  cache.set('hash-b', session('u1'));
  cache.set('hash-c', session('u2'));
  cache.invalidateToken('hash-c');
  assert.equal(cache.get('hash-c'), undefined);
  cache.invalidateUser('u1');
  assert.equal(cache.get('hash-a'), undefined);
  assert.equal(cache.get('hash-b'), undefined);
});

test('a store read that raced an invalidation is not remembered', () => {
  const cache = new SessionCache();
  const epoch = cache.epoch; // a request starts reading the store
  cache.invalidateUser('u1'); // meanwhile the user's customer is linked
  cache.set('hash-a', session('u1'), epoch); // the stale read comes back
  assert.equal(cache.get('hash-a'), undefined);
  cache.set('hash-a', session('u1'), cache.epoch);
  assert.ok(cache.get('hash-a'));
});

test('the session cache holds at most maxEntries, dropping the oldest', () => {
  const cache = new SessionCache(60_000, 100);
  for (let i = 0; i < 1_000; i++) cache.set(`hash-${i}`, session(`u${i}`));
  assert.equal(cache.size, 100);
  assert.equal(cache.get('hash-0'), undefined);
  assert.ok(cache.get('hash-999'));
});

test('rate counters reset with each window and past maxKeys share one overflow counter', () => {
  const counter = new MemoryRateCounter(10);
  assert.equal(counter.hit('a', 0), 1);
  assert.equal(counter.hit('a', 0), 2);
  assert.equal(counter.hit('a', 60_000), 1, 'a new window starts from zero');
  for (let i = 0; i < 50; i++) counter.hit(`ip-${i}`, 60_000);
  assert.equal(counter.size, 11, 'ten keys and the overflow counter');
  assert.ok(counter.hit('yet-another', 60_000) > 1, 'a new key past the bound counts with the overflow');
});
