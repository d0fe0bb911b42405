/**
 * `POST /webhooks/spherepay` (served from the app's route table):
 * HMAC-SHA256 in `signature`, compared in constant time against the raw body, and against its compact
 * re-serialisation (what SpherePay's v1 reference code hashes, D1). Only a bad
 * signature is refused. Every correctly signed body gets 200, whatever its
 * shape, naming or depth (SpherePay retries anything else forever): it is
 * normalised to one LiveEvent (`webhooks/normalise.ts`), deduplicated on its
 * id, stored as that normalised event, and fanned out to its customer's
 * streams in every proxy process (storing announces it, Store.addEvent), and
 * queued for the merchant's backend. An event no customer can be found for is
 * kept and logged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { problem } from '../contract/spherepay/problem.ts';
import { LIVE_EVENT_TYPES, type LiveEvent } from '../contract/live-events.ts';
import { WEBHOOK_SIGNATURE_HEADER } from '../contract/spherepay/webhook.ts';
import { HttpProblem } from './errors.ts';
import type { ResourceKind, Store } from './store/store.ts';
import { normaliseWebhook } from './webhooks/normalise.ts';

const hmacMatches = (bytes: Buffer | string, signature: Buffer, secret: string) =>
  timingSafeEqual(createHmac('sha256', secret).update(bytes).digest(), signature);

export function verifySignature(raw: Buffer, header: string | undefined, secret: string, parsed?: unknown): boolean {
  if (!header || !/^[0-9a-fA-F]{64}$/.test(header)) return false;
  const signature = Buffer.from(header, 'hex');
  if (hmacMatches(raw, signature, secret)) return true;
  if (parsed === undefined) return false;
  try {
    return hmacMatches(JSON.stringify(parsed), signature, secret);
  } catch {
    // Too deep to re-serialise: only the raw bytes could have matched.
    return false;
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Which owner record a normalised event teaches, by the resource's id prefix. */
function ownedResource(event: LiveEvent): { kind: ResourceKind; id: string } | undefined {
  const data = event.data as Record<string, unknown>;
  if (event.type === LIVE_EVENT_TYPES.transferStatus && typeof data.transferId === 'string' && data.transferId.startsWith('payout_')) {
    return { kind: 'transfer', id: data.transferId };
  }
  if (event.type === LIVE_EVENT_TYPES.instrument && (data.kind === 'wallet' || data.kind === 'bankAccount') && typeof data.id === 'string') {
    return { kind: data.kind, id: data.id };
  }
  return undefined;
}

export const WEBHOOK_PATH = '/webhooks/spherepay';

/** What `POST /webhooks/spherepay` runs, after the request context and headers every answer gets. */
export function webhookIntake(d: { store: Store; secret: string; now: () => Date; outbox?: { kick(): void } }): RequestHandler[] {
  const intake: RequestHandler = async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const json = parseJson(raw);
    if (!verifySignature(raw, req.get(WEBHOOK_SIGNATURE_HEADER), d.secret, json)) {
      throw new HttpProblem(problem(401, 'webhook/invalid-signature', 'The signature does not match'));
    }
    const event = normaliseWebhook(json);
    if (!event) {
      req.log.warn({ bytes: raw.length }, 'webhook ignored: signed, but not an event this proxy can read');
      res.status(200).json({ received: true, ignored: true });
      return;
    }
    const now = d.now();
    // Storing the normalised event announces it to the event streams of every process sharing the store
    // (Store.addEvent). The same transaction queues it for the merchant's backend and records the
    // resource it shows the customer owns (webhooks teach the ownership map, so later checks need no
    // upstream call): one commit per webhook, which the event's delivery to the streams waits for.
    const owner = ownedResource(event);
    const stored = await d.store.addEvent(
      { id: event.id, type: event.type, customerId: event.customerId, payload: JSON.stringify(event) },
      now,
      { outbox: d.outbox !== undefined, ...(owner ? { owner } : {}) },
    );
    if (stored) d.outbox?.kick();
    const log = { eventId: event.id, type: event.type, duplicate: !stored };
    if (event.customerId) req.log.info(log, 'webhook received');
    else req.log.warn(log, 'webhook kept without a customer: nothing in it names one');
    res.status(200).json({ received: true });
  };
  return [express.raw({ type: () => true, limit: '1mb' }), intake];
}
