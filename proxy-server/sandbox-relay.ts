/**
 * Session-scoped versions of the sandbox's test controls, for the demo
 * ("approve me", "simulate my deposit"). Mounted only in sandbox mode or
 * with RAMP_SANDBOX_CONTROLS=1; the ownership rules of the relay apply.
 */
import express, { Router, type Request, type Response } from 'express';
import * as z from 'zod/mini';
import { TransferStatus } from '../contract/spherepay/transfer.ts';
import { invalid } from './errors.ts';
import { requireCustomer } from './relay/handler.ts';
import type { Ownership } from './relay/ownership.ts';
import { passHeaders, send } from './relay/respond.ts';
import type { Upstream, UpstreamRequest } from './upstream.ts';
import { REPORT_INPUT } from '../contract/spherepay/problem.ts';

const Advance = z.strictObject({ status: TransferStatus });
const Decide = z.strictObject({ profile: z.optional(z.string().check(z.regex(/^[a-z0-9_]{1,64}$/, 'Must be a profile name such as kyc_profile_a'))) });
const Clock = z.strictObject({
  advanceSeconds: z.number().check(z.int('Must be a whole number of seconds'), z.gte(1, 'Must be at least 1'), z.lte(2_592_000, 'Must be at most 30 days')),
});

export function sandboxControlsRouter(d: { upstream: Upstream; ownership: Ownership }): Router {
  const router = Router();
  const relay = async (req: Request, res: Response, r: Omit<UpstreamRequest, 'method'>) => {
    const up = await d.upstream.request({ method: 'POST', requestId: req.id, ...r });
    send(res, { status: up.status, contentType: up.headers.get('content-type') ?? 'application/json', body: up.text }, passHeaders(up));
  };
  const parse = <T>(schema: z.ZodMiniType<T>, body: unknown): T => {
    const parsed = schema.safeParse(body ?? {}, REPORT_INPUT);
    if (!parsed.success) throw invalid(parsed.error.issues);
    return parsed.data;
  };

  router.get('/', (_req, res) => {
    res.json({ sandbox: true });
  });
  for (const action of ['approve', 'reject'] as const) {
    router.post(`/customer/${action}`, async (req, res) => {
      const customerId = requireCustomer(req);
      // Optionally one profile only (D13: e.g. approve kyc_profile_a but not the BRL kyc_profile_b).
      const { profile } = parse(Decide, req.body ?? {});
      await relay(req, res, { path: `/_sandbox/customer/${customerId}/${action}`, ...(profile ? { json: { profile } } : {}) });
    });
  }
  router.post('/transfer/:id/fund', async (req, res) => {
    const customerId = requireCustomer(req);
    await d.ownership.assert('transfer', req.params.id, customerId, req.id);
    await relay(req, res, { path: `/_sandbox/transfer/${req.params.id}/fund` });
  });
  router.post('/transfer/:id/advance', async (req, res) => {
    const customerId = requireCustomer(req);
    await d.ownership.assert('transfer', req.params.id, customerId, req.id);
    const body = parse(Advance, req.body);
    await relay(req, res, { path: `/_sandbox/transfer/${req.params.id}/advance`, json: body });
  });
  router.post('/clock', async (req, res) => {
    requireCustomer(req);
    const body = parse(Clock, req.body);
    await relay(req, res, { path: '/_sandbox/clock', json: body });
  });
  return router;
}

/**
 * The sandbox's hosted pages (TOS, KYC, face verification) through the
 * proxy's own origin. They are authenticated by the token in their URL, so
 * no API key is sent.
 */
export function hostedPagesRouter(d: { upstream: Upstream }): Router {
  const router = Router();
  router.all('/_sandbox/hosted/{*rest}', express.raw({ type: () => true, limit: '100kb' }), async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'POST') return next();
    const raw = Buffer.isBuffer(req.body) && req.body.length ? { raw: { body: req.body, contentType: req.get('content-type') ?? 'application/octet-stream' } } : {};
    const up = await d.upstream.request({ method: req.method, path: req.originalUrl, authenticate: false, requestId: req.id, ...raw });
    // The sandbox's pages bring their own policy; ours is for the proxy's pages.
    res.removeHeader('content-security-policy');
    for (const h of ['content-type', 'location', 'cache-control', 'content-security-policy']) {
      const v = up.headers.get(h);
      if (v) res.set(h, v);
    }
    res.status(up.status).send(up.text);
  });
  return router;
}
