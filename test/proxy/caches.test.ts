/** The proxy's in-memory caches stay bounded and forget what changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { MemoryRateCounter } from '../../proxy-server/rate-limit.ts';
import { createOwnership } from '../../proxy-server/relay/ownership.ts';
import { SessionCache } from '../../proxy-server/session-cache.ts';
import { groupCommit } from '../../proxy-server/store/group-commit.ts';
import type { Store } from '../../proxy-server/store/store.ts';
import type { Upstream } from '../../proxy-server/upstream.ts';
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

test('with a data version, anything written elsewhere makes the session cache forget everything', () => {
  let version = 1;
  const cache = new SessionCache(60_000, 100, Date.now, () => version);
  assert.equal(cache.get('hash-a'), undefined);
  cache.set('hash-a', session('u1'), cache.epoch);
  cache.set('hash-b', session('u2'), cache.epoch);
  assert.ok(cache.get('hash-a'), 'remembered while nothing changed elsewhere');
  version = 2; // another process committed (a revocation, a new customer, anything)
  assert.equal(cache.get('hash-b'), undefined);
  assert.equal(cache.size, 0);
});

test('a TTL of 0 remembers nothing (the cache is off)', () => {
  const cache = new SessionCache(0);
  cache.set('hash-a', session('u1'));
  assert.equal(cache.get('hash-a'), undefined);
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

/** A store that only keeps owners, counting its calls. */
function ownerStore() {
  const owners = new Map<string, { kind: 'wallet'; customerId: string }>();
  const calls = { ownerOf: 0, recordOwner: 0 };
  const store = {
    async ownerOf(id: string) {
      calls.ownerOf++;
      return owners.get(id);
    },
    async recordOwner(kind: 'wallet', id: string, customerId: string) {
      calls.recordOwner++;
      if (owners.has(id)) return false;
      owners.set(id, { kind, customerId });
      return true;
    },
  } as unknown as Store;
  return { store, owners, calls };
}
const noUpstream = { request: () => Promise.reject(new Error('no upstream here')) } as unknown as Upstream;

test('owners upstream just named are remembered: checks and repeated answers cost no store call', async () => {
  const { store, calls } = ownerStore();
  const ownership = createOwnership(store, noUpstream, () => new Date());
  const wallet = { id: 'wallet_a1', customerId: 'customer_one' };
  assert.ok(await ownership.accept('wallet', wallet, 'customer_one'));
  assert.ok(await ownership.accept('wallet', wallet, 'customer_one'), 'the same wallet in a list read again');
  await ownership.assert('wallet', 'wallet_a1', 'customer_one');
  await assert.rejects(ownership.assert('wallet', 'wallet_a1', 'customer_two'), /not found/i);
  assert.deepEqual(calls, { ownerOf: 0, recordOwner: 1 });
});

test('owners read from the store are remembered', async () => {
  const { store, owners, calls } = ownerStore();
  owners.set('wallet_b1', { kind: 'wallet', customerId: 'customer_one' }); // recorded by a webhook, or another process
  const ownership = createOwnership(store, noUpstream, () => new Date());
  await assert.rejects(ownership.assert('wallet', 'wallet_b1', 'customer_two'), /not found/i);
  await ownership.assert('wallet', 'wallet_b1', 'customer_one');
  await ownership.assert('wallet', 'wallet_b1', 'customer_one');
  assert.equal(calls.ownerOf, 1, 'read once, then remembered');
});

test("upstream's word does not overrule an owner the store already held", async () => {
  const { store, owners } = ownerStore();
  owners.set('wallet_d1', { kind: 'wallet', customerId: 'customer_one' });
  const ownership = createOwnership(store, noUpstream, () => new Date());
  await ownership.accept('wallet', { id: 'wallet_d1', customerId: 'customer_two' }, 'customer_two');
  await new Promise((r) => setImmediate(r)); // the write has been answered: not recorded
  await assert.rejects(ownership.assert('wallet', 'wallet_d1', 'customer_two'), /not found/i);
  await ownership.assert('wallet', 'wallet_d1', 'customer_one');
});

test('the ownership memory holds at most maxRemembered ids, forgetting the oldest', async () => {
  const { store, calls } = ownerStore();
  const ownership = createOwnership(store, noUpstream, () => new Date(), 10);
  for (let i = 0; i < 50; i++) await ownership.accept('wallet', { id: `wallet_c${i}`, customerId: 'customer_one' }, 'customer_one');
  await new Promise((r) => setImmediate(r));
  await ownership.assert('wallet', 'wallet_c49', 'customer_one');
  assert.equal(calls.ownerOf, 0, 'the newest is remembered');
  await ownership.assert('wallet', 'wallet_c0', 'customer_one');
  assert.equal(calls.ownerOf, 1, 'the oldest was forgotten and read again');
});

test('group commit: writes of one turn commit together, each reported only once committed and synced, a failing one alone', async () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
  const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
  const count = () => (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
  // The WAL sync, held until the test lets it finish.
  let syncs = 0;
  let finishSync = () => {};
  const durable = () => new Promise<void>((resolve) => { syncs++; finishSync = resolve; });
  const batch = groupCommit(db, durable);
  const seen: string[] = [];
  const a = batch.write(() => insert.run('a').changes, { committed: () => seen.push(`a committed, ${count()} rows`) });
  const dup = batch.write(() => insert.run('a').changes);
  const b = batch.write(() => insert.run('b').changes);
  void a.then(() => seen.push('a reported'));
  assert.equal(count(), 0, 'nothing written before the turn ends');
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, ['a committed, 2 rows'], 'committed at once, not reported before the sync');
  assert.equal(syncs, 1, 'one sync for the turn');
  finishSync();
  assert.equal(await a, 1);
  await assert.rejects(dup, /UNIQUE/);
  assert.equal(await b, 1);
  assert.deepEqual(seen, ['a committed, 2 rows', 'a reported']);
  assert.equal(count(), 2, 'the duplicate failed alone');

  const waiting = batch.write(() => insert.run('c').changes, { within: 60_000 });
  await new Promise((r) => setImmediate(r));
  assert.equal(count(), 2, 'a write that may wait waits');
  const d = batch.write(() => insert.run('d').changes);
  await new Promise((r) => setImmediate(r));
  finishSync();
  assert.equal(await d, 1);
  assert.equal(await waiting, 1);
  assert.equal(count(), 4, 'it went with the next write that could not wait');
  db.close();
});
