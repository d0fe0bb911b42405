/**
 * The Store on SQLite (better-sqlite3, WAL) for one proxy process. Calls are
 * synchronous underneath; the interface is async. Locks and broadcasts stay
 * in this process, which is all there is.
 *
 * Commits never sync on the event loop (`synchronous=NORMAL`); a write whose
 * caller acknowledges something (a webhook, a session, an idempotency claim
 * or answer, a revocation, a link, a delivery) resolves only once the WAL is
 * synced off the loop (`wal-sync.ts`), so it is on disk as with
 * `synchronous=FULL`. A webhook's event is announced to the streams when it
 * commits, before its sync: were the machine to lose power in between, the
 * event would be gone (and SpherePay, never answered, sends it again), so its
 * `seq` must never be given to another event. Every start therefore moves the
 * event sequence past a gap no sync can span (SEQ_GAP): a stream's
 * `Last-Event-ID` from before never hides an event stored after.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.ts';
import type { SessionPolicy } from '../../contract/proxy-api.ts';
import { createKeyedLock } from '../keyed-lock.ts';
import { groupCommit } from './group-commit.ts';
import { walSync } from './wal-sync.ts';
import type { AddEventOptions, AuditEntry, DeliveryOutcome, IdempotencyClaim, OutboxDelivery, PurgeCounts, ResourceKind, StoredEvent, Store, StoreMessage } from './store.ts';

/** How long an owner record may wait to share a transaction (and its sync) with other writes, such as the webhook about the same resource. */
const OWNER_WAIT_MS = 50;
/** How far each start moves the event sequence: far more events than can commit during one sync of the WAL. */
const SEQ_GAP = 1_000_000;

export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const durable = walSync(path);
  skipSeqGap(db);
  durable.now();

  const q = {
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    insertUser: db.prepare('INSERT OR IGNORE INTO users (external_user_id, created_at) VALUES (?, ?)'),
    userCustomer: db.prepare<[string], { customer_id: string | null }>('SELECT customer_id FROM users WHERE external_user_id = ?'),
    customerUser: db.prepare<[string], { external_user_id: string }>('SELECT external_user_id FROM users WHERE customer_id = ?'),
    link: db.prepare('UPDATE users SET customer_id = ? WHERE external_user_id = ? AND customer_id IS NULL'),
    insertSession: db.prepare('INSERT INTO sessions (token_hash, external_user_id, expires_at, created_at, policy) VALUES (?, ?, ?, ?, ?)'),
    session: db.prepare<[string], { token_hash: string; external_user_id: string; expires_at: number; policy: string; revoked_at: number | null }>(
      'SELECT token_hash, external_user_id, expires_at, policy, revoked_at FROM sessions WHERE token_hash = ?',
    ),
    revokeOne: db.prepare<[number, string, number], { token_hash: string }>(
      'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ? RETURNING token_hash',
    ),
    revokeUser: db.prepare<[number, string, number], { token_hash: string }>(
      'UPDATE sessions SET revoked_at = ? WHERE external_user_id = ? AND revoked_at IS NULL AND expires_at > ? RETURNING token_hash',
    ),
    insertOwner: db.prepare('INSERT OR IGNORE INTO ownership (resource_id, kind, customer_id, created_at) VALUES (?, ?, ?, ?)'),
    owner: db.prepare<[string], { kind: ResourceKind; customer_id: string }>('SELECT kind, customer_id FROM ownership WHERE resource_id = ?'),
    claim: db.prepare(
      "INSERT OR IGNORE INTO idempotency (customer_id, key, request_hash, state, updated_at) VALUES (?, ?, ?, 'in-progress', ?)",
    ),
    idem: db.prepare<[string, string], { request_hash: string; state: string; status: number | null; content_type: string | null; body: string | null; updated_at: number }>(
      'SELECT request_hash, state, status, content_type, body, updated_at FROM idempotency WHERE customer_id = ? AND key = ?',
    ),
    takeOver: db.prepare(
      "UPDATE idempotency SET request_hash = ?, updated_at = ? WHERE customer_id = ? AND key = ? AND state = 'in-progress' AND updated_at < ?",
    ),
    complete: db.prepare("UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? WHERE customer_id = ? AND key = ?"),
    release: db.prepare("DELETE FROM idempotency WHERE customer_id = ? AND key = ? AND state = 'in-progress'"),
    touch: db.prepare("UPDATE idempotency SET updated_at = ? WHERE customer_id = ? AND key = ? AND state = 'in-progress'"),
    hit: db.prepare<{ key: string; now: number; window: number }, { hits: number; reset_at: number }>(`
      INSERT INTO rate_limits (key, hits, reset_at) VALUES (@key, 1, @now + @window)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= @now THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= @now THEN @now + @window ELSE rate_limits.reset_at END
      RETURNING hits, reset_at`),
    expiredLimits: db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?'),
    insertEvent: db.prepare('INSERT OR IGNORE INTO events (id, type, customer_id, payload, received_at) VALUES (?, ?, ?, ?, ?)'),
    eventsAfter: db.prepare<[string, number, number], { seq: number; id: string; type: string; customer_id: string | null; payload: string }>(
      'SELECT seq, id, type, customer_id, payload FROM events WHERE customer_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    countEvents: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events'),
    enqueue: db.prepare('INSERT INTO outbox (seq, customer_key, state, enqueued_at, next_attempt_at) VALUES (?, ?, \'pending\', ?, ?)'),
    // The head of each customer's queue, if due and not leased; later events wait behind it.
    due: db.prepare<[number, number, number], OutboxRow>(`
      SELECT o.seq, o.attempts, o.enqueued_at, e.id, e.type, e.customer_id, e.payload, u.external_user_id
      FROM outbox o JOIN events e ON e.seq = o.seq LEFT JOIN users u ON u.customer_id = e.customer_id
      WHERE o.state = 'pending' AND o.next_attempt_at <= ? AND o.lease_until <= ?
        AND o.seq = (SELECT MIN(p.seq) FROM outbox p WHERE p.state = 'pending' AND p.customer_key = o.customer_key)
      ORDER BY o.seq LIMIT ?`),
    lease: db.prepare('UPDATE outbox SET lease_until = ? WHERE seq = ?'),
    delivered: db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, lease_until = 0, last_error = NULL, finished_at = ? WHERE seq = ? AND state = 'pending'"),
    retry: db.prepare("UPDATE outbox SET attempts = attempts + 1, lease_until = 0, next_attempt_at = ?, last_error = ? WHERE seq = ? AND state = 'pending'"),
    failed: db.prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, lease_until = 0, last_error = ?, finished_at = ? WHERE seq = ? AND state = 'pending'"),
    countPending: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'"),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM sessions WHERE expires_at <= ? OR revoked_at IS NOT NULL LIMIT ?)'),
    purgeEvents: db.prepare(`DELETE FROM events WHERE seq IN (
      SELECT e.seq FROM events e LEFT JOIN outbox o ON o.seq = e.seq
      WHERE e.received_at < ? AND (o.state IS NULL OR o.state <> 'pending') ORDER BY e.seq LIMIT ?)`),
    purgeIdempotency: db.prepare(`DELETE FROM idempotency WHERE rowid IN (
      SELECT rowid FROM idempotency WHERE state = 'done' AND updated_at < ? LIMIT ?)`),
    audit: db.prepare(
      'INSERT INTO audit (at, session_id, customer_id, method, route, idempotency_key, upstream_status, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    auditLog: db.prepare<[string], { at: number; session_id: string; customer_id: string | null; method: string; route: string; idempotency_key: string | null; upstream_status: number | null; request_id: string }>(
      'SELECT * FROM audit WHERE customer_id = ? ORDER BY id',
    ),
  };

  const claimTx = db.transaction((customerId: string, key: string, requestHash: string, now: number, staleBefore: number): IdempotencyClaim => {
    if (q.claim.run(customerId, key, requestHash, now).changes === 1) return { state: 'claimed' };
    const row = q.idem.get(customerId, key)!;
    if (row.state === 'done') {
      return { state: 'done', requestHash: row.request_hash, response: { status: row.status!, contentType: row.content_type ?? 'application/json', body: row.body ?? '' } };
    }
    // A claim left behind by a crashed process may be taken over, but only for the same request.
    if (row.request_hash === requestHash && q.takeOver.run(requestHash, now, customerId, key, staleBefore).changes === 1) return { state: 'claimed' };
    return { state: 'in-progress', requestHash: row.request_hash };
  });

  const linkTx = db.transaction((externalUserId: string, customerId: string) => {
    const owner = q.customerUser.get(customerId);
    if (owner) return owner.external_user_id === externalUserId ? 'same' : 'conflict';
    if (q.link.run(customerId, externalUserId).changes === 1) return 'linked';
    return 'conflict';
  });

  const addEventTx = db.transaction((e: Omit<StoredEvent, 'seq'>, now: number, { outbox, owner }: AddEventOptions): StoredEvent | undefined => {
    if (owner && e.customerId) q.insertOwner.run(owner.id, owner.kind, e.customerId, now);
    const info = q.insertEvent.run(e.id, e.type, e.customerId, e.payload, now);
    if (info.changes !== 1) return undefined;
    const seq = Number(info.lastInsertRowid);
    if (outbox) q.enqueue.run(seq, e.customerId ?? '', now, now);
    return { ...e, seq };
  });

  const claimTxDeliveries = db.transaction((now: number, leaseUntil: number, limit: number): OutboxDelivery[] => {
    const rows = q.due.all(now, now, limit);
    for (const r of rows) q.lease.run(leaseUntil, r.seq);
    return rows.map((r) => ({
      event: { seq: r.seq, id: r.id, type: r.type, customerId: r.customer_id, payload: r.payload },
      externalUserId: r.external_user_id,
      attempts: r.attempts,
      enqueuedAt: new Date(r.enqueued_at),
    }));
  });

  const revokeTx = db.transaction((target: Parameters<Store['revokeSessions']>[0], now: number): string[] => {
    const rows = 'tokenHash' in target ? q.revokeOne.all(now, target.tokenHash, now) : q.revokeUser.all(now, target.externalUserId, now);
    return rows.map((r) => r.token_hash);
  });

  const purgeTx = db.transaction((now: number, before: number, batch: number): PurgeCounts => ({
    sessions: q.purgeSessions.run(now, batch).changes,
    events: q.purgeEvents.run(before, batch).changes,
    idempotency: q.purgeIdempotency.run(before, batch).changes,
  }));

  const toEvent = (r: { seq: number; id: string; type: string; customer_id: string | null; payload: string }): StoredEvent => ({
    seq: r.seq, id: r.id, type: r.type, customerId: r.customer_id, payload: r.payload,
  });

  const batch = groupCommit(db, durable);
  const lock = createKeyedLock();
  const listeners = new Set<(m: StoreMessage) => void>();
  let open = true;
  return {
    shared: false,
    dataVersion() {
      return q.dataVersion.get()!;
    },
    async ensureUser(externalUserId, now) {
      q.insertUser.run(externalUserId, now.getTime());
      return q.userCustomer.get(externalUserId)?.customer_id ?? null;
    },
    async customerOf(externalUserId) {
      return q.userCustomer.get(externalUserId)?.customer_id ?? null;
    },
    async linkCustomer(externalUserId, customerId) {
      const outcome = linkTx(externalUserId, customerId);
      if (outcome === 'linked') await durable();
      return outcome;
    },
    async createSession(s, now) {
      q.insertSession.run(s.tokenHash, s.externalUserId, s.expiresAt.getTime(), now.getTime(), JSON.stringify(s.policy));
      await durable();
    },
    async findSession(tokenHash) {
      const r = q.session.get(tokenHash);
      return r && {
        tokenHash: r.token_hash, externalUserId: r.external_user_id, expiresAt: new Date(r.expires_at),
        policy: JSON.parse(r.policy) as SessionPolicy, revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
      };
    },
    async revokeSessions(target, now) {
      const revoked = revokeTx(target, now.getTime());
      if (revoked.length) await durable();
      return revoked;
    },
    recordOwner(kind, id, customerId, now, options) {
      return batch.write(() => q.insertOwner.run(id, kind, customerId, now.getTime()).changes === 1, options?.mayWait ? { within: OWNER_WAIT_MS } : {});
    },
    async ownerOf(id) {
      const r = q.owner.get(id);
      return r && { kind: r.kind, customerId: r.customer_id };
    },
    async claimIdempotency(customerId, key, requestHash, now, staleBefore) {
      // On disk before the request goes upstream, so a restart never forgets a claim that may have moved money.
      const claim = claimTx(customerId, key, requestHash, now.getTime(), staleBefore.getTime());
      if (claim.state === 'claimed') await durable();
      return claim;
    },
    async completeIdempotency(customerId, key, r) {
      await batch.write(() => q.complete.run(r.status, r.contentType, r.body, customerId, key));
    },
    async releaseIdempotency(customerId, key) {
      await batch.write(() => q.release.run(customerId, key));
    },
    async touchIdempotency(customerId, key, now) {
      await batch.write(() => q.touch.run(now.getTime(), customerId, key));
    },
    withLock: lock,
    async hitRateLimit(key, windowMs, now) {
      const t = now.getTime();
      if (Math.random() < 0.01) q.expiredLimits.run(t);
      const r = q.hit.get({ key, now: t, window: windowMs })!;
      return { hits: r.hits, resetAt: new Date(r.reset_at) };
    },
    async broadcast(message) {
      for (const l of [...listeners]) l(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    addEvent(e, now, options) {
      // Announced once committed (the group's events in the order of their seq), acknowledged once durable.
      return batch.write(() => addEventTx(e, now.getTime(), options ?? {}), {
        committed: (stored) => {
          if (stored) for (const l of [...listeners]) l({ kind: 'event', event: stored });
        },
      });
    },
    async eventsAfter(customerId, seq, limit) {
      return q.eventsAfter.all(customerId, seq, limit).map(toEvent);
    },
    async countEvents() {
      return q.countEvents.get()!.n;
    },
    async claimDeliveries(now, leaseUntil, limit) {
      // IMMEDIATE takes the write lock before reading, so two processes never lease the same head.
      return claimTxDeliveries.immediate(now.getTime(), leaseUntil.getTime(), limit);
    },
    async recordDelivery(seq, outcome: DeliveryOutcome, now) {
      if (outcome.state === 'delivered') q.delivered.run(now.getTime(), seq);
      else if (outcome.state === 'retry') q.retry.run(outcome.nextAttemptAt.getTime(), outcome.error, seq);
      else q.failed.run(outcome.error, now.getTime(), seq);
      await durable();
    },
    async countPendingDeliveries() {
      return q.countPending.get()!.n;
    },
    async purge(now, before, batch) {
      return purgeTx(now.getTime(), before.getTime(), batch);
    },
    async audit(a: AuditEntry) {
      await batch.write(() => q.audit.run(a.at.getTime(), a.sessionId, a.customerId, a.method, a.route, a.idempotencyKey, a.upstreamStatus, a.requestId));
    },
    async auditLog(customerId) {
      return q.auditLog.all(customerId).map((r) => ({
        at: new Date(r.at), sessionId: r.session_id, customerId: r.customer_id, method: r.method, route: r.route,
        idempotencyKey: r.idempotency_key, upstreamStatus: r.upstream_status, requestId: r.request_id,
      }));
    },
    async ping() {
      if (!open) throw new Error('store is closed');
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (!open) return;
      open = false;
      batch.flush();
      listeners.clear();
      durable.close();
      db.close();
    },
  };
}

interface OutboxRow {
  seq: number;
  attempts: number;
  enqueued_at: number;
  id: string;
  type: string;
  customer_id: string | null;
  payload: string;
  external_user_id: string | null;
}

/** Moves the event sequence SEQ_GAP past the last seq this database may have handed out (see the top of this file), durably. */
function skipSeqGap(db: Database.Database) {
  db.transaction(() => {
    const moved = db.prepare("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'events'").run(SEQ_GAP).changes;
    if (moved === 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(SEQ_GAP);
  })();
}

function migrate(db: Database.Database) {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare<[], { version: number }>('SELECT version FROM schema_version').get();
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  const from = row?.version ?? 0;
  for (let v = from; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.prepare('UPDATE schema_version SET version = ?').run(v + 1);
    })();
  }
}
