/**
 * One store suite, run against SQLite (the default) and PostgreSQL (shared
 * by several processes). The last group opens two stores on one database, as
 * two processes would, and runs only where the store says it is shared.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_POLICY } from '../../contract/proxy-api.ts';
import { openStore } from '../../proxy-server/store/open.ts';
import type { Store, StoreMessage } from '../../proxy-server/store/store.ts';
import { admin, freshSchema, postgresUnavailable } from '../support/node/postgres.ts';

const noPostgres = await postgresUnavailable();

interface Backend {
  name: string;
  skip: string | false;
  /** A new empty database: open as many stores on it as you like. */
  database(): Promise<{ open(): Promise<Store>; drop(): Promise<void>; dropListeners?(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    skip: false,
    async database() {
      const path = join(mkdtempSync(join(tmpdir(), 'ramp-store-')), 'ramp.db');
      return { open: () => openStore(path), drop: async () => {} };
    },
  },
  {
    name: 'PostgreSQL',
    skip: noPostgres,
    async database() {
      const schema = await freshSchema();
      return {
        open: () => openStore(schema.url),
        drop: schema.drop,
        // What a database restart or a network cut does to the LISTEN connections.
        dropListeners: () => admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "ramp_${schema.name}"'`),
      };
    },
  },
];

const t0 = new Date('2026-12-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const event = (id: string, customerId: string | null, payload = '{}') => ({ id, type: 'customer.kyc.pending', customerId, payload });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `predicate` holds, or fails after `ms`. */
async function until(predicate: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

for (const backend of BACKENDS) {
  describe(`store: ${backend.name}`, { skip: backend.skip }, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const c of cleanups.reverse()) await c();
    });
    /** A store on a database of its own. */
    async function fresh() {
      const db = await backend.database();
      const store = await db.open();
      cleanups.push(db.drop, () => store.close());
      return store;
    }
    /** Two stores on one database: two processes. */
    async function pair() {
      const db = await backend.database();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      cleanups.push(db.drop, () => a.close(), () => b.close());
      return Object.assign([a, b] as const, { db });
    }

    it('keeps one customer per user and one user per customer', async () => {
      const s = await fresh();
      assert.equal(await s.ensureUser('u1', t0), null);
      assert.equal(await s.ensureUser('u1', t0), null, 'ensureUser is idempotent');
      assert.equal(await s.linkCustomer('u1', 'cus_1'), 'linked');
      assert.equal(await s.linkCustomer('u1', 'cus_1'), 'same');
      assert.equal(await s.linkCustomer('u1', 'cus_2'), 'conflict', 'a user never gets a second customer');
      await s.ensureUser('u2', t0);
      assert.equal(await s.linkCustomer('u2', 'cus_1'), 'conflict', 'a customer never gets a second user');
      assert.equal(await s.customerOf('u1'), 'cus_1');
      assert.equal(await s.ensureUser('u1', t0), 'cus_1');
      assert.equal(await s.customerOf('u2'), null);
      assert.equal(await s.customerOf('nobody'), null);
    });

    it('finds sessions by token hash, with their policy, and revokes one or all of a user’s', async () => {
      const s = await fresh();
      await s.ensureUser('u1', t0);
      await s.ensureUser('u2', t0);
      const policy = { ...OPEN_POLICY, integratorFeeBps: '25', maxAmount: '500.00' };
      for (const [tokenHash, user] of [['h1', 'u1'], ['h2', 'u1'], ['h3', 'u1'], ['h4', 'u2']] as const) {
        await s.createSession({ tokenHash, externalUserId: user, expiresAt: at(1800), policy }, t0);
      }
      await s.createSession({ tokenHash: 'old', externalUserId: 'u1', expiresAt: at(10), policy }, t0);
      assert.deepEqual(await s.findSession('h1'), { tokenHash: 'h1', externalUserId: 'u1', expiresAt: at(1800), policy, revokedAt: null });
      assert.equal(await s.findSession('nope'), undefined);

      assert.deepEqual(await s.revokeSessions({ tokenHash: 'h1' }, at(60)), ['h1']);
      assert.deepEqual(await s.revokeSessions({ tokenHash: 'h1' }, at(61)), [], 'already revoked');
      assert.deepEqual((await s.findSession('h1'))?.revokedAt, at(60));
      assert.deepEqual((await s.revokeSessions({ externalUserId: 'u1' }, at(120))).sort(), ['h2', 'h3'], 'live ones only: not h1, not the expired one');
      assert.equal((await s.findSession('h4'))?.revokedAt, null, 'another user’s session is untouched');
    });

    it('records the first owner of a resource', async () => {
      const s = await fresh();
      assert.equal(await s.recordOwner('wallet', 'wal_1', 'cus_1', t0), true);
      assert.equal(await s.recordOwner('wallet', 'wal_1', 'cus_2', t0), false, 'the first owner stands');
      assert.deepEqual(await s.ownerOf('wal_1'), { kind: 'wallet', customerId: 'cus_1' });
      assert.equal(await s.ownerOf('wal_2'), undefined);
    });

    it('records the owner an event shows, with the event, and keeps the first owner', async () => {
      const s = await fresh();
      await s.addEvent(event('evt_o1', 'cus_1'), t0, { owner: { kind: 'transfer', id: 'payout_1' } });
      assert.deepEqual(await s.ownerOf('payout_1'), { kind: 'transfer', customerId: 'cus_1' });
      assert.equal(await s.addEvent(event('evt_o1', 'cus_1'), t0, { owner: { kind: 'wallet', id: 'wal_9' } }), undefined);
      assert.deepEqual(await s.ownerOf('wal_9'), { kind: 'wallet', customerId: 'cus_1' }, 'a duplicate event still teaches its owner');
      await s.addEvent(event('evt_o2', 'cus_2'), t0, { owner: { kind: 'transfer', id: 'payout_1' } });
      assert.deepEqual(await s.ownerOf('payout_1'), { kind: 'transfer', customerId: 'cus_1' }, 'the first owner stays');
      await s.addEvent(event('evt_o3', null), t0, { owner: { kind: 'transfer', id: 'payout_2' } });
      assert.equal(await s.ownerOf('payout_2'), undefined, 'an event without a customer teaches nothing');
    });

    it('claims an Idempotency-Key once, replays its answer, releases it on a transient failure', async () => {
      const s = await fresh();
      const claim = (hash: string, now = t0, staleBefore = at(-60)) => s.claimIdempotency('cus_1', 'k1', hash, now, staleBefore);
      assert.deepEqual(await claim('h'), { state: 'claimed' });
      assert.deepEqual(await claim('h'), { state: 'in-progress', requestHash: 'h' });
      assert.deepEqual(await claim('other'), { state: 'in-progress', requestHash: 'h' });
      assert.deepEqual(await s.claimIdempotency('cus_2', 'k1', 'h', t0, at(-60)), { state: 'claimed' }, 'keys are per customer');
      await s.releaseIdempotency('cus_1', 'k1');
      assert.deepEqual(await claim('h'), { state: 'claimed' }, 'released: a retry goes through');
      await s.completeIdempotency('cus_1', 'k1', { status: 201, contentType: 'application/json', body: '{"id":"x"}' });
      assert.deepEqual(await claim('h'), { state: 'done', requestHash: 'h', response: { status: 201, contentType: 'application/json', body: '{"id":"x"}' } });
      await s.releaseIdempotency('cus_1', 'k1');
      assert.equal((await claim('h')).state, 'done', 'a final answer is never released');
    });

    it('takes over a claim its holder stopped touching, for the same request only', async () => {
      const s = await fresh();
      assert.equal((await s.claimIdempotency('cus_1', 'k', 'h', t0, at(-15))).state, 'claimed');
      await s.touchIdempotency('cus_1', 'k', at(10));
      assert.equal((await s.claimIdempotency('cus_1', 'k', 'h', at(20), at(5))).state, 'in-progress', 'touched at 10 s: alive');
      assert.equal((await s.claimIdempotency('cus_1', 'k', 'other', at(40), at(25))).state, 'in-progress', 'another request never takes it over');
      assert.deepEqual(await s.claimIdempotency('cus_1', 'k', 'h', at(40), at(25)), { state: 'claimed' }, 'untouched since 10 s: taken over');
      assert.equal((await s.claimIdempotency('cus_1', 'k', 'h', at(41), at(26))).state, 'in-progress', 'the takeover refreshed it');
    });

    it('stores each event once, in order, and replays a customer’s events after a sequence number', async () => {
      const s = await fresh();
      const a = (await s.addEvent(event('evt_a', 'cus_1'), t0))!;
      assert.equal(await s.addEvent(event('evt_a', 'cus_1'), t0), undefined, 'a duplicate is not stored');
      const b = (await s.addEvent(event('evt_b', 'cus_2'), t0))!;
      const c = (await s.addEvent(event('evt_c', 'cus_1', '{"n":3}'), t0))!;
      await s.addEvent(event('evt_d', null), t0);
      assert.ok(a.seq < b.seq && b.seq < c.seq);
      assert.deepEqual(await s.eventsAfter('cus_1', 0, 10), [a, c]);
      assert.deepEqual(await s.eventsAfter('cus_1', a.seq, 10), [c]);
      assert.deepEqual(await s.eventsAfter('cus_1', 0, 1), [a]);
      assert.equal(c.payload, '{"n":3}');
      assert.equal(await s.countEvents(), 4);
    });

    it('queues events for the merchant webhook in order per customer, leased to one sender at a time', async () => {
      const s = await fresh();
      await s.ensureUser('u1', t0);
      await s.linkCustomer('u1', 'cus_1');
      const a1 = (await s.addEvent(event('evt_a1', 'cus_1'), t0, { outbox: true }))!;
      const a2 = (await s.addEvent(event('evt_a2', 'cus_1'), t0, { outbox: true }))!;
      const b1 = (await s.addEvent(event('evt_b1', 'cus_2'), t0, { outbox: true }))!;
      await s.addEvent(event('evt_quiet', 'cus_1'), t0);
      assert.equal(await s.countPendingDeliveries(), 3, 'only events stored with outbox are queued');

      const first = await s.claimDeliveries(t0, at(30), 10);
      assert.deepEqual(first.map((d) => d.event.seq), [a1.seq, b1.seq], 'the head of each customer’s queue');
      assert.deepEqual(first[0], { event: a1, externalUserId: 'u1', attempts: 0, enqueuedAt: t0 });
      assert.equal(first[1]!.externalUserId, null, 'no user has cus_2');
      assert.deepEqual(await s.claimDeliveries(at(1), at(31), 10), [], 'leased, and a2 waits behind a1');

      await s.recordDelivery(a1.seq, { state: 'delivered' }, at(2));
      await s.recordDelivery(b1.seq, { state: 'retry', nextAttemptAt: at(60), error: 'HTTP 500' }, at(2));
      assert.deepEqual((await s.claimDeliveries(at(3), at(33), 10)).map((d) => d.event.seq), [a2.seq], 'b1 is not due yet');
      // a2's sender dies without an outcome: its lease lapses at 33 s.
      const retried = await s.claimDeliveries(at(60), at(90), 10);
      assert.deepEqual(retried.map((d) => [d.event.seq, d.attempts]), [[a2.seq, 0], [b1.seq, 1]], 'a lapsed lease is leased again; b1 is due');
      await s.recordDelivery(b1.seq, { state: 'failed', error: 'gave up' }, at(61));
      await s.recordDelivery(a2.seq, { state: 'delivered' }, at(61));
      assert.equal(await s.countPendingDeliveries(), 0);
    });

    it('purges expired and revoked sessions, old delivered events and old finished idempotency records, in bounded passes', async () => {
      const s = await fresh();
      await s.ensureUser('u1', t0);
      await s.createSession({ tokenHash: 'expired', externalUserId: 'u1', expiresAt: at(10), policy: OPEN_POLICY }, t0);
      await s.createSession({ tokenHash: 'revoked', externalUserId: 'u1', expiresAt: at(9000), policy: OPEN_POLICY }, t0);
      await s.createSession({ tokenHash: 'live', externalUserId: 'u1', expiresAt: at(9000), policy: OPEN_POLICY }, t0);
      await s.revokeSessions({ tokenHash: 'revoked' }, at(1));
      await s.addEvent(event('evt_old', 'cus_1'), t0);
      const pending = (await s.addEvent(event('evt_pending', 'cus_1'), t0, { outbox: true }))!;
      await s.addEvent(event('evt_new', 'cus_1'), at(5000));
      await s.claimIdempotency('cus_1', 'done', 'h', t0, at(-60));
      await s.completeIdempotency('cus_1', 'done', { status: 201, contentType: 'application/json', body: '{}' });
      await s.claimIdempotency('cus_1', 'open', 'h', t0, at(-60));

      assert.deepEqual(await s.purge(at(100), at(1000), 1), { sessions: 1, events: 1, idempotency: 1 }, 'one of each per pass');
      assert.deepEqual(await s.purge(at(100), at(1000), 10), { sessions: 1, events: 0, idempotency: 0 });
      assert.equal(await s.findSession('expired'), undefined);
      assert.equal(await s.findSession('revoked'), undefined);
      assert.ok(await s.findSession('live'));
      assert.deepEqual((await s.eventsAfter('cus_1', 0, 10)).map((e) => e.id), ['evt_pending', 'evt_new'], 'a pending delivery keeps its event');
      assert.equal((await s.claimIdempotency('cus_1', 'open', 'h', at(100), at(-60))).state, 'in-progress', 'a claim in progress is never purged');
      assert.equal((await s.claimIdempotency('cus_1', 'done', 'h', at(100), at(-60))).state, 'claimed', 'the finished record is gone');
      await s.recordDelivery(pending.seq, { state: 'delivered' }, at(200));
      assert.equal((await s.purge(at(200), at(1000), 10)).events, 1);
    });

    it('keeps the audit log per customer, in order', async () => {
      const s = await fresh();
      const entry = (requestId: string, customerId: string, upstreamStatus: number | null) => ({
        at: t0, sessionId: 'sess', customerId, method: 'POST', route: '/transfer', idempotencyKey: 'k', upstreamStatus, requestId,
      });
      await s.audit(entry('r1', 'cus_1', 201));
      await s.audit(entry('r2', 'cus_2', 201));
      await s.audit(entry('r3', 'cus_1', null));
      assert.deepEqual(await s.auditLog('cus_1'), [entry('r1', 'cus_1', 201), entry('r3', 'cus_1', null)]);
    });

    it('counts rate-limit hits per key in a fixed window', async () => {
      const s = await fresh();
      assert.deepEqual(await s.hitRateLimit('ip:1', 60_000, t0), { hits: 1, resetAt: at(60) });
      assert.deepEqual(await s.hitRateLimit('ip:1', 60_000, at(30)), { hits: 2, resetAt: at(60) });
      assert.deepEqual(await s.hitRateLimit('ip:2', 60_000, at(30)), { hits: 1, resetAt: at(90) });
      assert.deepEqual(await s.hitRateLimit('ip:1', 60_000, at(60)), { hits: 1, resetAt: at(120) }, 'a new window starts from one');
    });

    it('runs tasks under one key one at a time, other keys alongside, and frees the key when a task throws', async () => {
      const s = await fresh();
      const log: string[] = [];
      const task = (name: string, ms: number) => async () => {
        log.push(`${name}+`);
        await sleep(ms);
        log.push(`${name}-`);
      };
      await Promise.all([s.withLock('k', task('a', 60)), s.withLock('k', task('b', 10)), s.withLock('other', task('c', 10))]);
      assert.ok(log.indexOf('a-') < log.indexOf('b+') || log.indexOf('b-') < log.indexOf('a+'), log.join(' '));
      assert.ok(log.indexOf('c+') < log.indexOf('a-') || log.indexOf('c+') < log.indexOf('b-'), 'another key does not wait');
      await assert.rejects(s.withLock('k', async () => { throw new Error('boom'); }), /boom/);
      assert.equal(await s.withLock('k', async () => 'free'), 'free');
    });

    it('announces each stored event, and delivers broadcasts to its subscribers in order until they unsubscribe', async () => {
      const s = await fresh();
      const heard: StoreMessage[] = [];
      const stop = s.subscribe((m) => heard.push(m));
      const big = (await s.addEvent(event('evt_big', 'cus_1', JSON.stringify({ blob: 'x'.repeat(20_000) })), t0))!;
      assert.equal(await s.addEvent(event('evt_big', 'cus_1'), t0), undefined);
      await s.broadcast({ kind: 'linked', externalUserId: 'u1', customerId: 'cus_1' });
      await s.broadcast({ kind: 'session-ended', tokenHashes: ['h1'] });
      await until(() => heard.length === 3);
      assert.deepEqual(heard, [
        { kind: 'event', event: big },
        { kind: 'linked', externalUserId: 'u1', customerId: 'cus_1' },
        { kind: 'session-ended', tokenHashes: ['h1'] },
      ], 'an event too large for one notification arrives whole; a duplicate is not announced');
      stop();
      await s.broadcast({ kind: 'linked', externalUserId: 'u2', customerId: 'cus_2' });
      await sleep(100);
      assert.equal(heard.length, 3);
    });

    it('answers ping until closed', async () => {
      const db = await backend.database();
      cleanups.push(db.drop);
      const s = await db.open();
      await s.ping();
      await s.close();
      await assert.rejects(s.ping());
      await s.close();
    });

    it('never gives an announced seq to another event, even one a power cut lost after it was announced', async (t) => {
      if (backend.name !== 'SQLite') return t.skip('PostgreSQL commits durably before announcing, and its sequences never go back');
      const path = join(mkdtempSync(join(tmpdir(), 'ramp-store-')), 'ramp.db');
      const first = await openStore(path);
      const heard: number[] = [];
      first.subscribe((m) => m.kind === 'event' && heard.push(m.event.seq));
      const kept = (await first.addEvent(event('evt_kept', 'cus_1'), t0))!;
      const lost = (await first.addEvent(event('evt_lost', 'cus_1'), t0))!;
      assert.deepEqual(heard, [kept.seq, lost.seq], 'both announced');
      await first.close();
      // What losing power before the WAL sync does: the row and the sequence go back together.
      const raw = new Database(path);
      raw.prepare('DELETE FROM events WHERE seq = ?').run(lost.seq);
      raw.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(kept.seq);
      raw.close();
      const again = await openStore(path);
      cleanups.push(() => again.close());
      const next = (await again.addEvent(event('evt_next', 'cus_1'), t0))!;
      assert.ok(next.seq > lost.seq, `a stream that saw ${lost.seq} still replays ${next.seq}`);
      assert.deepEqual((await again.eventsAfter('cus_1', lost.seq, 10)).map((e) => e.id), ['evt_next']);
    });

    it('keeps what it stored across a reopen', async () => {
      const db = await backend.database();
      cleanups.push(db.drop);
      const first = await db.open();
      await first.ensureUser('u1', t0);
      await first.linkCustomer('u1', 'cus_1');
      await first.addEvent(event('evt_1', 'cus_1'), t0);
      await first.close();
      const again = await db.open();
      cleanups.push(() => again.close());
      assert.equal(await again.customerOf('u1'), 'cus_1');
      assert.equal((await again.eventsAfter('cus_1', 0, 10)).length, 1);
    });

    describe('shared by two processes', () => {
      it('migrates once when several start together, and both see one database', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        await a.ensureUser('u1', t0);
        await a.linkCustomer('u1', 'cus_1');
        assert.equal(await b.customerOf('u1'), 'cus_1');
      });

      it('links a customer to one user when two race', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        await a.ensureUser('u1', t0);
        await a.ensureUser('u2', t0);
        const results = await Promise.all([a.linkCustomer('u1', 'cus_x'), b.linkCustomer('u2', 'cus_x')]);
        assert.deepEqual([...results].sort(), ['conflict', 'linked']);
      });

      it('lets exactly one of many concurrent claims through', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimIdempotency('cus_1', 'k', 'h', t0, at(-15))));
        assert.equal(claims.filter((c) => c.state === 'claimed').length, 1);
      });

      it('holds a lock against the other process', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        const log: string[] = [];
        let release!: () => void;
        const held = a.withLock('customer:u1', async () => {
          log.push('a');
          await new Promise<void>((r) => (release = r));
        });
        await until(() => log.length === 1);
        const waiting = b.withLock('customer:u1', async () => void log.push('b'));
        await sleep(100);
        assert.deepEqual(log, ['a'], 'b waits while a holds the lock');
        release();
        await held;
        await waiting;
        assert.deepEqual(log, ['a', 'b']);

      });

      it('announces events stored by either process to both, each customer’s in sequence order', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        const heardA: StoreMessage[] = [];
        const heardB: StoreMessage[] = [];
        a.subscribe((m) => heardA.push(m));
        b.subscribe((m) => heardB.push(m));
        // Both processes store events of two customers at once.
        await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).addEvent(event(`evt_${i}`, `cus_${i % 3 ? 'x' : 'y'}`), t0)));
        await until(() => heardA.length === 30 && heardB.length === 30);
        for (const heard of [heardA, heardB]) {
          for (const customer of ['cus_x', 'cus_y']) {
            const seqs = heard.flatMap((m) => (m.kind === 'event' && m.event.customerId === customer ? [m.event.seq] : []));
            assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), `${customer}: announced in sequence order`);
          }
        }
      });

      it('leases each merchant-webhook delivery to one process only', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        for (let i = 0; i < 20; i++) await a.addEvent(event(`evt_${i}`, `cus_${i}`), t0, { outbox: true });
        const leased = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).claimDeliveries(t0, at(30), 5)));
        const seqs = leased.flat().map((d) => d.event.seq);
        assert.equal(seqs.length, 20);
        assert.equal(new Set(seqs).size, 20, 'no delivery leased twice');
      });

      it('hears broadcasts again after its LISTEN connection was cut', async (t) => {
        const pairOf = await pair();
        const [a, b] = pairOf;
        if (!a.shared) return t.skip('one process only');
        const heard: StoreMessage[] = [];
        b.subscribe((m) => heard.push(m));
        await pairOf.db.dropListeners!();
        // Broadcasts sent while b reconnects are lost (streams replay by Last-Event-ID); keep sending until one lands.
        const deadline = Date.now() + 5000;
        for (let i = 0; heard.length === 0 && Date.now() < deadline; i++) {
          await a.broadcast({ kind: 'linked', externalUserId: `u${i}`, customerId: 'cus_1' });
          await sleep(200);
        }
        assert.ok(heard.length > 0, 'b hears a again');
      });

      it('shares rate-limit counters', async (t) => {
        const [a, b] = await pair();
        if (!a.shared) return t.skip('one process only');
        await a.hitRateLimit('ip:1', 60_000, t0);
        await b.hitRateLimit('ip:1', 60_000, t0);
        assert.equal((await a.hitRateLimit('ip:1', 60_000, t0)).hits, 3);
      });
    });
  });
}
