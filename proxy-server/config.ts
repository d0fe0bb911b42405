/**
 * The proxy's configuration, read from the environment once at start and
 * parsed with zod. A bad value stops start-up with one line naming it.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { IntegratorFeeBps, IntegratorFixedFee } from '../contract/proxy-api.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/, 'must be a whole number')),
    z.pipe(z.transform((v: string) => Number(v)), z.number().check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`))),
  );
const flag = z.enum(['0', '1', 'true', 'false']);
const origin = z.string().check(
  z.refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'must be a comma-separated list of origins such as https://shop.example'),
);
const httpUrl = z.string().check(z.refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an http(s) URL'));
const secret = z.string().check(z.minLength(8, 'must be at least 8 characters'));

const Env = z.object({
  SPHEREPAY_API_KEY: z.optional(z.string()),
  SPHEREPAY_BASE_URL: z.optional(httpUrl),
  SPHEREPAY_WEBHOOK_SECRET: z.optional(secret),
  SPHEREPAY_TIMEOUT_MS: z.optional(int(1, 600_000)),
  SPHEREPAY_RETRIES: z.optional(int(0, 10)),
  RAMP_SERVER_SECRET: z.optional(secret),
  RAMP_ALLOWED_ORIGINS: z.optional(z.string()),
  RAMP_PUBLIC_URL: z.optional(httpUrl),
  RAMP_DB: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  RAMP_SESSION_TTL_SECONDS: z.optional(int(60, 86_400)),
  RAMP_SANDBOX_CONTROLS: z.optional(flag),
  RAMP_SANDBOX_AUTOPILOT: z.optional(flag),
  RAMP_SSE_HEARTBEAT_MS: z.optional(int(10, 600_000)),
  RAMP_MAX_STREAMS: z.optional(int(1, 1_000_000)),
  RAMP_MAX_STREAMS_PER_SESSION: z.optional(int(1, 1_000)),
  RAMP_RATE_LIMIT_IP: z.optional(int(1, 1_000_000)),
  RAMP_RATE_LIMIT_SESSION: z.optional(int(1, 1_000_000)),
  RAMP_TRUST_PROXY: z.optional(z.string()),
  RAMP_INTEGRATOR_FEE_BPS: z.optional(IntegratorFeeBps),
  RAMP_INTEGRATOR_FIXED_FEE: z.optional(IntegratorFixedFee),
  RAMP_MERCHANT_WEBHOOK_URL: z.optional(httpUrl),
  RAMP_MERCHANT_WEBHOOK_SECRET: z.optional(secret),
  RAMP_MERCHANT_WEBHOOK_BACKOFF_MS: z.optional(int(10, 3_600_000)),
  RAMP_MERCHANT_WEBHOOK_TIMEOUT_MS: z.optional(int(100, 60_000)),
  RAMP_OUTBOX_POLL_MS: z.optional(int(10, 600_000)),
  RAMP_EVENT_RETENTION_DAYS: z.optional(int(1, 3650)),
  RAMP_PURGE_INTERVAL_MS: z.optional(int(10, 86_400_000)),
  PORT: z.optional(int(0, 65_535)),
  HOST: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  LOG_LEVEL: z.optional(z.enum(LOG_LEVELS)),
});

export interface Config {
  /** No SPHEREPAY_API_KEY: the sandbox runs in-process and secrets may be generated. */
  sandbox: boolean;
  spherepay: { apiKey: string; baseUrl: string; webhookSecret: string; timeoutMs: number; retries: number };
  serverSecret: string;
  allowedOrigins: string[];
  /** Public origin of the proxy, when known (RAMP_PUBLIC_URL). */
  publicUrl?: string;
  dbPath: string;
  sessionTtlSeconds: number;
  sandboxControls: boolean;
  sandboxAutopilot: boolean;
  sseHeartbeatMs: number;
  /** Caps on open live-event streams (503 with Retry-After past them). */
  streams: { perProcess: number; perSession: number };
  rateLimit: { perIpPerMinute: number; perSessionPerMinute: number };
  /** The merchant's default integrator fees, put on every session unless its policy says otherwise. */
  integratorFees: { bps: string; fixed: string };
  /** Signed delivery of live events to the merchant's backend; undefined = off. */
  merchantWebhook?: { url: string; secret: string; backoffMs: number; timeoutMs: number; pollMs: number };
  /** How long events and finished idempotency records are kept, and how often the purge runs. */
  retention: { days: number; intervalMs: number };
  /** Express `trust proxy` setting, for correct client IPs behind a load balancer. */
  trustProxy: boolean | number | string;
  port: number;
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Names of the secrets generated for this run (sandbox mode only), for the banner. */
  generated: string[];
}

const devSecret = () => 'dev_' + randomBytes(18).toString('base64url');
const truthy = (v: string | undefined, fallback: boolean) => (v === undefined ? fallback : v === '1' || v === 'true');

function parseOrigins(list: string | undefined): string[] {
  if (!list?.trim()) return [];
  const origins = list.split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of origins) {
    if (!origin.safeParse(o).success) {
      throw new ConfigError(`RAMP_ALLOWED_ORIGINS: "${o}" is not an origin such as https://shop.example`);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

function parseTrustProxy(v: string | undefined): Config['trustProxy'] {
  if (v === undefined || v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Reads the environment; throws ConfigError (one line, naming the variable) on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings count as unset, so `FOO=` in a .env file means "default".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = z.safeParse(Env, present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const reason = issue.code === 'invalid_value' ? `must be one of ${issue.values.join(', ')}` : issue.message;
    throw new ConfigError(`${name}: ${reason}`);
  }
  const e = parsed.data;
  const sandbox = !e.SPHEREPAY_API_KEY;
  const generated: string[] = [];
  const orGenerate = (name: string, value: string | undefined) => {
    if (value) return value;
    if (!sandbox) throw new ConfigError(`${name}: required when SPHEREPAY_API_KEY is set`);
    generated.push(name);
    return devSecret();
  };
  const port = e.PORT ?? 8787;
  if (e.RAMP_MERCHANT_WEBHOOK_URL && !e.RAMP_MERCHANT_WEBHOOK_SECRET) {
    throw new ConfigError('RAMP_MERCHANT_WEBHOOK_SECRET: required when RAMP_MERCHANT_WEBHOOK_URL is set');
  }
  return {
    sandbox,
    spherepay: {
      apiKey: e.SPHEREPAY_API_KEY ?? orGenerate('SPHEREPAY_API_KEY', undefined),
      // In sandbox mode the real URL is known only once the sandbox listens.
      baseUrl: (e.SPHEREPAY_BASE_URL ?? 'https://api.spherepay.co').replace(/\/$/, ''),
      webhookSecret: orGenerate('SPHEREPAY_WEBHOOK_SECRET', e.SPHEREPAY_WEBHOOK_SECRET),
      timeoutMs: e.SPHEREPAY_TIMEOUT_MS ?? 15_000,
      retries: e.SPHEREPAY_RETRIES ?? 2,
    },
    serverSecret: orGenerate('RAMP_SERVER_SECRET', e.RAMP_SERVER_SECRET),
    allowedOrigins: parseOrigins(e.RAMP_ALLOWED_ORIGINS),
    ...(e.RAMP_PUBLIC_URL ? { publicUrl: new URL(e.RAMP_PUBLIC_URL).origin } : {}),
    dbPath: e.RAMP_DB ?? './data/ramp.db',
    sessionTtlSeconds: e.RAMP_SESSION_TTL_SECONDS ?? 1800,
    sandboxControls: sandbox || truthy(e.RAMP_SANDBOX_CONTROLS, false),
    sandboxAutopilot: truthy(e.RAMP_SANDBOX_AUTOPILOT, true),
    sseHeartbeatMs: e.RAMP_SSE_HEARTBEAT_MS ?? 15_000,
    streams: { perProcess: e.RAMP_MAX_STREAMS ?? 10_000, perSession: e.RAMP_MAX_STREAMS_PER_SESSION ?? 4 },
    rateLimit: { perIpPerMinute: e.RAMP_RATE_LIMIT_IP ?? 600, perSessionPerMinute: e.RAMP_RATE_LIMIT_SESSION ?? 300 },
    trustProxy: parseTrustProxy(e.RAMP_TRUST_PROXY),
    integratorFees: { bps: e.RAMP_INTEGRATOR_FEE_BPS ?? '0', fixed: e.RAMP_INTEGRATOR_FIXED_FEE ?? '0.00' },
    ...(e.RAMP_MERCHANT_WEBHOOK_URL
      ? {
          merchantWebhook: {
            url: e.RAMP_MERCHANT_WEBHOOK_URL, secret: e.RAMP_MERCHANT_WEBHOOK_SECRET!,
            backoffMs: e.RAMP_MERCHANT_WEBHOOK_BACKOFF_MS ?? 10_000,
            timeoutMs: e.RAMP_MERCHANT_WEBHOOK_TIMEOUT_MS ?? 10_000,
            pollMs: e.RAMP_OUTBOX_POLL_MS ?? 2_000,
          },
        }
      : {}),
    retention: { days: e.RAMP_EVENT_RETENTION_DAYS ?? 30, intervalMs: e.RAMP_PURGE_INTERVAL_MS ?? 3_600_000 },
    port,
    // The embedded sandbox's generated secrets are printed, so keep it on loopback unless told otherwise.
    host: e.HOST ?? (sandbox ? '127.0.0.1' : '0.0.0.0'),
    logLevel: e.LOG_LEVEL ?? 'info',
    generated,
  };
}
