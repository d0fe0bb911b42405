/**
 * The whole server side for browser tests: the proxy with its embedded
 * sandbox on an ephemeral port, and a Koa middleware for the wtr dev server
 * that forwards the proxy's paths to it and mints sessions like a merchant
 * backend.
 */
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer as startServer, type DevServer as RampServer } from '../../../dev/server.ts';

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

  /** `policy` is the merchant's terms for this user, as a merchant backend would send them. */
  async function mintSession(user: string, ttlSeconds?: number, policy?: unknown) {
    const res = await fetch(new URL('/api/sessions', server.url), {
      method: 'POST',
      headers: { authorization: 'Bearer test-server-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ externalUserId: user, ...(ttlSeconds ? { ttlSeconds } : {}), ...(policy ? { policy } : {}) }),
    });
    return { status: res.status, body: await res.text() };
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
    await new Promise<void>((resolve) => {
      const upstream = request(
        { host: target.hostname, port: target.port, method: ctx.req.method, path: ctx.req.url, headers: { ...ctx.req.headers, host: target.host } },
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

  return { server, middleware, mintSession, close: () => server.close() };
}
