/**
 * Every event `<sphere-ramp>` fires, as DOM events: names and detail types
 * come from the contract (contract/ramp-events.ts). All bubble and are
 * composed, so a host listens on the element or any ancestor.
 */
import type { RampEventMap, RampEventName } from '../contract/ramp-events.ts';

export { RAMP_EVENTS, type RampEventMap, type RampEventName } from '../contract/ramp-events.ts';
export type RampEvent<K extends RampEventName = RampEventName> = CustomEvent<RampEventMap[K]>;

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
