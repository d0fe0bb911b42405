/**
 * Group commit for the SQLite store: the writes asked for in one turn of the
 * event loop run in one IMMEDIATE transaction, and each is reported done
 * once a sync of the WAL that began after its commit has finished
 * (`wal-sync.ts`, off the event loop), so nothing is reported stored before
 * it is durable. Each runs in a savepoint of its own, so one that throws
 * fails alone. A write that may wait (`within` ms) rides along with the next
 * one that may not, or goes on its own when the wait is over. A write's
 * `committed` hook runs right after the commit, before the sync: what others
 * in this process may see at once (a live event) need not wait for the disk.
 */
import type { Database } from 'better-sqlite3';

interface Pending {
  run: () => unknown;
  committed?: (value: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface WriteOptions<T> {
  /** How long the write may wait for others to share its transaction (ms); none: the end of this turn. */
  within?: number;
  /** Called with the result once committed, before it is durable. */
  committed?: (value: T) => void;
}

export function groupCommit(db: Database, durable: () => Promise<void>) {
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
    outcomes.forEach((outcome, i) => outcome.ok && items[i]!.committed?.(outcome.value));
    durable().then(
      () => outcomes.forEach((outcome, i) => (outcome.ok ? items[i]!.resolve(outcome.value) : items[i]!.reject(outcome.error))),
      (error) => items.forEach((item) => item.reject(error)),
    );
  };
  return {
    /** Runs `run` in the next group transaction; resolves with its result once committed and synced. */
    write<T>(run: () => T, options: WriteOptions<T> = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, committed: options.committed as Pending['committed'], resolve: resolve as Pending['resolve'], reject });
        if (options.within === undefined) {
          if (!immediate) setImmediate(flush);
          immediate = true;
        } else if (!immediate && !timer) timer = setTimeout(flush, options.within);
      });
    },
    /** Commits what is waiting now (before the database closes). */
    flush,
  };
}
