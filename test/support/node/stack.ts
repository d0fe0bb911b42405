/**
 * The whole server side for browser tests: the proxy with its embedded
 * sandbox on an ephemeral port, and a Koa middleware for the wtr dev server
 * that forwards the proxy's paths to it and mints sessions like a merchant
 * backend.
 *
 * Beside it runs a drift stack: the proxy in production mode in front of a
 * drifted SpherePay (`drift-upstream.ts`: 24-hex ids, unknown status and
 * network, other deposit and webhook shapes). Users whose id starts with
 * `drift-` get their session there, and every request carrying such a
 * session's token is forwarded there, so a browser test switches upstream by
 * its user name alone.
 */
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer as startServer, type DevServer as RampServer } from '../../../dev/server.ts';
import { startSandbox } from '../../../sandbox/server.ts';
import { startDriftUpstream } from './drift-upstream.ts';

/** Users whose sessions live on the drift stack. */
export const DRIFT_USER_PREFIX = 'drift-';

const FORWARDED = ['/api/', '/webhooks/', '/embed', '/sphere-ramp.js', '/sphere-ramp/', '/_sandbox/', '/healthz'];

interface KoaContext {
  req: import('node:http').IncomingMessage;
  res: import('node:http').ServerResponse;
  path: string;
  querystring: string;
  respond: boolean;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

export async function startTestStack() {
  const dir = mkdtempSync(join(tmpdir(), 'ramp-wtr-'));
  const server: RampServer = await startServer(
    // Every browser test, its merchant-backend calls and its widgets' live estimates come from one IP (127.0.0.1):
    // the per-IP limit is for the open internet and has its own tests in test/proxy.
    { ...process.env, SPHEREPAY_API_KEY: '', RAMP_DB: join(dir, 'ramp.db'), LOG_LEVEL: 'silent', RAMP_SERVER_SECRET: 'test-server-secret', RAMP_SANDBOX_AUTOPILOT: '0', RAMP_RATE_LIMIT_IP: '100000' },
    { port: 0, host: '127.0.0.1' },
  );
  const target = new URL(server.url);
  const drift = await startDriftStack(dir);
  const driftTokens = new Set<string>();

  /** `policy` is the merchant's terms for this user, as a merchant backend would send them. */
  async function mintSession(user: string, ttlSeconds?: number, policy?: unknown) {
    const onDrift = user.startsWith(DRIFT_USER_PREFIX);
    const res = await fetch(new URL('/api/sessions', onDrift ? drift.server.url : server.url), {
      method: 'POST',
      headers: { authorization: 'Bearer test-server-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ externalUserId: user, ...(ttlSeconds ? { ttlSeconds } : {}), ...(policy ? { policy } : {}) }),
    });
    const body = await res.text();
    if (onDrift && res.ok) driftTokens.add((JSON.parse(body) as { token: string }).token);
    return { status: res.status, body };
  }

  async function middleware(ctx: KoaContext, next: () => Promise<void>) {
    if (ctx.path === '/test/session') {
      const params = new URLSearchParams(ctx.querystring);
      const policy = params.get('policy');
      const { status, body } = await mintSession(params.get('user') ?? 'anonymous', Number(params.get('ttl')) || undefined, policy ? JSON.parse(policy) : undefined);
      ctx.status = status;
      ctx.set('content-type', 'application/json');
      ctx.body = body;
      return;
    }
    if (!FORWARDED.some((p) => ctx.path.startsWith(p))) return next();
    ctx.respond = false;
    const token = /^Bearer (.+)$/.exec(ctx.req.headers.authorization ?? '')?.[1];
    const to = token && driftTokens.has(token) ? drift.target : target;
    await new Promise<void>((resolve) => {
      const upstream = request(
        { host: to.hostname, port: to.port, method: ctx.req.method, path: ctx.req.url, headers: { ...ctx.req.headers, host: to.host } },
        (res) => {
          ctx.res.writeHead(res.statusCode ?? 502, res.headers);
          res.pipe(ctx.res);
          res.on('end', resolve);
          res.on('error', resolve);
        },
      );
      upstream.on('error', () => {
        ctx.res.writeHead(502).end();
        resolve();
      });
      ctx.req.pipe(upstream);
      ctx.res.on('close', () => { upstream.destroy(); resolve(); });
    });
  }

  return {
    server, middleware, mintSession,
    close: async () => {
      await server.close();
      await drift.close();
    },
  };
}

/** The proxy (production mode, sandbox controls on) -> drifted SpherePay -> our sandbox; webhooks back the same way. */
async function startDriftStack(dir: string) {
  const apiKey = 'sk_drift_' + 'd'.repeat(24);
  const secret = 'whsec_drift_test';
  const sandbox = await startSandbox({ apiKey, webhook: { secret }, port: 0, host: '127.0.0.1' });
  const upstream = await startDriftUpstream(sandbox.url, secret);
  const server = await startServer(
    {
      ...process.env, RAMP_DB: join(dir, 'drift.db'), LOG_LEVEL: 'silent', RAMP_SERVER_SECRET: 'test-server-secret', RAMP_SANDBOX_AUTOPILOT: '0',
      SPHEREPAY_API_KEY: apiKey, SPHEREPAY_BASE_URL: upstream.url, SPHEREPAY_WEBHOOK_SECRET: secret, RAMP_SANDBOX_CONTROLS: '1',
    },
    { port: 0, host: '127.0.0.1' },
  );
  sandbox.setWebhook({ url: upstream.webhookUrl, secret });
  upstream.setWebhookTarget(`${server.url}/webhooks/spherepay`);
  return {
    server,
    target: new URL(server.url),
    close: async () => {
      await server.close();
      await upstream.close();
      await sandbox.close();
    },
  };
}
