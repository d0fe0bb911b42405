/**
 * `POST /api/v2/customer`: the one call a session without a customer may
 * make. Serialised per user across every proxy process (the store's lock),
 * with an Idempotency-Key derived from the user and the body, so concurrent
 * first requests never create two customers.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { CustomerId } from '../../contract/spherepay/common.ts';
import { CustomerCreate } from '../../contract/spherepay/customer.ts';
import { problem, REPORT_INPUT } from '../../contract/spherepay/problem.ts';
import { HttpProblem, invalid } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Upstream } from '../upstream.ts';
import { parseJson } from './ownership.ts';
import { send } from './respond.ts';

export interface CustomerCreateDeps {
  store: Store;
  upstream: Upstream;
  onLinked(externalUserId: string, customerId: string): void;
}

const alreadyExists = () => new HttpProblem(problem(409, 'customer/exists', 'This session already has a customer'));

export function customerCreateHandler(d: CustomerCreateDeps): RequestHandler {
  return async (req, res) => {
    const session = req.session!;
    if (session.customerId) throw alreadyExists();
    const parsed = CustomerCreate.safeParse(req.body, REPORT_INPUT);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const user = session.externalUserId;
    await d.store.withLock(`customer:${user}`, async () => {
      if (await d.store.customerOf(user)) throw alreadyExists();
      const key = 'customer-' + createHash('sha256').update(`${user}\n${JSON.stringify(parsed.data)}`).digest('hex');
      const up = await d.upstream.request({ method: 'POST', path: '/v2/customer', json: parsed.data, idempotencyKey: key, requestId: req.id });
      const contentType = up.headers.get('content-type') ?? 'application/json';
      if (up.status >= 200 && up.status < 300) {
        const id = (parseJson(up.text) as { id?: unknown } | undefined)?.id;
        if (!CustomerId.safeParse(id).success) throw new HttpProblem(problem(502, 'upstream/unavailable', 'SpherePay answered without a customer id'));
        const linked = await d.store.linkCustomer(user, id as string);
        if (linked === 'conflict') throw alreadyExists();
        d.onLinked(user, id as string);
      }
      send(res, { status: up.status, contentType, body: up.text });
    });
  };
}
