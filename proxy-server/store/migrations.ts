/**
 * SQLite schema migrations, applied in order at start; `schema_version`
 * records how far we got. PostgreSQL's are in postgres-migrations.ts: keep
 * the two in step (same tables, same meaning).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    external_user_id TEXT PRIMARY KEY,
    customer_id TEXT UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    external_user_id TEXT NOT NULL REFERENCES users(external_user_id),
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE ownership (
    resource_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE idempotency (
    customer_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in-progress', 'done')),
    status INTEGER,
    content_type TEXT,
    body TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (customer_id, key)
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    customer_id TEXT,
    payload TEXT NOT NULL,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX events_by_customer ON events (customer_id, seq);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    customer_id TEXT,
    method TEXT NOT NULL,
    route TEXT NOT NULL,
    idempotency_key TEXT,
    upstream_status INTEGER,
    request_id TEXT NOT NULL
  );
  CREATE INDEX audit_by_customer ON audit (customer_id, id);
  `,
  // Merchant controls: each session's money policy and revocation, the
  // merchant-webhook outbox, and indexes the retention job walks.
  `
  ALTER TABLE sessions ADD COLUMN policy TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE sessions ADD COLUMN revoked_at INTEGER;
  CREATE INDEX sessions_by_user ON sessions (external_user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE INDEX events_by_received ON events (received_at);
  CREATE INDEX idempotency_by_age ON idempotency (state, updated_at);
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY REFERENCES events(seq) ON DELETE CASCADE,
    customer_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    enqueued_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_until INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    finished_at INTEGER
  );
  CREATE INDEX outbox_pending ON outbox (state, customer_key, seq);
  `,
  `
  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    hits INTEGER NOT NULL,
    reset_at INTEGER NOT NULL
  );
  `,
];
