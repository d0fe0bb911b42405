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
  `
  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    hits INTEGER NOT NULL,
    reset_at INTEGER NOT NULL
  );
  `,
];
