/**
 * Durability for the SQLite store without blocking the event loop. SQLite
 * commits with `synchronous=NORMAL` (WAL mode: no sync at commit, safe from
 * corruption, committed data survives a crash of the process), and this
 * syncs the WAL file on libuv's thread pool: a write is reported done only
 * once a sync that began after its commit has finished, so what a caller
 * acknowledges (a webhook's 200, an idempotent answer, a session) is on disk,
 * as with `synchronous=FULL`, but the event loop never waits for the disk.
 * Commits that land while a sync runs share the next one.
 */
import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';

export interface WalSync {
  /** Resolves once everything committed before this call is on disk. */
  (): Promise<void>;
  /** Syncs now, on the event loop (start-up and shutdown only). */
  now(): void;
  close(): void;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** For `path`'s WAL file (SQLite keeps it, same file, while the database is open); a no-op for `:memory:`. */
export function walSync(path: string): WalSync {
  if (path === ':memory:') return Object.assign(() => Promise.resolve(), { now() {}, close() {} });
  // 'a' creates it if SQLite has not yet: the same file SQLite then opens and writes.
  const fd = openSync(`${path}-wal`, 'a');
  let waiting: Waiter[] = [];
  let running = false;
  let closed = false;
  const run = () => {
    running = true;
    const batch = waiting;
    waiting = [];
    fsync(fd, (error) => {
      running = false;
      for (const w of batch) (error ? w.reject(error) : w.resolve());
      if (closed) closeSync(fd);
      else if (waiting.length) run();
    });
  };
  const sync = () =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error('store is closed'));
      waiting.push({ resolve, reject });
      // A sync already running may have begun before this commit: this one waits for the next.
      if (!running) run();
    });
  return Object.assign(sync, {
    now: () => fsyncSync(fd),
    close() {
      if (closed) return;
      closed = true;
      fsyncSync(fd);
      for (const w of waiting.splice(0)) w.resolve();
      // A sync still running closes the descriptor when it returns.
      if (!running) closeSync(fd);
    },
  });
}
