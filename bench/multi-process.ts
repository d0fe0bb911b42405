/**
 * Relay throughput with two proxy processes sharing PostgreSQL against one
 * process on SQLite, in the same run: each proxy its own OS process, the
 * same read (`GET customer/{id}` through `/api/v2`), ten connections in all
 * (split five and five across the two processes). The PostgreSQL database is
 * made for the run on the server of RAMP_TEST_DATABASE_URL and dropped after.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startProxyProcess, type ProxyProcess } from '../dev/processes.ts';
import { startSandbox } from '../sandbox/server.ts';
/** Only this figure's own stack uses these. */
const API_KEY = 'sk_bench_' + 'b'.repeat(24);
const SERVER_SECRET = 'bench-server-secret';

interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const BASE = process.env.RAMP_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const WEBHOOK_SECRET = 'whsec_bench_multi';
const CONNECTIONS = 10;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

async function json(res: Response) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** A session with a customer, made through the first proxy; valid on every proxy sharing its store. */
async function arrange(proxyUrl: string) {
  const post = (path: string, auth: string, body: unknown) =>
    fetch(proxyUrl + path, { method: 'POST', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const { token } = await json(await post('/api/sessions', SERVER_SECRET, { externalUserId: 'bench-multi' }));
  const customer = await json(await post('/api/v2/customer', String(token), {
    type: 'individual', email: 'bench@example.com', phone: '+14155550123',
    address: { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' },
  }));
  return { token: String(token), customerId: String(customer.id) };
}

/** Requests per second through all `proxies` at once, connections split evenly. */
async function throughput(proxies: ProxyProcess[], seconds: number) {
  const { token, customerId } = await arrange(proxies[0]!.url);
  const results = await Promise.all(proxies.map((p) => autocannon({
    url: `${p.url}/api/v2/customer/${customerId}`, connections: CONNECTIONS / proxies.length, duration: seconds, headers: { authorization: `Bearer ${token}` },
  })));
  for (const r of results) if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return results.reduce((sum, r) => sum + r.requests.average, 0);
}

/** Both figures, or why they were skipped (no PostgreSQL answered). */
export async function multiProcessFigures(seconds = 5): Promise<{ sqliteOne: number; postgresTwo: number } | { skipped: string }> {
  const database = 'ramp_bench_' + randomBytes(6).toString('hex');
  try {
    await admin(`CREATE DATABASE ${database}`);
  } catch (err) {
    return { skipped: `no PostgreSQL at ${new URL(BASE).host} (${(err as Error).message})` };
  }
  const sandbox = await startSandbox({ apiKey: API_KEY, webhook: { secret: WEBHOOK_SECRET }, rateLimitPerSecond: 1_000_000 });
  const pgUrl = new URL(BASE);
  pgUrl.pathname = '/' + database;
  const env = {
    SPHEREPAY_API_KEY: API_KEY, SPHEREPAY_BASE_URL: sandbox.url, SPHEREPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, RAMP_SERVER_SECRET: SERVER_SECRET,
    RAMP_RATE_LIMIT_IP: '1000000', RAMP_RATE_LIMIT_SESSION: '1000000', LOG_LEVEL: 'silent',
  };
  const running: ProxyProcess[] = [];
  try {
    const sqlite = await startProxyProcess({ ...env, RAMP_DB: join(mkdtempSync(join(tmpdir(), 'ramp-bench-')), 'ramp.db') });
    running.push(sqlite);
    const sqliteOne = await throughput([sqlite], seconds);
    await sqlite.close();
    const two = await Promise.all([startProxyProcess({ ...env, RAMP_DB: pgUrl.toString() }), startProxyProcess({ ...env, RAMP_DB: pgUrl.toString() })]);
    running.push(...two);
    const postgresTwo = await throughput(two, seconds);
    return { sqliteOne, postgresTwo };
  } finally {
    await Promise.allSettled(running.map((p) => p.close()));
    await sandbox.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  }
}
