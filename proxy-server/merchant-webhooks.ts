/**
 * Merchant webhooks (DESIGN.md "Merchant webhooks"): every stored live event
 * goes to RAMP_MERCHANT_WEBHOOK_URL as `POST` JSON, signed with
 * `ramp-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 *
 * The outbox lives in the store: an event is queued in the transaction that
 * stores it, so a restart loses nothing, and several proxy processes share
 * the queue through leases. Delivery is at least once, in order per customer
 * (a customer's next event waits until the one before it is delivered or
 * given up), retried with exponential backoff for 24 hours.
 */
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import * as z from 'zod/mini';
import { LiveEvent, MERCHANT_SIGNATURE_HEADER, type MerchantWebhook } from '../contract/live-events.ts';
import type { OutboxDelivery, Store } from './store/store.ts';

export interface MerchantWebhookOptions {
  url: string;
  secret: string;
  /** First retry delay; doubled each attempt, capped at one hour. */
  backoffMs: number;
  timeoutMs: number;
  /** How often the outbox is looked at besides right after an event is stored (retries, other processes' events). */
  pollMs: number;
}

const GIVE_UP_AFTER_MS = 24 * 3600_000;
const MAX_BACKOFF_MS = 3600_000;
const BATCH = 20;
const StoredPayload = z.partial(LiveEvent);

/** The header value for a body sent at `unixSeconds`. */
export function signMerchantWebhook(body: string, secret: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** The webhook body of a stored event: the normalised live event plus the merchant's user id. */
export function merchantWebhookBody(d: OutboxDelivery): MerchantWebhook {
  const { event } = d;
  let stored: Partial<LiveEvent> = {};
  try {
    const parsed = StoredPayload.safeParse(JSON.parse(event.payload));
    if (parsed.success) stored = parsed.data;
  } catch {
    // An unreadable payload still yields the id, type and customer kept beside it.
  }
  return {
    id: event.id,
    type: stored.type ?? event.type,
    createdAt: stored.createdAt ?? new Date(0).toISOString(),
    externalUserId: d.externalUserId,
    customerId: event.customerId,
    data: stored.data ?? {},
  };
}

export function backoff(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(attempt, 30), MAX_BACKOFF_MS);
}

export interface MerchantWebhookSender {
  /** An event was just queued: look at the outbox now instead of at the next poll. */
  kick(): void;
  /** Stops polling and waits for deliveries in flight. */
  stop(): Promise<void>;
}

export function startMerchantWebhooks(o: MerchantWebhookOptions & { store: Store; logger: Logger; now: () => Date }): MerchantWebhookSender {
  const log = o.logger.child({ component: 'merchant-webhooks' });
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function deliver(d: OutboxDelivery) {
    const attempt = d.attempts + 1;
    const body = JSON.stringify(merchantWebhookBody(d));
    const started = Date.now();
    const signature = signMerchantWebhook(body, o.secret, Math.floor(o.now().getTime() / 1000));
    let failure: string;
    try {
      const res = await fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [MERCHANT_SIGNATURE_HEADER]: signature, 'user-agent': 'sphere-ramp-webhooks/1' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) {
        await o.store.recordDelivery(d.event.seq, { state: 'delivered' }, o.now());
        log.info({ eventId: d.event.id, type: d.event.type, customerId: d.event.customerId, attempt, status: res.status, ms: Date.now() - started }, 'merchant webhook delivered');
        return;
      }
      failure = `HTTP ${res.status}`;
    } catch (err) {
      failure = (err as Error).name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : `unreachable (${(err as Error).message})`;
    }
    const now = o.now();
    const retryInMs = backoff(d.attempts, o.backoffMs);
    const next = new Date(now.getTime() + retryInMs);
    if (next.getTime() - d.enqueuedAt.getTime() > GIVE_UP_AFTER_MS) {
      await o.store.recordDelivery(d.event.seq, { state: 'failed', error: failure }, now);
      log.error({ eventId: d.event.id, type: d.event.type, customerId: d.event.customerId, attempt, error: failure }, 'merchant webhook given up after 24 h');
      return;
    }
    await o.store.recordDelivery(d.event.seq, { state: 'retry', nextAttemptAt: next, error: failure }, now);
    log.warn({ eventId: d.event.id, type: d.event.type, customerId: d.event.customerId, attempt, error: failure, retryInMs, nextAttemptAt: next.toISOString() }, 'merchant webhook failed; will retry');
  }

  async function drain() {
    do {
      again = false;
      const now = o.now();
      // The lease outlives the request, so no other process sends the same event meanwhile.
      const batch = await o.store.claimDeliveries(now, new Date(now.getTime() + o.timeoutMs + 30_000), BATCH);
      await Promise.all(batch.map((d) => deliver(d).catch((err) => log.error({ err, eventId: d.event.id }, 'merchant webhook bookkeeping failed'))));
      // A delivered event frees its customer's next one: look again.
      if (batch.length) again = true;
    } while (again && !stopped);
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err) => log.error({ err }, 'merchant webhook outbox unavailable'))
      .finally(() => (running = undefined));
  }

  const poll = setInterval(kick, o.pollMs);
  poll.unref();
  kick();
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await running;
    },
  };
}
