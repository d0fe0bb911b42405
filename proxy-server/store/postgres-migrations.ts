/**
 * PostgreSQL schema migrations, applied in order at start under an advisory
 * lock (several processes may start at once); `schema_version` records how
 * far we got. Same tables and meaning as migrations.ts (SQLite); times are
 * epoch milliseconds in BIGINT so both stores map rows the same way.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    external_user_id TEXT PRIMARY KEY,
    customer_id TEXT UNIQUE,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    external_user_id TEXT NOT NULL REFERENCES users(external_user_id),
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE ownership (
    resource_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE idempotency (
    customer_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in-progress', 'done')),
    status INTEGER,
    content_type TEXT,
    body TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (customer_id, key)
  );
  CREATE TABLE events (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    customer_id TEXT,
    payload TEXT NOT NULL,
    received_at BIGINT NOT NULL
  );
  CREATE INDEX events_by_customer ON events (customer_id, seq);
  CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
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
  ALTER TABLE sessions ADD COLUMN revoked_at BIGINT;
  CREATE INDEX sessions_by_user ON sessions (external_user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE INDEX events_by_received ON events (received_at);
  CREATE INDEX idempotency_by_age ON idempotency (state, updated_at);
  CREATE TABLE outbox (
    seq BIGINT PRIMARY KEY REFERENCES events(seq) ON DELETE CASCADE,
    customer_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    enqueued_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    finished_at BIGINT
  );
  CREATE INDEX outbox_pending ON outbox (state, customer_key, seq);
  `,
  `
  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    hits INTEGER NOT NULL,
    reset_at BIGINT NOT NULL
  );
  `,
];
