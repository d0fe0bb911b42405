/**
 * The widget's only door to the proxy. Every call carries the session token,
 * the caller's AbortSignal, and is parsed with the shared schema; a 401 gets
 * one session renewal and one retry.
 */
// Types only: schemas are passed in by the steps, so the shell ships no zod.
import type * as z from 'zod/mini';
import { isProxyHealth } from '../../contract/guards.ts';
import { RampError, errorFromResponse } from './errors.ts';

export interface RequestOptions<S extends z.ZodMiniType | undefined> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | undefined>;
  schema?: S;
  signal?: AbortSignal;
  idempotencyKey?: string;
}

export interface SessionSource {
  /** The current token, obtaining one first if needed. */
  token(): Promise<string>;
  /** Called after a 401: a fresh token, or undefined when renewal failed. */
  renew(): Promise<string | undefined>;
}

export class RampClient {
  constructor(
    readonly apiBase: string,
    private readonly session: SessionSource,
    /** Told when a call is still refused after renewing the session. */
    private readonly onSessionLost: () => void = () => {},
  ) {}

  url(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(path, this.apiBase);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    return url.toString();
  }

  async request<S extends z.ZodMiniType | undefined = undefined>(
    path: string,
    options: RequestOptions<S> = {},
  ): Promise<S extends z.ZodMiniType ? z.infer<S> : unknown> {
    const send = async (token: string) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      try {
        return await fetch(this.url(path, options.query), {
          method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
          credentials: 'omit',
        });
      } catch (err) {
        if (options.signal?.aborted) throw err;
        throw new RampError('network', undefined);
      }
    };
    let res = await send(await this.session.token());
    if (res.status === 401) {
      const fresh = await this.session.renew();
      if (fresh) res = await send(fresh);
      if (res.status === 401) this.onSessionLost();
    }
    if (!res.ok) throw await errorFromResponse(res);
    const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => {
      throw new RampError('invalid-response', undefined, res.status);
    });
    if (!options.schema) return data as never;
    const parsed = options.schema.safeParse(data);
    if (!parsed.success) throw new RampError('invalid-response', undefined, res.status);
    return parsed.data as never;
  }

  /**
   * Can this page talk to its proxy: allowed by the proxy's CORS and this
   * page's CSP, and is it a sphere-ramp proxy at all? Checked before the
   * first form when the session came with everything else (no
   * `GET /api/session` to find out), with the loader's early answer if given.
   * Throws what a failed call would: `network`, or `not-found` with the status.
   */
  async reach(early?: Promise<Response>): Promise<void> {
    let res: Response;
    try {
      res = await (early ?? reachProxy(this.apiBase));
    } catch {
      throw new RampError('network', undefined);
    }
    const body: unknown = res.ok ? await res.json().catch(() => undefined) : undefined;
    if (!isProxyHealth(body)) throw new RampError('not-found', undefined, res.status);
  }

  /**
   * Multipart upload with progress (fetch cannot report upload progress, so
   * this one call uses XMLHttpRequest).
   */
  async upload<S extends z.ZodMiniType>(
    path: string,
    form: FormData,
    options: { schema: S; signal?: AbortSignal; onProgress?: (fraction: number) => void },
  ): Promise<z.infer<S>> {
    const attempt = (token: string) =>
      new Promise<{ status: number; text: string; retryAfter: string | null }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', this.url(path));
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.upload.onprogress = (e) => e.lengthComputable && options.onProgress?.(e.loaded / e.total);
        xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, retryAfter: xhr.getResponseHeader('retry-after') });
        xhr.onerror = () => reject(new RampError('network', undefined));
        xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
        options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(form);
      });
    let result = await attempt(await this.session.token());
    if (result.status === 401) {
      const fresh = await this.session.renew();
      if (fresh) result = await attempt(fresh);
      if (result.status === 401) this.onSessionLost();
    }
    const res = new Response(result.text || null, {
      status: result.status,
      headers: result.retryAfter ? { 'retry-after': result.retryAfter } : {},
    });
    if (!res.ok) throw await errorFromResponse(res);
    const parsed = options.schema.safeParse(JSON.parse(result.text));
    if (!parsed.success) throw new RampError('invalid-response', undefined, result.status);
    return parsed.data;
  }
}

/** `GET /healthz` without credentials or custom headers: a simple request, so no CORS preflight. */
export const reachProxy = (apiBase: string) => fetch(new URL('/healthz', apiBase).href, { credentials: 'omit', cache: 'no-store' });

/** A fresh key per intent (one transfer the person means to make). */
export const newIdempotencyKey = () => crypto.randomUUID();
