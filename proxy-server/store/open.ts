/** Picks the store from `RAMP_DB`: a `postgres://` URL is PostgreSQL (shared by many processes), anything else a SQLite file. */
import { isPostgresUrl, openPostgresStore, type PostgresOptions } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export async function openStore(db: string, options: PostgresOptions = {}): Promise<Store> {
  return isPostgresUrl(db) ? openPostgresStore(db, options) : openSqliteStore(db);
}
