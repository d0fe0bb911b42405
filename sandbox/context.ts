/** What every route of the sandbox shares: state, time, ids, events, auto-pilot. */
import type { Clock } from './clock.ts';
import type { Store } from './store.ts';
import type { Webhooks } from './webhooks.ts';

export interface Autopilot {
  /** A profile became `pending`. */
  customerPending(customerId: string): void;
  /** A transfer reached `fundsReceived` (or `processing`). */
  transferMoved(transferId: string): void;
  close(): void;
}

export interface Context {
  store: Store;
  clock: Clock;
  /** A fresh id with SpherePay's length for this prefix. */
  id(prefix: string): string;
  /** The clock as SpherePay writes timestamps. */
  timestamp(): string;
  webhooks: Webhooks;
  autopilot: Autopilot;
  /** Customers with a document review open: settled before every request. */
  reviewing: Set<string>;
  publicUrl?: string;
}
