/** Webhook envelope (API.md §8.3, decisions D1 and D2). */
import * as z from 'zod/mini';
import { EventId, Timestamp } from './common.ts';
import { TRANSFER_STATUSES } from './transfer.ts';

export const WEBHOOK_EVENT_TYPES = [
  'customer.kyc.pending', 'customer.kyc.successful', 'customer.kyc.rejected', 'customer.tos.successful',
  'bankAccount.create', 'wallet.create', 'payout.create',
  ...TRANSFER_STATUSES.map((s) => `payout.${s}` as const),
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WebhookEvent = z.looseObject({
  id: EventId,
  type: z.string(),
  createdAt: Timestamp,
  data: z.looseObject({ id: z.optional(z.string()) }),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;
