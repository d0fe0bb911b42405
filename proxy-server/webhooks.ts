/**
 * `POST /webhooks/spherepay`: HMAC-SHA256 of the raw body in `signature`,
 * compared in constant time; a bad signature is 401 and nothing is stored.
 * Events are deduplicated on their id, stored, mapped to their customer and
 * fanned out to that customer's event streams in every proxy process.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { problem } from '../contract/spherepay/problem.ts';
import { WebhookEvent } from '../contract/spherepay/webhook.ts';
import { HttpProblem, invalid } from './errors.ts';
import type { ResourceKind, Store } from './store/store.ts';

export function verifySignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !/^[0-9a-fA-F]{64}$/.test(header)) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(header, 'hex'));
}

/** The customer an event is about: `data.customerId`, `data.customer`, or the customer itself. */
export function customerOfEvent(e: WebhookEvent): string | null {
  const data = e.data as Record<string, unknown>;
  for (const field of ['customerId', 'customer'] as const) if (typeof data[field] === 'string') return data[field];
  if (e.type.startsWith('customer.') && typeof data.id === 'string') return data.id;
  return null;
}

const KIND_BY_PREFIX: [string, ResourceKind][] = [['bankAccount.', 'bankAccount'], ['wallet.', 'wallet'], ['payout.', 'transfer']];

export function webhooksRouter(d: { store: Store; secret: string; now: () => Date; outbox?: { kick(): void } }): Router {
  const router = Router();
  router.post('/webhooks/spherepay', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifySignature(raw, req.get('signature'), d.secret)) {
      throw new HttpProblem(problem(401, 'webhook/invalid-signature', 'The signature does not match'));
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpProblem(problem(400, 'validation/failed', 'The body is not valid JSON'));
    }
    const parsed = WebhookEvent.safeParse(json);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const event = parsed.data;
    const customerId = customerOfEvent(event);
    const now = d.now();
    // Webhooks teach the ownership map too, so later checks need no upstream call.
    const kind = KIND_BY_PREFIX.find(([p]) => event.type.startsWith(p))?.[1];
    if (kind && customerId && typeof event.data.id === 'string') await d.store.recordOwner(kind, event.data.id, customerId, now);
    // Storing it announces it to the event streams of every process sharing the store (Store.addEvent).
    const stored = await d.store.addEvent(
      { id: event.id, type: event.type, customerId, payload: JSON.stringify({ type: event.type, id: event.id, createdAt: event.createdAt, data: event.data }) },
      now,
      // Queued for the merchant's backend in the same transaction that stores it.
      { outbox: d.outbox !== undefined },
    );
    if (stored) d.outbox?.kick();
    req.log.info({ eventId: event.id, type: event.type, duplicate: !stored }, 'webhook received');
    res.status(200).json({ received: true });
  });
  return router;
}
