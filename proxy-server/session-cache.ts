/**
 * A bounded memory of resolved sessions, so a burst of relay calls does not
 * read the store twice per request (token -> session, user -> customer).
 * It must never let a revoked token through, nor keep a customer that
 * changed:
 *
 * - `invalidateUser` / `invalidateToken` drop entries at once: the proxy
 *   calls them when it links a user's customer or revokes sessions, and when
 *   another process announces either (store broadcasts);
 * - with `dataVersion` (a number the store changes whenever another
 *   connection commits: SQLite's PRAGMA data_version), every lookup first
 *   checks it and forgets everything when it moved, so a change made by
 *   another process is seen at its next request, not after a broadcast;
 * - entries live `ttlMs` at most, and at most `maxEntries` are kept, oldest
 *   dropped first.
 *
 * Expiry is still checked on every request against the remembered expiresAt.
 * server.ts turns it on only for stores that offer `dataVersion`; without
 * one (PostgreSQL, where a broadcast can arrive after the next request) a
 * TTL of 0 remembers nothing.
 */
import type { SessionPolicy } from '../contract/proxy-api.ts';

export interface CachedSession {
  externalUserId: string;
  customerId: string | null;
  expiresAt: Date;
  policy: SessionPolicy;
}

export class SessionCache {
  private readonly entries = new Map<string, { session: CachedSession; until: number }>();
  /**
   * Bumped by every invalidation. A reader takes it before reading the store
   * and passes it to `set`: a read that raced an invalidation is not
   * remembered, so it cannot bring back what was just forgotten.
   */
  epoch = 0;

  private seenVersion: number | undefined;

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
    private readonly dataVersion?: () => number,
  ) {}

  get(tokenHash: string): CachedSession | undefined {
    if (this.ttlMs <= 0) return undefined;
    if (this.dataVersion) {
      const version = this.dataVersion();
      if (version !== this.seenVersion) {
        this.seenVersion = version;
        this.clear();
        return undefined;
      }
    }
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.session;
  }

  set(tokenHash: string, session: CachedSession, readAtEpoch = this.epoch): void {
    if (this.ttlMs <= 0 || readAtEpoch !== this.epoch) return;
    this.entries.delete(tokenHash);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { session, until: this.clock() + this.ttlMs });
  }

  invalidateToken(tokenHash: string): void {
    this.epoch++;
    this.entries.delete(tokenHash);
  }

  /** Every cached session of this user (its customer changed, or its sessions were revoked). */
  invalidateUser(externalUserId: string): void {
    this.epoch++;
    for (const [hash, entry] of this.entries) if (entry.session.externalUserId === externalUserId) this.entries.delete(hash);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
