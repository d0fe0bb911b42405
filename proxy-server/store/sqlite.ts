/**
 * The Store on SQLite (better-sqlite3, WAL) for one proxy process. Calls are
 * synchronous underneath; the interface is async. Locks and broadcasts stay
 * in this process, which is all there is.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createKeyedLock } from '../keyed-lock.ts';
import { MIGRATIONS } from './migrations.ts';
import type { AuditEntry, IdempotencyClaim, ResourceKind, SessionRecord, StoredEvent, Store, StoreMessage } from './store.ts';

export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const q = {
    insertUser: db.prepare('INSERT OR IGNORE INTO users (external_user_id, created_at) VALUES (?, ?)'),
    userCustomer: db.prepare<[string], { customer_id: string | null }>('SELECT customer_id FROM users WHERE external_user_id = ?'),
    customerUser: db.prepare<[string], { external_user_id: string }>('SELECT external_user_id FROM users WHERE customer_id = ?'),
    link: db.prepare('UPDATE users SET customer_id = ? WHERE external_user_id = ? AND customer_id IS NULL'),
    insertSession: db.prepare('INSERT INTO sessions (token_hash, external_user_id, expires_at, created_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare<[string], { token_hash: string; external_user_id: string; expires_at: number }>(
      'SELECT token_hash, external_user_id, expires_at FROM sessions WHERE token_hash = ?',
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

  const toEvent = (r: { seq: number; id: string; type: string; customer_id: string | null; payload: string }): StoredEvent => ({
    seq: r.seq, id: r.id, type: r.type, customerId: r.customer_id, payload: r.payload,
  });

  const lock = createKeyedLock();
  const listeners = new Set<(m: StoreMessage) => void>();
  let open = true;
  return {
    shared: false,
    async ensureUser(externalUserId, now) {
      q.insertUser.run(externalUserId, now.getTime());
      return q.userCustomer.get(externalUserId)?.customer_id ?? null;
    },
    async customerOf(externalUserId) {
      return q.userCustomer.get(externalUserId)?.customer_id ?? null;
    },
    async linkCustomer(externalUserId, customerId) {
      return linkTx(externalUserId, customerId);
    },
    async createSession(s: SessionRecord, now) {
      q.insertSession.run(s.tokenHash, s.externalUserId, s.expiresAt.getTime(), now.getTime());
    },
    async findSession(tokenHash) {
      const r = q.session.get(tokenHash);
      return r && { tokenHash: r.token_hash, externalUserId: r.external_user_id, expiresAt: new Date(r.expires_at) };
    },
    async recordOwner(kind, id, customerId, now) {
      q.insertOwner.run(id, kind, customerId, now.getTime());
    },
    async ownerOf(id) {
      const r = q.owner.get(id);
      return r && { kind: r.kind, customerId: r.customer_id };
    },
    async claimIdempotency(customerId, key, requestHash, now, staleBefore) {
      return claimTx(customerId, key, requestHash, now.getTime(), staleBefore.getTime());
    },
    async completeIdempotency(customerId, key, r) {
      q.complete.run(r.status, r.contentType, r.body, customerId, key);
    },
    async releaseIdempotency(customerId, key) {
      q.release.run(customerId, key);
    },
    async touchIdempotency(customerId, key, now) {
      q.touch.run(now.getTime(), customerId, key);
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
    async addEvent(e, now) {
      const info = q.insertEvent.run(e.id, e.type, e.customerId, e.payload, now.getTime());
      return info.changes === 1 ? { ...e, seq: Number(info.lastInsertRowid) } : undefined;
    },
    async eventsAfter(customerId, seq, limit) {
      return q.eventsAfter.all(customerId, seq, limit).map(toEvent);
    },
    async countEvents() {
      return q.countEvents.get()!.n;
    },
    async audit(a: AuditEntry) {
      q.audit.run(a.at.getTime(), a.sessionId, a.customerId, a.method, a.route, a.idempotencyKey, a.upstreamStatus, a.requestId);
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
      listeners.clear();
      db.close();
    },
  };
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
