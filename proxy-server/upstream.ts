/**
 * The one way to reach SpherePay (or the sandbox, over the same HTTP path).
 * The API key goes only into the upstream Authorization header. Timeouts
 * become 504, connection failures 502; only safe requests are retried.
 */
import type { Logger } from 'pino';
import { problem } from '../contract/spherepay/problem.ts';
import { HttpProblem } from './errors.ts';

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, e.g. `/v2/wallet?customerId=…`. */
  path: string;
  json?: unknown;
  /** A streamed body (document uploads): sent once, never retried. */
  stream?: { body: ReadableStream<Uint8Array>; contentType: string };
  /** Raw bytes with their type (hosted sandbox pages). */
  raw?: { body: Uint8Array; contentType: string };
  idempotencyKey?: string;
  /** False for the token-authenticated hosted sandbox pages. */
  authenticate?: boolean;
  requestId?: string;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface Upstream {
  request(req: UpstreamRequest): Promise<UpstreamResponse>;
  /** True when the upstream answers HTTP at all. */
  reachable(): Promise<boolean>;
}

export interface UpstreamOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  retries: number;
  logger: Logger;
}

const RETRYABLE_STATUS = new Set([429, 502, 503]);
const MAX_RETRY_AFTER_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const upstreamTimeout = () => new HttpProblem(problem(504, 'upstream/timeout', 'SpherePay did not answer in time'));
export const upstreamUnavailable = () => new HttpProblem(problem(502, 'upstream/unavailable', 'SpherePay could not be reached'));

export function createUpstream(o: UpstreamOptions): Upstream {
  const base = o.baseUrl.replace(/\/$/, '');

  async function once(req: UpstreamRequest): Promise<UpstreamResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.authenticate !== false) headers.authorization = `Bearer ${o.apiKey}`;
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    if (req.requestId) headers['x-request-id'] = req.requestId;
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.stream) {
      headers['content-type'] = req.stream.contentType;
      body = req.stream.body;
    } else if (req.raw) {
      headers['content-type'] = req.raw.contentType;
      body = req.raw.body as Uint8Array<ArrayBuffer>;
    }
    try {
      const res = await fetch(base + req.path, {
        method: req.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
        ...(req.stream ? { duplex: 'half' } : {}),
      } as RequestInit);
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw upstreamTimeout();
      throw upstreamUnavailable();
    }
  }

  return {
    async request(req) {
      const safe = !req.stream && (req.method === 'GET' || (req.method === 'POST' && !!req.idempotencyKey));
      const attempts = safe ? o.retries + 1 : 1;
      for (let attempt = 1; ; attempt++) {
        const backoff = 100 * 2 ** (attempt - 1) * (0.5 + Math.random());
        try {
          const res = await once(req);
          if (attempt < attempts && RETRYABLE_STATUS.has(res.status)) {
            const after = Number(res.headers.get('retry-after'));
            await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, MAX_RETRY_AFTER_MS) : backoff);
            continue;
          }
          return res;
        } catch (err) {
          // A timed-out request may still be running upstream; retrying it would only stack up waits.
          const retry = attempt < attempts && err instanceof HttpProblem && err.body.status === 502;
          o.logger.warn({ method: req.method, path: req.path.split('?')[0], attempt, status: (err as HttpProblem).body?.status }, 'upstream request failed');
          if (!retry) throw err;
          await sleep(backoff);
        }
      }
    },
    async reachable() {
      try {
        await fetch(base + '/', { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(Math.min(o.timeoutMs, 3000)) });
        return true;
      } catch {
        return false;
      }
    },
  };
}
