/**
 * The context every step consumes: the current flow state (a new object on
 * every change, so `@consume({ subscribe: true })` re-renders), the API
 * client, live events, messages, and the few actions that touch shared state.
 */
import { createContext } from '@lit/context';
import type { RampClient } from '../api/client.ts';
import type { EventStream } from '../api/event-stream.ts';
import type { RampEventMap, RampEventName } from '../events.ts';
import type { Messages } from '../i18n/messages.ts';
import type { FlowState } from './flow.ts';

export interface RampContext {
  readonly state: FlowState;
  readonly client: RampClient;
  readonly events: EventStream;
  readonly messages: Messages;
  readonly locale: string;
  /** Merge a change into the flow state; the root re-derives the step. */
  set(patch: Partial<FlowState>): void;
  /** Fire a public `ramp-*` event from the root element. */
  emit<K extends RampEventName>(type: K, detail: RampEventMap[K]): void;
  /** Say something to screen readers through the root's aria-live region. */
  announce(message: string): void;
  /** Re-fetch the customer (after a change elsewhere, e.g. a hosted page). */
  refreshCustomer(): Promise<void>;
}

export const rampContext = createContext<RampContext>(Symbol('sphere-ramp'));
