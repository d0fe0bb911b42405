/** Request ids and access logs, CORS, helmet and the embed page's CSP, rate limits. */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { addressKey, MemoryRateCounter, rateLimit, type RateCounter } from './rate-limit.ts';
import type { Store } from './store/store.ts';

const CHILD = Symbol('request logger');

/**
 * `X-Request-Id` (a caller's, if it looks like one) on every response and log
 * line, and one access line per request. Never logs headers, bodies or
 * queries. The access line goes through the root logger (same redaction) with
 * the id as a field; a per-request child logger is made only when a handler
 * asks for `req.log` (measured: a pino child per request was ~5% of the
 * relay's CPU, issue 15). That getter is defined once, on the app's request
 * prototype (`requests`), not on each request.
 */
export function requestContext(logger: Logger, requests: object): RequestHandler {
  // A silent logger writes nothing, whoever's child it is: no child is worth making then.
  const silent = !logger.isLevelEnabled('fatal');
  Object.defineProperty(requests, 'log', {
    configurable: true,
    get(this: Request & { [CHILD]?: Logger }) {
      return silent ? logger : (this[CHILD] ??= logger.child({ reqId: this.id }));
    },
  });
  const accessLog = logger.isLevelEnabled('info');
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    if (accessLog) {
      const started = performance.now();
      res.on('finish', () => {
        // originalUrl: a mounted router strips its prefix from req.url (`/api/session` read as `/session`); never the query (it may carry an address).
        logger.info({ reqId: id, method: req.method, path: req.originalUrl.split('?', 1)[0], status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      });
    }
    next();
  };
}

const EXPOSED = ['x-request-id', 'idempotent-replayed', 'retry-after'];
const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-request-id'];

/** CORS for the allowlisted origins only; others get no CORS headers at all. */
export function cors(allowed: readonly string[]): RequestHandler {
  const origins = new Set(allowed);
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (!origin || !origins.has(origin)) {
      if (req.method === 'OPTIONS' && origin) return void res.status(403).end();
      return next();
    }
    res.set({ 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED.join(', ') });
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.set({
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
        'access-control-max-age': '600',
      });
      return void res.status(204).end();
    }
    next();
  };
}

export function frameAncestors(config: Pick<Config, 'allowedOrigins'>): string {
  return ["'self'", ...config.allowedOrigins].join(' ');
}

/**
 * helmet's headers, worked out once at start: they depend on the config
 * only, and helmet's thirteen chained middlewares per request were a
 * measurable share of the relay's CPU (issue 15). helmet still decides what
 * they are.
 */
export function securityHeaders(config: Pick<Config, 'allowedOrigins'>): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let finished = false;
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  }) as unknown as (req: unknown, res: typeof recorder, next: (err?: unknown) => void) => void;
  middleware({}, recorder, (err) => {
    if (err) throw err;
    finished = true;
  });
  // A directive computed per request (a nonce) would leave helmet unfinished here.
  if (!finished) throw new Error('helmet headers must not depend on the request');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** For `/embed`: framing allowed exactly for the allowlist (CSP frame-ancestors replaces X-Frame-Options). */
export function embedHeaders(config: Pick<Config, 'allowedOrigins'>): RequestHandler {
  return (_req, res, next) => {
    res.removeHeader('x-frame-options');
    const csp = res.getHeader('content-security-policy');
    const base = typeof csp === 'string' ? csp.replace(/frame-ancestors[^;]*;?/, '') : "default-src 'self';";
    res.set('content-security-policy', `${base.replace(/;?\s*$/, ';')}frame-ancestors ${frameAncestors(config)}`);
    next();
  };
}

const WINDOW_MS = 60_000;

/**
 * Where the counts live: in this process's memory for one process (SQLite),
 * in the store when several processes share it (PostgreSQL: one count across
 * processes). A store that fails lets requests pass rather than refuse them.
 */
function counterFor(store: Store | undefined, prefix: string): RateCounter {
  if (!store?.shared) return new MemoryRateCounter();
  return {
    hit: (key, windowStart) =>
      store.hitRateLimit(prefix + key, WINDOW_MS, new Date(windowStart)).then(
        (hit) => hit.hits,
        () => 0,
      ),
  };
}

/** Per client address, on all of `/api`. */
export const perIpLimit = (config: Pick<Config, 'rateLimit'>, store?: Store) =>
  rateLimit({ limit: config.rateLimit.perIpPerMinute, windowMs: WINDOW_MS, key: addressKey, counter: counterFor(store, 'ip:') });

/** After authentication: keyed by the session, so one browser cannot starve others behind the same IP. */
export const perSessionLimit = (config: Pick<Config, 'rateLimit'>, store?: Store) =>
  rateLimit({ limit: config.rateLimit.perSessionPerMinute, windowMs: WINDOW_MS, key: (req) => req.session?.id ?? 'none', counter: counterFor(store, 'session:') });
