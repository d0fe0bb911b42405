/**
 * `<sphere-ramp>` as template checkers see it: its attributes (kebab-case,
 * as written in HTML/JSX/Vue templates), the `fetchSession` property, and
 * one `on<event>` listener per `ramp-*` event with its typed detail (React
 * 19 adds a listener for `onramp-quote`; Vue's `@ramp-quote` maps to it).
 */
import type { RampEvent, RampEventName } from '../events.ts';
import type { Direction } from '../state/flow.ts';

export interface SphereRampAttributes {
  'session-url'?: string;
  'session-token'?: string;
  'api-base'?: string;
  direction?: Direction;
  amount?: string;
  'source-currency'?: string;
  'destination-currency'?: string;
  network?: string;
  'external-id'?: string;
  quotes?: 'on' | 'off';
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  debug?: boolean;
  /** For SPAs: returns a fresh session token (a property, not an attribute). */
  fetchSession?: () => Promise<string>;
}

export type SphereRampEventListeners = {
  [K in RampEventName as `on${K}`]?: (event: RampEvent<K>) => void;
};
