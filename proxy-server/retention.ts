/**
 * Retention: a periodic job purges expired and revoked sessions, and events
 * and finished idempotency records older than RAMP_EVENT_RETENTION_DAYS. It
 * deletes in small batches and yields to the event loop between them, so a
 * large backlog never holds up a request.
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { PurgeCounts, Store } from './store/store.ts';

const BATCH = 500;
/** The first pass runs soon after start, so a proxy that restarts often still purges. */
const FIRST_RUN_MS = 5_000;

export interface Retention {
  /** One full purge now (also what the timer runs); resolves with what was removed. */
  run(): Promise<PurgeCounts>;
  stop(): Promise<void>;
}

export function startRetention(o: { store: Store; days: number; intervalMs: number; logger: Logger; now: () => Date }): Retention {
  let running: Promise<PurgeCounts> | undefined;
  let stopped = false;

  async function purgeAll(): Promise<PurgeCounts> {
    const total: PurgeCounts = { sessions: 0, events: 0, idempotency: 0 };
    for (;;) {
      const now = o.now();
      const pass = await o.store.purge(now, new Date(now.getTime() - o.days * 86_400_000), BATCH);
      total.sessions += pass.sessions;
      total.events += pass.events;
      total.idempotency += pass.idempotency;
      if (stopped || (pass.sessions < BATCH && pass.events < BATCH && pass.idempotency < BATCH)) break;
      await yieldToRequests();
    }
    if (total.sessions || total.events || total.idempotency) o.logger.info({ purged: total, retentionDays: o.days }, 'retention purge');
    return total;
  }

  function run() {
    running ??= purgeAll().finally(() => (running = undefined));
    return running;
  }
  const tick = () => void run().catch((err) => o.logger.error({ err }, 'retention purge failed'));
  const first = setTimeout(tick, Math.min(FIRST_RUN_MS, o.intervalMs));
  const timer = setInterval(tick, o.intervalMs);
  first.unref();
  timer.unref();
  return {
    run,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
