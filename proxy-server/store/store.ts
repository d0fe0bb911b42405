/**
 * What the proxy keeps, and everything that must hold across proxy
 * processes: SQLite (sqlite.ts) for one process, PostgreSQL (postgres.ts) for
 * any number sharing one database. Callers never know which.
 */

export type ResourceKind = 'bankAccount' | 'wallet' | 'quote' | 'transfer' | 'representative';

export interface SessionRecord {
  tokenHash: string;
  externalUserId: string;
  expiresAt: Date;
}

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in-progress'; requestHash: string }
  | { state: 'done'; requestHash: string; response: StoredResponse };

export interface StoredEvent {
  seq: number;
  id: string;
  type: string;
  customerId: string | null;
  payload: string;
}

export interface AuditEntry {
  at: Date;
  sessionId: string;
  customerId: string | null;
  method: string;
  route: string;
  idempotencyKey: string | null;
  upstreamStatus: number | null;
  requestId: string;
}

export type LinkResult = 'linked' | 'same' | 'conflict';

/**
 * What one process tells every process sharing the store (itself included):
 * a stored event for the live streams, a user who now has a customer, a
 * session that ended. Delivered at most once, in order per sender; a process
 * that missed one (its listener reconnected) relies on `Last-Event-ID` replay.
 */
export type StoreMessage =
  | { kind: 'event'; event: StoredEvent }
  | { kind: 'linked'; externalUserId: string; customerId: string }
  | { kind: 'session-ended'; tokenHashes: string[] };

export interface RateLimitHit {
  /** Hits on this key in the current window, this one included. */
  hits: number;
  resetAt: Date;
}

export interface Store {
  /** True when several processes may share this store (PostgreSQL): in-memory shortcuts are then wrong. */
  readonly shared: boolean;

  /** Creates the user row if new; returns its customer (null until created). */
  ensureUser(externalUserId: string, now: Date): Promise<string | null>;
  customerOf(externalUserId: string): Promise<string | null>;
  /** Atomically sets a user's customer once; 'conflict' if it (or the customer) is already taken. */
  linkCustomer(externalUserId: string, customerId: string): Promise<LinkResult>;

  createSession(session: SessionRecord, now: Date): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;

  recordOwner(kind: ResourceKind, id: string, customerId: string, now: Date): Promise<void>;
  ownerOf(id: string): Promise<{ kind: ResourceKind; customerId: string } | undefined>;

  /**
   * Claims (customer, key) for a request, or reports who holds it. A claim
   * not touched since `staleBefore` was left by a process that died and is
   * taken over (for the same request only).
   */
  claimIdempotency(customerId: string, key: string, requestHash: string, now: Date, staleBefore: Date): Promise<IdempotencyClaim>;
  /** The holder of a claim in progress says it is still alive. */
  touchIdempotency(customerId: string, key: string, now: Date): Promise<void>;
  completeIdempotency(customerId: string, key: string, response: StoredResponse): Promise<void>;
  releaseIdempotency(customerId: string, key: string): Promise<void>;

  /** Stores a webhook event once; undefined when its id was seen before. */
  addEvent(event: Omit<StoredEvent, 'seq'>, now: Date): Promise<StoredEvent | undefined>;
  eventsAfter(customerId: string, seq: number, limit: number): Promise<StoredEvent[]>;
  countEvents(): Promise<number>;

  /**
   * Runs `task` holding `key` exclusively among every process sharing the
   * store (one customer per user). A holder that dies releases it.
   */
  withLock<T>(key: string, task: () => Promise<T>): Promise<T>;

  /** Counts a hit on `key` in a fixed window of `windowMs`, shared by every process. */
  hitRateLimit(key: string, windowMs: number, now: Date): Promise<RateLimitHit>;

  /** Tells every process sharing the store, this one included (see StoreMessage). */
  broadcast(message: StoreMessage): Promise<void>;
  /** Hears every broadcast; returns the unsubscribe. */
  subscribe(listener: (message: StoreMessage) => void): () => void;

  audit(entry: AuditEntry): Promise<void>;
  auditLog(customerId: string): Promise<AuditEntry[]>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
