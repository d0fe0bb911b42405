/**
 * The one normalised event the proxy makes of every SpherePay webhook,
 * whatever its naming or envelope (API.md D2, §8.3). The widget receives it
 * on `GET /api/events` (the SSE `data:` of each frame, `event:` = `type`),
 * and the merchant's backend receives it, with `externalUserId`, as a
 * merchant webhook (DESIGN.md "Merchant webhooks").
 *
 * Events are hints: a receiver that needs the resource re-fetches it.
 */
import * as z from 'zod/mini';

export const LIVE_EVENT_TYPES = {
  /**
   * A transfer moved: `data` is `{ transferId, status? }` (status as SpherePay
   * names it, open-ended; absent when the event name did not say, so the
   * receiver re-fetches the transfer).
   */
  transferStatus: 'transfer.status',
  /** A customer's verification may have changed: `data` is `{ customerId }`; re-fetch the customer. */
  customerVerification: 'customer.verification',
  /** A bank account or wallet was added or changed: `data` is `{ kind, id }`. */
  instrument: 'instrument.changed',
  /** Anything else SpherePay sent for this customer: `data` is `{ name }` (the upstream event name). */
  other: 'spherepay.event',
} as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[keyof typeof LIVE_EVENT_TYPES];

export const TransferStatusData = z.object({ transferId: z.string(), status: z.optional(z.string()) });
export const CustomerVerificationData = z.object({ customerId: z.string() });
export const InstrumentData = z.object({ kind: z.enum(['bankAccount', 'wallet']), id: z.string() });

export const LiveEvent = z.object({
  /** The upstream event id (`evt_…` or `event_…`): receivers deduplicate on it. */
  id: z.string(),
  type: z.string(),
  createdAt: z.string(),
  customerId: z.nullable(z.string()),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

/** The body of a merchant webhook: the live event plus the merchant's own user id. */
export const MerchantWebhook = z.object({
  ...LiveEvent.shape,
  externalUserId: z.nullable(z.string()),
});
export type MerchantWebhook = z.infer<typeof MerchantWebhook>;

/** Header of a merchant webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const MERCHANT_SIGNATURE_HEADER = 'ramp-signature';
