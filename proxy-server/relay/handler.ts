/** One relayed call: session customer forced, body validated, ids checked, idempotency kept, answer checked. */
import type { Request, RequestHandler, Response } from 'express';
import { notFound, invalid, HttpProblem } from '../errors.ts';
import { problem, REPORT_INPUT } from '../../contract/spherepay/problem.ts';
import type { Store, StoredResponse } from '../store/store.ts';
import type { Upstream } from '../upstream.ts';
import { claim, holdClaim, readIdempotencyKey, requestHash, settle } from './idempotency.ts';
import { applyQuotePolicy, applyTransferPolicy, checkQuoteForTransfer } from '../policy.ts';
import { parseJson, type Ownership } from './ownership.ts';
import { checkResponse, passHeaders, send } from './respond.ts';
import type { RelayRoute } from './routes.ts';

export interface RelayDeps {
  store: Store;
  upstream: Upstream;
  ownership: Ownership;
  now: () => Date;
  /** An Idempotency-Key claim untouched this long was left by a dead process (the upstream timeout). */
  claimStaleMs: number;
}

export function requireCustomer(req: Request): string {
  const customerId = req.session?.customerId;
  if (!customerId) throw new HttpProblem(problem(404, 'resource/not-found', 'Create the customer first'));
  return customerId;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fills in the session's customer, or refuses one that names somebody else. */
function forceCustomer(target: Record<string, unknown>, field: string, customerId: string) {
  if (target[field] === undefined) target[field] = customerId;
  else if (target[field] !== customerId) throw notFound();
}

/** The merchant's terms on a quote or transfer body: fees filled in, anything outside them refused. */
async function applyPolicy(kind: 'quote' | 'transfer', body: Record<string, unknown>, req: Request, d: RelayDeps) {
  const policy = req.session!.policy;
  if (kind === 'quote') return applyQuotePolicy(body, policy);
  const applied = applyTransferPolicy(body, policy);
  if (typeof applied.quoteId === 'string') {
    const up = await d.upstream.request({ method: 'GET', path: '/v2/quote/' + encodeURIComponent(applied.quoteId), requestId: req.id });
    if (up.status !== 200) throw new HttpProblem(problem(502, 'upstream/unavailable', 'The quote could not be read from SpherePay'));
    checkQuoteForTransfer(parseJson(up.text) as Record<string, unknown> | undefined, policy);
  }
  return applied;
}

/** What one relayed call learnt: SpherePay's status, once it answered. */
interface Exchange {
  upstreamStatus: number | null;
}

/**
 * The upstream call and the check of its answer. A function of its own, not a
 * closure in the handler: tsx names every closure bound to a name as it is
 * made, ~1.5 us each (issue 15).
 */
async function forward(
  route: RelayRoute, d: RelayDeps, req: Request, customerId: string, path: string, body: unknown, key: string | undefined, exchange: Exchange,
): Promise<{ response: StoredResponse; headers: Record<string, string> }> {
  const up = await d.upstream.request({
    method: route.method, path, requestId: req.id,
    ...(body !== undefined ? { json: body } : {}),
    ...(key ? { idempotencyKey: key } : {}),
  });
  exchange.upstreamStatus = up.status;
  try {
    return { response: await checkResponse(route.returns, up, customerId, d.ownership), headers: passHeaders(up) };
  } catch (err) {
    // D3: once SpherePay has said 2xx to a write, that answer stands. The write named this
    // customer (forced above), so an answer this proxy cannot fully read is passed on, and
    // is what the Idempotency-Key replays: never an error of the proxy's own making.
    if (route.method === 'GET' || up.status < 200 || up.status >= 300) throw err;
    req.log.warn({ route: route.path, upstreamStatus: up.status }, 'upstream 2xx passed on unchecked');
    return { response: { status: up.status, contentType: up.headers.get('content-type') ?? 'application/json', body: up.text }, headers: passHeaders(up) };
  }
}

export function relayHandler(route: RelayRoute, d: RelayDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const customerId = requireCustomer(req);
    const exchange: Exchange = { upstreamStatus: null };
    let key: string | undefined;
    // The key's answer, stored beside the audit line: one transaction and one sync for both.
    let settling: Promise<void> | undefined;
    try {
      let path = '/v2' + route.path;
      if (route.id) {
        const id = String(req.params.id);
        if (route.id === 'customer') {
          if (id !== customerId) throw notFound();
        } else {
          await d.ownership.assert(route.id, id, customerId, req.id);
        }
        path = path.replace(':id', encodeURIComponent(id));
      }

      if (route.query) {
        const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
        if (route.queryCustomer) forceCustomer(query, route.queryCustomer, customerId);
        const parsed = route.query.safeParse(query, REPORT_INPUT);
        if (!parsed.success) throw invalid(parsed.error.issues);
        path += '?' + new URLSearchParams(parsed.data as Record<string, string>).toString();
      }

      let body: unknown;
      if (route.body) {
        const raw: unknown = req.body;
        if (route.bodyCustomer && isObject(raw)) forceCustomer(raw, route.bodyCustomer, customerId);
        const parsed = route.body.safeParse(raw, REPORT_INPUT);
        if (!parsed.success) throw invalid(parsed.error.issues);
        body = isObject(parsed.data) && Object.keys(parsed.data).length === 0 && !route.bodyCustomer ? undefined : parsed.data;
        for (const ref of route.refs?.(body) ?? []) await d.ownership.assert(ref.kind, ref.id, customerId, req.id);
        if (route.policy) body = await applyPolicy(route.policy, body as Record<string, unknown>, req, d);
      }

      if (route.idempotency) key = readIdempotencyKey(req.get('idempotency-key'), route.idempotency === 'required');
      if (!key) {
        const { response, headers } = await forward(route, d, req, customerId, path, body, key, exchange);
        return send(res, response, headers);
      }
      const outcome = await claim(d.store, customerId, key, requestHash(route.method, path, body), d.now, d.claimStaleMs);
      if ('replay' in outcome) return send(res, outcome.replay, { 'idempotent-replayed': 'true' });
      let settled: StoredResponse | undefined;
      const release = holdClaim(d.store, customerId, key, d.now, d.claimStaleMs);
      try {
        const { response, headers } = await forward(route, d, req, customerId, path, body, key, exchange);
        settled = response;
        send(res, response, headers);
      } catch (err) {
        // Only a 404 decided before any upstream success is final; nothing after an upstream 2xx is stored as an error.
        const { upstreamStatus } = exchange;
        const upstreamSucceeded = upstreamStatus !== null && upstreamStatus >= 200 && upstreamStatus < 300;
        if (!upstreamSucceeded && err instanceof HttpProblem && err.body.status === 404) {
          settled = { status: 404, contentType: 'application/problem+json', body: JSON.stringify(err.body) };
        }
        throw err;
      } finally {
        release();
        settling = settle(d.store, customerId, key, settled);
      }
    } finally {
      const audit = route.audit
        ? d.store.audit({
            at: d.now(), sessionId: req.session!.id, customerId, method: route.method, route: route.path,
            idempotencyKey: key ?? null, upstreamStatus: exchange.upstreamStatus, requestId: req.id,
          })
        : undefined;
      await Promise.all([settling, audit]);
    }
  };
}
