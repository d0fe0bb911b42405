/**
 * Group commit for the SQLite store: the writes asked for in one turn of the
 * event loop run in one IMMEDIATE transaction, so they share one WAL sync
 * instead of paying one each. Measured (issue 15): with synchronous=FULL a
 * write's sync blocked the event loop 0.3-6 ms, twice per relayed wallet
 * (its owner, then the webhook's event). Each write still resolves only once
 * its transaction has committed, so nothing is reported stored before it is
 * durable; each runs in a savepoint of its own, so one that throws fails
 * alone. A write that may wait (`within` ms) rides along with the next one
 * that may not, or goes on its own when the wait is over.
 */
import type { Database } from 'better-sqlite3';

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function groupCommit(db: Database) {
  let queue: Pending[] = [];
  let immediate = false;
  let timer: NodeJS.Timeout | undefined;
  // A transaction function called inside another runs as a savepoint.
  const one = db.transaction((run: () => unknown) => run());
  const all = db.transaction((items: Pending[]): Outcome[] =>
    items.map((item) => {
      try {
        return { ok: true, value: one(item.run) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  const flush = () => {
    immediate = false;
    clearTimeout(timer);
    timer = undefined;
    const items = queue;
    queue = [];
    if (!items.length) return;
    let outcomes: Outcome[];
    try {
      outcomes = all.immediate(items);
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? items[i]!.resolve(outcome.value) : items[i]!.reject(outcome.error)));
  };
  return {
    /**
     * Runs `run` in the next group transaction, at the end of this turn of the event loop or,
     * given `within`, at the latest that many ms later; resolves with its result once committed.
     */
    write<T>(run: () => T, within?: number): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
        if (within === undefined) {
          if (!immediate) setImmediate(flush);
          immediate = true;
        } else if (!immediate && !timer) timer = setTimeout(flush, within);
      });
    },
    /** Commits what is waiting now (before the database closes). */
    flush,
  };
}
