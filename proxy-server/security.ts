/** Request ids and access logs, CORS, helmet and the embed page's CSP, rate limits. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit, type Options, type Store as RateLimitStore } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { problem } from '../contract/spherepay/problem.ts';
import type { Config } from './config.ts';
import { sendProblem } from './errors.ts';
import type { Store } from './store/store.ts';

/** `X-Request-Id` (a caller's, if it looks like one) on every response and log line. Never logs headers, bodies or queries. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.set('x-request-id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      req.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
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

export function securityHeaders(config: Pick<Config, 'allowedOrigins'>): RequestHandler {
  return helmet({
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
  });
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
 * Counters every process sharing the store adds to, so N processes behind a
 * load balancer allow the configured rate in total, not N times it.
 */
function sharedCounter(store: Store, prefix: string): RateLimitStore {
  return {
    localKeys: false,
    prefix,
    async increment(key) {
      const hit = await store.hitRateLimit(prefix + key, WINDOW_MS, new Date());
      return { totalHits: hit.hits, resetTime: hit.resetAt };
    },
    // Only used when successful or failed requests are skipped, which ours never are.
    decrement() {},
    resetKey() {},
  };
}

function limiter(perMinute: number, extra: Partial<Options>, store: Store | undefined, prefix: string): RequestHandler {
  // One process (SQLite) counts in memory: no database write per request.
  const shared = store?.shared ? { store: sharedCounter(store, prefix), passOnStoreError: true } : {};
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      sendProblem(res, problem(429, 'rate-limit/exceeded', 'Too many requests; slow down'), { 'retry-after': String(seconds) });
    },
    ...shared,
    ...extra,
  });
}

export const perIpLimit = (config: Pick<Config, 'rateLimit'>, store?: Store) => limiter(config.rateLimit.perIpPerMinute, {}, store, 'ip:');

/** After authentication: keyed by the session, so one browser cannot starve others behind the same IP. */
export const perSessionLimit = (config: Pick<Config, 'rateLimit'>, store?: Store) =>
  limiter(config.rateLimit.perSessionPerMinute, { keyGenerator: (req) => req.session?.id ?? 'none' }, store, 'session:');
