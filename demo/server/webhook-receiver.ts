/**
 * The demo merchant backend as a merchant-webhook receiver: what
 * docs/merchant-webhooks.md tells a merchant to write. It checks
 * `ramp-signature` against the raw body (HMAC-SHA256 of "<t>.<body>"),
 * refuses a timestamp more than five minutes away, deduplicates on the event
 * id (delivery is at least once), and keeps the last events per user so the
 * demo pages can show what the backend learned without a browser.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { MERCHANT_SIGNATURE_HEADER, MerchantWebhook } from '../../contract/live-events.ts';

const TOLERANCE_SECONDS = 300;
const KEEP = 50;

/** True when `header` signs `raw` with `secret` at a time within five minutes of `nowSeconds`. */
export function verifyMerchantSignature(raw: Buffer, header: string | undefined, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.`).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

export interface ReceivedWebhook extends MerchantWebhook {
  receivedAt: string;
}

export function webhookReceiver(secret: string) {
  const byUser = new Map<string, ReceivedWebhook[]>();
  const seen = new Set<string>();

  const receive: RequestHandler = (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyMerchantSignature(raw, req.get(MERCHANT_SIGNATURE_HEADER), secret)) {
      res.status(401).json({ error: 'bad or stale signature' });
      return;
    }
    let parsed;
    try {
      parsed = MerchantWebhook.safeParse(JSON.parse(raw.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      res.status(400).json({ error: 'not a merchant webhook' });
      return;
    }
    const event = parsed.data;
    // A redelivery of something already handled is acknowledged and ignored.
    if (!seen.has(event.id)) {
      seen.add(event.id);
      const user = event.externalUserId ?? '';
      const list = byUser.get(user) ?? [];
      list.push({ ...event, receivedAt: new Date().toISOString() });
      byUser.set(user, list.slice(-KEEP));
    }
    res.status(204).end();
  };

  return {
    /** `POST /demo/webhooks`: needs the raw body, so it goes before any JSON parser. */
    post: [express.raw({ type: () => true, limit: '1mb' }), receive] as RequestHandler[],
    /** What the backend received for one of its users, oldest first. */
    receivedFor: (user: string): ReceivedWebhook[] => byUser.get(user) ?? [],
  };
}
