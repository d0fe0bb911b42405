/**
 * Webhook names (API.md D2, §8.3). What the sandbox sends: the 2026 envelope
 * with `transfer.<v2 status>` names. The proxy reads every documented naming
 * and envelope (`proxy-server/webhooks/normalise.ts`).
 */
import { TRANSFER_STATUSES } from './transfer.ts';

export const WEBHOOK_EVENT_TYPES = [
  'customer.kyc.pending', 'customer.kyc.successful', 'customer.kyc.rejected', 'customer.tos.successful',
  'bankAccount.create', 'wallet.create',
  ...TRANSFER_STATUSES.map((s) => `transfer.${s}` as const),
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Name suffixes of the 2025 (`payout.*`) and 2024 (`transfer.*`) generations
 * and the transfer status each means (§8.3). Any v2 status is itself.
 */
export const LEGACY_TRANSFER_SUFFIXES: Readonly<Record<string, string>> = {
  create: 'pendingFunding',
  pending: 'pendingFunding',
  funded: 'fundsReceived',
  successful: 'succeeded',
  cancelled: 'canceled',
};

/** The one header SpherePay documents: hex HMAC-SHA256 of the body, keyed with the webhook secret (D1). */
export const WEBHOOK_SIGNATURE_HEADER = 'signature';
