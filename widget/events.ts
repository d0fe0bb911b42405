/**
 * Every event `<sphere-ramp>` fires: names and detail types in one place.
 * All bubble and are composed, so a host listens on the element or any
 * ancestor. Details carry ids and statuses, never account numbers.
 */
import type { TransferStatus } from '../spherepay/transfer.ts';
import type { VerificationStatus } from '../spherepay/customer.ts';

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
  'ramp-error': { code: string; message: string; status?: number };
}

export type RampEventName = keyof RampEventMap;
export type RampEvent<K extends RampEventName = RampEventName> = CustomEvent<RampEventMap[K]>;

/** The names, for hosts that re-dispatch or log them (iframe bridge, frame helper). */
export const RAMP_EVENTS = [
  'ramp-ready', 'ramp-step-change', 'ramp-customer-created', 'ramp-verification-change', 'ramp-instrument-added',
  'ramp-quote', 'ramp-quote-expired', 'ramp-transfer-created', 'ramp-transfer-status', 'ramp-session-expired', 'ramp-error',
] as const satisfies readonly RampEventName[];

export function rampEvent<K extends RampEventName>(type: K, detail: RampEventMap[K]): RampEvent<K> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap extends Record<RampEventName, CustomEvent> {
    'ramp-ready': RampEvent<'ramp-ready'>;
    'ramp-step-change': RampEvent<'ramp-step-change'>;
    'ramp-customer-created': RampEvent<'ramp-customer-created'>;
    'ramp-verification-change': RampEvent<'ramp-verification-change'>;
    'ramp-instrument-added': RampEvent<'ramp-instrument-added'>;
    'ramp-quote': RampEvent<'ramp-quote'>;
    'ramp-quote-expired': RampEvent<'ramp-quote-expired'>;
    'ramp-transfer-created': RampEvent<'ramp-transfer-created'>;
    'ramp-transfer-status': RampEvent<'ramp-transfer-status'>;
    'ramp-session-expired': RampEvent<'ramp-session-expired'>;
    'ramp-error': RampEvent<'ramp-error'>;
  }
}
