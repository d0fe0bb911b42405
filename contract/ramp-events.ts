/**
 * The events `<sphere-ramp>` fires, names and detail types: the element
 * dispatches them, the iframe page posts them to its host, and the host-side
 * helper re-dispatches them, so all three import this one map. Details carry
 * ids and statuses, never account numbers.
 */
import type { TransferStatus } from './spherepay/transfer.ts';
import type { VerificationStatus } from './spherepay/customer.ts';

export interface RampEventMap {
  'ramp-ready': { version: 1 };
  'ramp-step-change': { step: string; previous: string | null };
  'ramp-customer-created': { customerId: string; type: 'individual' | 'business' };
  'ramp-verification-change': { customerId: string; status: VerificationStatus; required: string[] };
  'ramp-instrument-added': { kind: 'bankAccount' | 'wallet'; id: string; currency?: string; network?: string };
  'ramp-quote': {
    quoteId: string;
    type: 'on_ramp' | 'off_ramp';
    source: { currency: string; network: string; amount: string };
    destination: { currency: string; network: string; amount: string; exchangeRate: string };
    expiresAt: string;
  };
  'ramp-quote-expired': { quoteId: string };
  'ramp-transfer-created': { transferId: string; type: string; status: TransferStatus; amount?: string; externalId?: string | null };
  'ramp-transfer-status': { transferId: string; status: TransferStatus; previous: TransferStatus | null };
  'ramp-session-expired': { reason: 'expired' | 'renewal-failed' };
  'ramp-error': RampErrorDetail;
}

/**
 * Error codes a host can act on (DESIGN.md "The widget's public API"). The
 * first four are found at start, before the person types anything. Other
 * codes (SpherePay's `code`, or the widget's error kind) may appear for
 * errors inside a step.
 */
export const RAMP_ERROR_CODES = ['origin-not-allowed', 'proxy-unreachable', 'session-failed', 'session-expired', 'upstream-unavailable'] as const;
export type RampErrorCode = (typeof RAMP_ERROR_CODES)[number];

export interface RampErrorDetail {
  /** One of RAMP_ERROR_CODES, or a more specific code from the service. */
  code: RampErrorCode | (string & {});
  /** For the host's developers and logs (English); the person sees a translated notice in the widget. */
  message: string;
  /** True when trying again unchanged may succeed (network, 5xx, 429); false when configuration or the session must change. */
  retryable: boolean;
  /** The HTTP status, when the error came from a response. */
  status?: number;
}

export type RampEventName = keyof RampEventMap;

/** The names, for hosts that re-dispatch or log them (iframe bridge, frame helper). */
export const RAMP_EVENTS = [
  'ramp-ready', 'ramp-step-change', 'ramp-customer-created', 'ramp-verification-change', 'ramp-instrument-added',
  'ramp-quote', 'ramp-quote-expired', 'ramp-transfer-created', 'ramp-transfer-status', 'ramp-session-expired', 'ramp-error',
] as const satisfies readonly RampEventName[];
