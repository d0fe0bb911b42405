// The PostgreSQL database of one test run: `CREATE DATABASE ramp_test_<random>`
// on the server of RAMP_TEST_DATABASE_URL (default: the development and CI
// server's `test` database), dropped after, so parallel runs never meet.
// Where no server answers: outside CI one loud line and the PostgreSQL tests
// skip; with CI=true the run fails, because CI must test PostgreSQL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const BASE = process.env.RAMP_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql) {
  const client = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `{ url, drop }`: url is '' when no PostgreSQL answered (outside CI). */
export async function runDatabase() {
  const name = 'ramp_test_' + randomBytes(6).toString('hex');
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (err) {
    const line = `!!! NO POSTGRESQL at ${new URL(BASE).host} (${err.message}): the PostgreSQL store and multi-process tests are SKIPPED. Start one or set RAMP_TEST_DATABASE_URL.`;
    if (process.env.CI === 'true') {
      console.error(line.replace('are SKIPPED', 'cannot run, and CI requires them'));
      process.exit(1);
    }
    console.error(`\n${line}\n`);
    return { url: '', drop: async () => {} };
  }
  const url = new URL(BASE);
  url.pathname = '/' + name;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE: a test process killed mid-run may have left connections behind.
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err) => console.error(`could not drop test database ${name}: ${err.message}`));
    },
  };
}
