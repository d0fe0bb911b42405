/**
 * Optional auto-pilot for demos: approves a profile some seconds after it is
 * submitted, and walks funded transfers fundsReceived -> processing ->
 * succeeded one step at a time. Real timers; `close()` clears them.
 */
import type { Autopilot } from './context.ts';

export interface AutopilotOptions {
  approveAfterSeconds?: number;
  stepSeconds?: number;
}

export interface AutopilotActions {
  approve(customerId: string): void;
  /** Moves a funded transfer one step towards `succeeded`. */
  step(transferId: string): void;
}

export function createAutopilot(options: false | AutopilotOptions | undefined, actions: AutopilotActions): Autopilot {
  const timers = new Set<NodeJS.Timeout>();
  const later = (seconds: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, seconds * 1000);
    timers.add(timer);
  };
  const close = () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
  if (!options) return { customerPending() {}, transferMoved() {}, close };
  const { approveAfterSeconds = 5, stepSeconds = 5 } = options;
  return {
    customerPending: (id) => later(approveAfterSeconds, () => actions.approve(id)),
    transferMoved: (id) => later(stepSeconds, () => actions.step(id)),
    close,
  };
}
