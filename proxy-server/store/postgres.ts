/**
 * The Store on PostgreSQL (`pg`), shared by any number of proxy processes.
 * What one process does, the others see: one customer per user through an
 * advisory lock, Idempotency-Key claims and rate-limit counters as rows
 * changed atomically, and broadcasts through LISTEN/NOTIFY on one dedicated
 * connection per process. The schema in the URL's search_path (default
 * `public`) namespaces everything: tables, lock keys and the channel.
 */
import pg from 'pg';
import { PG_MIGRATIONS } from './postgres-migrations.ts';
import type { SessionPolicy } from '../../contract/proxy-api.ts';
import type { AuditEntry, IdempotencyClaim, OutboxDelivery, ResourceKind, StoredEvent, Store, StoreMessage } from './store.ts';

export interface PostgresOptions {
  /** Reports what the store recovers from on its own (a dropped LISTEN connection); never secrets. */
  onError?: (err: unknown, what: string) => void;
}

const DEFAULT_POOL = 10;
/** Customer creation is rare; a few connections to hold its locks is plenty, and keeps waiters off the main pool. */
const LOCK_POOL = 3;
/** NOTIFY payloads must stay under 8000 bytes; a larger event goes by reference and is read back. */
const NOTIFY_LIMIT = 7000;
const RECONNECT_MS = 1000;
const UNIQUE_VIOLATION = '23505';
const INSERT_OWNER = 'INSERT INTO ownership (resource_id, kind, customer_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING';

// BIGINT (epoch ms, seq) as numbers: both stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** `max` in the URL's query is the pool size per process (the database's connection budget); pg itself does not read it. */
export function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  const max = u.searchParams.get('max');
  u.searchParams.delete('max');
  if (max !== null && !/^\d{1,4}$/.test(max)) throw new Error('RAMP_DB: max must be a whole number');
  return { connectionString: u.toString(), max: max ? Math.max(1, Number(max)) : DEFAULT_POOL, types };
}

export const isPostgresUrl = (v: string) => /^postgres(ql)?:\/\//.test(v);

/** A broadcast as a NOTIFY payload; an event too large for one goes by reference and is read back. */
function notification(message: StoreMessage): string {
  let payload = JSON.stringify(message);
  if (Buffer.byteLength(payload) > NOTIFY_LIMIT && message.kind === 'event') {
    payload = JSON.stringify({ kind: 'event-ref', customerId: message.event.customerId, seq: message.event.seq });
  }
  if (Buffer.byteLength(payload) > NOTIFY_LIMIT) throw new Error(`broadcast too large: ${message.kind}`);
  return payload;
}

type EventRow = { seq: number; id: string; type: string; customer_id: string | null; payload: string };
const toEvent = (r: EventRow): StoredEvent => ({ seq: r.seq, id: r.id, type: r.type, customerId: r.customer_id, payload: r.payload });

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const config = poolConfig(url);
  const pool = new pg.Pool(config);
  const lockPool = new pg.Pool({ ...config, max: LOCK_POOL });
  const report = options.onError ?? (() => {});
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on('error', (err) => report(err, 'idle connection'));
  lockPool.on('error', (err) => report(err, 'idle lock connection'));

  let schema: string;
  try {
    schema = await migrate(pool);
  } catch (err) {
    await Promise.allSettled([pool.end(), lockPool.end()]);
    throw err;
  }
  const ns = (key: string) => `${schema}:${key}`;
  const channel = `ramp_${schema}`.slice(0, 63);

  const listeners = new Set<(m: StoreMessage) => void>();
  let open = true;
  // One chain, so messages reach listeners in the order they arrived even when one must be read back.
  let delivering: Promise<void> = Promise.resolve();
  const deliver = (payload: string | undefined) => {
    delivering = delivering.then(async () => {
      let message: StoreMessage | { kind: 'event-ref'; customerId: string | null; seq: number };
      try {
        message = JSON.parse(payload ?? '');
      } catch {
        return;
      }
      if (message.kind === 'event-ref') {
        const { rows } = await pool.query<EventRow>('SELECT seq, id, type, customer_id, payload FROM events WHERE seq = $1', [message.seq]);
        if (!rows[0]) return;
        message = { kind: 'event', event: toEvent(rows[0]) };
      }
      for (const l of [...listeners]) l(message);
    }).catch((err) => report(err, 'delivering a broadcast'));
  };

  // The dedicated LISTEN connection; it reconnects on its own when dropped.
  let listener: pg.Client | undefined;
  let listening: Promise<void> | undefined;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: config.connectionString!, types });
    client.on('notification', (n) => deliver(n.payload));
    client.on('error', (err) => {
      report(err, 'LISTEN connection');
      client.end().catch(() => {});
    });
    client.on('end', () => {
      if (listener !== client) return;
      listener = undefined;
      if (open) setTimeout(() => void (listening = listen().catch(() => {})), RECONNECT_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
      listener = client;
    } catch (err) {
      report(err, 'LISTEN connection');
      await client.end().catch(() => {});
      // At start a failure is the caller's to see; later, keep trying until the server is back.
      if (open && started) setTimeout(() => void (listening = listen().catch(() => {})), RECONNECT_MS).unref();
      throw err;
    }
  };
  let started = false;
  listening = listen();
  try {
    await listening;
    started = true;
  } catch (err) {
    open = false;
    await Promise.allSettled([pool.end(), lockPool.end()]);
    throw err;
  }

  const transaction = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  };
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => (await pool.query<R>(sql, params)).rows[0];

  return {
    shared: true,
    async ensureUser(externalUserId, now) {
      const r = await one<{ customer_id: string | null }>(
        `INSERT INTO users (external_user_id, created_at) VALUES ($1, $2)
         ON CONFLICT (external_user_id) DO UPDATE SET external_user_id = EXCLUDED.external_user_id
         RETURNING customer_id`,
        [externalUserId, now.getTime()],
      );
      return r?.customer_id ?? null;
    },
    async customerOf(externalUserId) {
      return (await one<{ customer_id: string | null }>('SELECT customer_id FROM users WHERE external_user_id = $1', [externalUserId]))?.customer_id ?? null;
    },
    async linkCustomer(externalUserId, customerId) {
      const owner = await one<{ external_user_id: string }>('SELECT external_user_id FROM users WHERE customer_id = $1', [customerId]);
      if (owner) return owner.external_user_id === externalUserId ? 'same' : 'conflict';
      try {
        const r = await pool.query('UPDATE users SET customer_id = $1 WHERE external_user_id = $2 AND customer_id IS NULL', [customerId, externalUserId]);
        if (r.rowCount === 1) return 'linked';
      } catch (err) {
        // Another process linked this customer to another user in between: the UNIQUE constraint decides.
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      }
      const now = await one<{ external_user_id: string }>('SELECT external_user_id FROM users WHERE customer_id = $1', [customerId]);
      return now?.external_user_id === externalUserId ? 'same' : 'conflict';
    },
    async createSession(s, now) {
      await pool.query('INSERT INTO sessions (token_hash, external_user_id, expires_at, created_at, policy) VALUES ($1, $2, $3, $4, $5)', [
        s.tokenHash, s.externalUserId, s.expiresAt.getTime(), now.getTime(), JSON.stringify(s.policy),
      ]);
    },
    async findSession(tokenHash) {
      const r = await one<{ token_hash: string; external_user_id: string; expires_at: number; policy: string; revoked_at: number | null }>(
        'SELECT token_hash, external_user_id, expires_at, policy, revoked_at FROM sessions WHERE token_hash = $1', [tokenHash],
      );
      return r && {
        tokenHash: r.token_hash, externalUserId: r.external_user_id, expiresAt: new Date(r.expires_at),
        policy: JSON.parse(r.policy) as SessionPolicy, revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
      };
    },
    async revokeSessions(target, now) {
      const [column, value] = 'tokenHash' in target ? ['token_hash', target.tokenHash] : ['external_user_id', target.externalUserId];
      const { rows } = await pool.query<{ token_hash: string }>(
        `UPDATE sessions SET revoked_at = $1 WHERE ${column} = $2 AND revoked_at IS NULL AND expires_at > $1 RETURNING token_hash`,
        [now.getTime(), value],
      );
      return rows.map((r) => r.token_hash);
    },
    async recordOwner(kind, id, customerId, now) {
      const r = await pool.query(INSERT_OWNER, [id, kind, customerId, now.getTime()]);
      return r.rowCount === 1;
    },
    async ownerOf(id) {
      const r = await one<{ kind: ResourceKind; customer_id: string }>('SELECT kind, customer_id FROM ownership WHERE resource_id = $1', [id]);
      return r && { kind: r.kind, customerId: r.customer_id };
    },
    async claimIdempotency(customerId, key, requestHash, now, staleBefore): Promise<IdempotencyClaim> {
      // The row may vanish between the insert and the read (its holder released it): then try again.
      for (;;) {
        const inserted = await pool.query(
          `INSERT INTO idempotency (customer_id, key, request_hash, state, updated_at) VALUES ($1, $2, $3, 'in-progress', $4)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [customerId, key, requestHash, now.getTime()],
        );
        if (inserted.rowCount === 1) return { state: 'claimed' };
        const row = await one<{ request_hash: string; state: string; status: number | null; content_type: string | null; body: string | null }>(
          'SELECT request_hash, state, status, content_type, body FROM idempotency WHERE customer_id = $1 AND key = $2',
          [customerId, key],
        );
        if (!row) continue;
        if (row.state === 'done') {
          return { state: 'done', requestHash: row.request_hash, response: { status: row.status!, contentType: row.content_type ?? 'application/json', body: row.body ?? '' } };
        }
        if (row.request_hash === requestHash) {
          // Only one process's update can match a stale row: it alone takes the claim over.
          const taken = await pool.query(
            `UPDATE idempotency SET updated_at = $1 WHERE customer_id = $2 AND key = $3 AND state = 'in-progress' AND request_hash = $4 AND updated_at < $5`,
            [now.getTime(), customerId, key, requestHash, staleBefore.getTime()],
          );
          if (taken.rowCount === 1) return { state: 'claimed' };
        }
        return { state: 'in-progress', requestHash: row.request_hash };
      }
    },
    async touchIdempotency(customerId, key, now) {
      await pool.query("UPDATE idempotency SET updated_at = $1 WHERE customer_id = $2 AND key = $3 AND state = 'in-progress'", [now.getTime(), customerId, key]);
    },
    async completeIdempotency(customerId, key, r) {
      await pool.query("UPDATE idempotency SET state = 'done', status = $1, content_type = $2, body = $3 WHERE customer_id = $4 AND key = $5", [
        r.status, r.contentType, r.body, customerId, key,
      ]);
    },
    async releaseIdempotency(customerId, key) {
      await pool.query("DELETE FROM idempotency WHERE customer_id = $1 AND key = $2 AND state = 'in-progress'", [customerId, key]);
    },
    async withLock(key, task) {
      // A session-level advisory lock on a connection of its own: held across the task's awaits
      // (an upstream call), and released by the server if this process dies and the connection drops.
      const client = await lockPool.connect();
      let broken = false;
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [ns(key)]);
        try {
          return await task();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [ns(key)]).catch((err) => {
            broken = true;
            report(err, 'advisory unlock');
          });
        }
      } finally {
        // A connection that could not unlock may still hold the lock: close it rather than reuse it.
        client.release(broken);
      }
    },
    async hitRateLimit(key, windowMs, now) {
      const t = now.getTime();
      if (Math.random() < 0.01) void pool.query('DELETE FROM rate_limits WHERE reset_at <= $1', [t]).catch((err) => report(err, 'rate-limit cleanup'));
      const r = (await one<{ hits: number; reset_at: number }>(
        `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.reset_at <= $2::bigint THEN 1 ELSE rate_limits.hits + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= $2::bigint THEN $2::bigint + $3::bigint ELSE rate_limits.reset_at END
         RETURNING hits, reset_at`,
        [key, t, windowMs],
      ))!;
      return { hits: r.hits, resetAt: new Date(r.reset_at) };
    },
    async broadcast(message) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, notification(message)]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async addEvent(e, now, options) {
      // One transaction: the event, its outbox row and its announcement commit together. Under a
      // per-customer lock, a customer's events commit, and so are announced (NOTIFY is sent at
      // commit, in commit order), in sequence order, whichever process stored them: a stream that
      // has seen seq n never meets a later n - 1.
      return transaction(async (c) => {
        if (e.customerId) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ns(`events:${e.customerId}`)]);
        if (options?.owner && e.customerId) await c.query(INSERT_OWNER, [options.owner.id, options.owner.kind, e.customerId, now.getTime()]);
        const { rows } = await c.query<{ seq: number }>(
          'INSERT INTO events (id, type, customer_id, payload, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING seq',
          [e.id, e.type, e.customerId, e.payload, now.getTime()],
        );
        if (!rows[0]) return undefined;
        const stored = { ...e, seq: rows[0].seq };
        if (options?.outbox) {
          await c.query("INSERT INTO outbox (seq, customer_key, state, enqueued_at, next_attempt_at) VALUES ($1, $2, 'pending', $3, $3)", [
            stored.seq, e.customerId ?? '', now.getTime(),
          ]);
        }
        await c.query('SELECT pg_notify($1, $2)', [channel, notification({ kind: 'event', event: stored })]);
        return stored;
      });
    },
    async eventsAfter(customerId, seq, limit) {
      const { rows } = await pool.query<EventRow>(
        'SELECT seq, id, type, customer_id, payload FROM events WHERE customer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [customerId, seq, limit],
      );
      return rows.map(toEvent);
    },
    async countEvents() {
      return Number((await one<{ n: string }>('SELECT COUNT(*) AS n FROM events', []))!.n);
    },
    async claimDeliveries(now, leaseUntil, limit): Promise<OutboxDelivery[]> {
      // SKIP LOCKED and the re-checked lease make two processes never lease one delivery; only the
      // head of each customer's queue is eligible, so a customer's events go in order.
      const { rows } = await pool.query<{ seq: number; attempts: number; enqueued_at: number; id: string; type: string; customer_id: string | null; payload: string; external_user_id: string | null }>(
        `WITH due AS (
           SELECT o.seq FROM outbox o
           WHERE o.state = 'pending' AND o.next_attempt_at <= $1 AND o.lease_until <= $1
             AND o.seq = (SELECT MIN(p.seq) FROM outbox p WHERE p.state = 'pending' AND p.customer_key = o.customer_key)
           ORDER BY o.seq LIMIT $3
           FOR UPDATE SKIP LOCKED
         ), leased AS (
           UPDATE outbox o SET lease_until = $2 FROM due
           WHERE o.seq = due.seq AND o.state = 'pending' AND o.lease_until <= $1
           RETURNING o.seq, o.attempts, o.enqueued_at
         )
         SELECT l.seq, l.attempts, l.enqueued_at, e.id, e.type, e.customer_id, e.payload, u.external_user_id
         FROM leased l JOIN events e ON e.seq = l.seq LEFT JOIN users u ON u.customer_id = e.customer_id
         ORDER BY l.seq`,
        [now.getTime(), leaseUntil.getTime(), limit],
      );
      return rows.map((r) => ({
        event: { seq: r.seq, id: r.id, type: r.type, customerId: r.customer_id, payload: r.payload },
        externalUserId: r.external_user_id,
        attempts: r.attempts,
        enqueuedAt: new Date(r.enqueued_at),
      }));
    },
    async recordDelivery(seq, outcome, now) {
      if (outcome.state === 'delivered') {
        await pool.query("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, lease_until = 0, last_error = NULL, finished_at = $1 WHERE seq = $2 AND state = 'pending'", [now.getTime(), seq]);
      } else if (outcome.state === 'retry') {
        await pool.query("UPDATE outbox SET attempts = attempts + 1, lease_until = 0, next_attempt_at = $1, last_error = $2 WHERE seq = $3 AND state = 'pending'", [
          outcome.nextAttemptAt.getTime(), outcome.error, seq,
        ]);
      } else {
        await pool.query("UPDATE outbox SET state = 'failed', attempts = attempts + 1, lease_until = 0, last_error = $1, finished_at = $2 WHERE seq = $3 AND state = 'pending'", [
          outcome.error, now.getTime(), seq,
        ]);
      }
    },
    async countPendingDeliveries() {
      return Number((await one<{ n: string }>("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'", []))!.n);
    },
    async purge(now, before, batch) {
      const sessions = await pool.query(
        'DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM sessions WHERE expires_at <= $1 OR revoked_at IS NOT NULL LIMIT $2)',
        [now.getTime(), batch],
      );
      const events = await pool.query(
        `DELETE FROM events WHERE seq IN (
           SELECT e.seq FROM events e LEFT JOIN outbox o ON o.seq = e.seq
           WHERE e.received_at < $1 AND (o.state IS NULL OR o.state <> 'pending') ORDER BY e.seq LIMIT $2)`,
        [before.getTime(), batch],
      );
      const idempotency = await pool.query(
        `DELETE FROM idempotency WHERE (customer_id, key) IN (
           SELECT customer_id, key FROM idempotency WHERE state = 'done' AND updated_at < $1 LIMIT $2)`,
        [before.getTime(), batch],
      );
      return { sessions: sessions.rowCount ?? 0, events: events.rowCount ?? 0, idempotency: idempotency.rowCount ?? 0 };
    },
    async audit(a: AuditEntry) {
      await pool.query(
        'INSERT INTO audit (at, session_id, customer_id, method, route, idempotency_key, upstream_status, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [a.at.getTime(), a.sessionId, a.customerId, a.method, a.route, a.idempotencyKey, a.upstreamStatus, a.requestId],
      );
    },
    async auditLog(customerId) {
      const { rows } = await pool.query<{ at: number; session_id: string; customer_id: string | null; method: string; route: string; idempotency_key: string | null; upstream_status: number | null; request_id: string }>(
        'SELECT * FROM audit WHERE customer_id = $1 ORDER BY id', [customerId],
      );
      return rows.map((r) => ({
        at: new Date(r.at), sessionId: r.session_id, customerId: r.customer_id, method: r.method, route: r.route,
        idempotencyKey: r.idempotency_key, upstreamStatus: r.upstream_status, requestId: r.request_id,
      }));
    },
    async ping() {
      if (!open) throw new Error('store is closed');
      await pool.query('SELECT 1');
    },
    async close() {
      if (!open) return;
      open = false;
      listeners.clear();
      const l = listener;
      listener = undefined;
      await listening?.catch(() => {});
      // A reconnect may have finished while we waited.
      const late = listener as pg.Client | undefined;
      listener = undefined;
      await Promise.allSettled([l?.end(), late?.end(), pool.end(), lockPool.end()]);
    },
  };
}

/**
 * Brings the schema up to date. Every process runs this at start; the
 * advisory lock makes the second wait for the first and then find nothing
 * left to do. Returns the schema the tables live in.
 */
async function migrate(pool: pg.Pool): Promise<string> {
  const client = await pool.connect();
  try {
    const schema = (await client.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s;
    if (!schema) throw new Error('RAMP_DB: the search_path names no existing schema');
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${schema}:migrations`]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      await client.query('INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)');
      const from = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0]!.version;
      for (let v = from; v < PG_MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[v]!);
          await client.query('UPDATE schema_version SET version = $1', [v + 1]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}:migrations`]);
    }
    return schema;
  } finally {
    client.release();
  }
}
