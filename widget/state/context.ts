/**
 * The context every step consumes: the current flow state (a new object on
 * every change, so `@consume({ subscribe: true })` re-renders), the API
 * client, messages, and the few actions that touch shared state.
 */
import { createContext } from '@lit/context';
import type { RampClient } from '../api/client.ts';
import type { RampEventMap, RampEventName } from '../events.ts';
import type { Area, Messages } from '../i18n/messages.ts';
import type { FlowState } from './flow.ts';

export interface RampContext {
  readonly state: FlowState;
  readonly client: RampClient;
  readonly messages: Messages;
  readonly locale: string;
  /** Merge a change into the flow state; the root re-derives the step. */
  set(patch: Partial<FlowState>): void;
  /** Fire a public `ramp-*` event from the root element. */
  emit<K extends RampEventName>(type: K, detail: RampEventMap[K]): void;
  /** Say something to screen readers through the root's aria-live region. */
  announce(message: string): void;
  /** Load another area's strings (a step's sub-form); resolves once `messages` has them. */
  needMessages(area: Area): Promise<void>;
  /** Re-fetch the customer (after a change elsewhere, e.g. a hosted page). */
  refreshCustomer(): Promise<void>;
}

export const rampContext = createContext<RampContext>(Symbol('sphere-ramp'));
