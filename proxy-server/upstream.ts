/**
 * The one way to reach SpherePay (or the sandbox, over the same HTTP path).
 * The API key goes only into the upstream Authorization header. Timeouts
 * become 504, connection failures 502, answers over `maxAnswerBytes` 502
 * (never read whole); only safe requests are retried.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
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

/** The answer's headers; only lookups are needed (a WHATWG `Headers` fits too). */
export interface UpstreamHeaders {
  get(name: string): string | null;
}

export interface UpstreamResponse {
  status: number;
  headers: UpstreamHeaders;
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
  /** Larger answers are refused (502) rather than read into memory; default 4 MiB. */
  maxAnswerBytes?: number;
}

/** SpherePay's largest answers (a page of 100 transfers) are tens of KB; this leaves a wide margin. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

const RETRYABLE_STATUS = new Set([429, 502, 503]);
const MAX_RETRY_AFTER_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const upstreamTimeout = () => new HttpProblem(problem(504, 'upstream/timeout', 'SpherePay did not answer in time'));
export const upstreamUnavailable = () => new HttpProblem(problem(502, 'upstream/unavailable', 'SpherePay could not be reached'));
export const upstreamTooLarge = () => new HttpProblem(problem(502, 'upstream/too-large', 'SpherePay sent an answer larger than the proxy accepts'));

const headersOf = (res: IncomingMessage): UpstreamHeaders => ({
  get(name) {
    const v = res.headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
  },
});

/**
 * Settles one upstream call once: with the answer, or with a problem, which
 * also ends the request. A class rather than a closure: tsx names every
 * closure bound to a name as it is made (~1.5 us each; issue 15).
 */
class Settle {
  /** Answered, failed or handed over: nothing more about this call counts. */
  settled = false;
  timer: NodeJS.Timeout | undefined;
  outgoing: ClientRequest | undefined;

  constructor(
    private readonly resolve: (answer: UpstreamResponse) => void,
    private readonly reject: (problem: HttpProblem) => void,
  ) {}

  /** This call's outcome is another call's (a request sent again). */
  handOver(next: Promise<UpstreamResponse>): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    next.then(this.resolve, this.reject);
  }

  finish(outcome: UpstreamResponse | HttpProblem): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (outcome instanceof HttpProblem) {
      this.outgoing?.destroy();
      this.reject(outcome);
    } else this.resolve(outcome);
  }
}

/**
 * node:http(s) over one keep-alive agent rather than fetch: measured, fetch
 * (undici) with an AbortSignal timeout cost about half of the relay's CPU per
 * request (issue 15). Answers are read up to `maxAnswerBytes` and no further.
 */
export function createUpstream(o: UpstreamOptions): Upstream {
  const base = new URL(o.baseUrl);
  const secure = base.protocol === 'https:';
  const prefix = base.pathname.replace(/\/$/, '');
  const agentOptions = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' as const };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;
  const maxBytes = o.maxAnswerBytes ?? MAX_ANSWER_BYTES;

  function once(req: UpstreamRequest, path = prefix + req.path, method: string = req.method, resent = false): Promise<UpstreamResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.authenticate !== false) headers.authorization = `Bearer ${o.apiKey}`;
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    if (req.requestId) headers['x-request-id'] = req.requestId;
    let body: Buffer | string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.stream) {
      headers['content-type'] = req.stream.contentType;
    } else if (req.raw) {
      headers['content-type'] = req.raw.contentType;
      body = Buffer.from(req.raw.body.buffer, req.raw.body.byteOffset, req.raw.body.byteLength);
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const call = new Settle(resolve, reject);
      let answered = false;
      call.outgoing = send({ protocol: base.protocol, hostname: base.hostname, port: base.port, path, method, headers, agent: resent ? false : agent }, (res) => {
        answered = true;
        if (Number(res.headers['content-length']) > maxBytes) return call.finish(upstreamTooLarge());
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) call.finish(upstreamTooLarge());
          else chunks.push(chunk);
        });
        res.on('end', () => {
          const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
          call.finish({ status: res.statusCode ?? 502, headers: headersOf(res), text });
        });
        res.on('error', () => call.finish(upstreamUnavailable()));
        res.on('close', () => {
          if (!res.complete) call.finish(upstreamUnavailable());
        });
      });
      call.timer = setTimeout(() => call.finish(upstreamTimeout()), o.timeoutMs);
      const outgoing = call.outgoing;
      outgoing.on('error', (err: NodeJS.ErrnoException) => {
        // Ended already (a timeout, an answer too large): destroying the request is what raised this
        // "socket hang up", and a request that timed out may have been read upstream: never sent again.
        if (call.settled) return;
        // A kept-alive socket the server closed just as this request went out on it: the server
        // never read it, so it goes again, once, on a connection of its own (another idle one could
        // be as stale; Node's documented
        // `reusedSocket` pattern). Safe for any method, a POST without Idempotency-Key included;
        // a streamed body cannot be sent twice.
        if (!resent && !answered && !req.stream && outgoing.reusedSocket && err.code === 'ECONNRESET') call.handOver(once(req, path, method, true));
        else call.finish(upstreamUnavailable());
      });
      if (req.stream) {
        const source = Readable.fromWeb(req.stream.body as NodeReadableStream<Uint8Array>);
        source.on('error', () => call.finish(upstreamUnavailable()));
        source.pipe(outgoing);
      } else outgoing.end(body);
    });
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
        await once({ method: 'GET', path: '/', authenticate: false }, prefix + '/', 'HEAD');
        return true;
      } catch (err) {
        // Any HTTP answer, even one we would refuse to read, means it is reachable.
        return err instanceof HttpProblem && err.body.code === 'upstream/too-large';
      }
    },
  };
}
