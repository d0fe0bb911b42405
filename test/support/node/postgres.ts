/**
 * PostgreSQL for node tests. `npm test` (scripts/test.mjs) makes one
 * database per run and passes it as RAMP_TEST_PG (empty when no server
 * answered, outside CI); a file run on its own uses RAMP_TEST_DATABASE_URL
 * (default the development server's `test` database). Each store under test
 * gets a schema of its own, dropped after, so tests never meet.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const BASE = process.env.RAMP_TEST_PG ?? process.env.RAMP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A reason to skip PostgreSQL tests, or false when a server answers. In CI there is no reason: it throws. */
export async function postgresUnavailable(): Promise<string | false> {
  let reason: string | false = false;
  if (process.env.RAMP_TEST_PG === '') reason = 'no PostgreSQL server answered (see the line at the start of npm test)';
  else {
    const client = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (err) {
      reason = `no PostgreSQL at ${new URL(BASE).host} (${(err as Error).message})`;
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (reason && process.env.CI === 'true') throw new Error(`CI needs PostgreSQL: ${reason}`);
  return reason;
}

/** A fresh empty schema: its name, its `RAMP_DB` URL (search_path set) and a drop for after. */
export async function freshSchema(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = 'ramp_' + randomBytes(6).toString('hex');
  await admin(`CREATE SCHEMA ${name}`);
  const url = new URL(BASE);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => admin(`DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

/** One statement on the base database, on a connection of its own. */
export async function admin(sql: string) {
  const client = new pg.Client({ connectionString: BASE });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
