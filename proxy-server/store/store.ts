/**
 * What the proxy keeps, and everything that must hold across proxy
 * processes: SQLite (sqlite.ts) for one process, PostgreSQL (postgres.ts) for
 * any number sharing one database. Callers never know which.
 */
import type { SessionPolicy } from '../../contract/proxy-api.ts';

export type ResourceKind = 'bankAccount' | 'wallet' | 'quote' | 'transfer' | 'representative';

export interface SessionRecord {
  tokenHash: string;
  externalUserId: string;
  expiresAt: Date;
  /** The money policy resolved at mint time; kept as JSON, returned as given. */
  policy: SessionPolicy;
  /** When the session was revoked (`DELETE /api/session(s)`); null while it is live. */
  revokedAt: Date | null;
}

/** Whose sessions to revoke: one token's, or every one of a user's. */
export type RevokeTarget = { tokenHash: string } | { externalUserId: string };

export interface AddEventOptions {
  /** Queue the event for the merchant webhook in the same transaction. */
  outbox?: boolean;
  /** A resource the event shows its customer owns (a transfer, wallet or bank account). */
  owner?: { kind: ResourceKind; id: string };
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

/** One merchant-webhook delivery handed to a sender: the stored event, whose user it is, how often it was tried. */
export interface OutboxDelivery {
  event: StoredEvent;
  /** The merchant's id of the event's customer (null when no user has that customer). */
  externalUserId: string | null;
  /** Attempts made before this one. */
  attempts: number;
  /** When the event was queued: retries stop 24 h after it. */
  enqueuedAt: Date;
}

export type DeliveryOutcome =
  | { state: 'delivered' }
  /** Failed; try again at `nextAttemptAt`. Later events of the customer keep waiting. */
  | { state: 'retry'; nextAttemptAt: Date; error: string }
  /** Given up: the customer's next event may go. */
  | { state: 'failed'; error: string };

/** What one purge pass removed. */
export interface PurgeCounts {
  sessions: number;
  events: number;
  idempotency: number;
}

export interface Store {
  /** True when several processes may share this store (PostgreSQL): in-memory shortcuts are then wrong. */
  readonly shared: boolean;

  /**
   * A number that changes whenever another connection (another process) has
   * committed to the store since, cheap enough to read on every request
   * (SQLite: PRAGMA data_version). What this process remembers of the store
   * is checked against it. Absent where no such cheap check exists
   * (PostgreSQL): nothing that can change elsewhere may then be remembered.
   */
  dataVersion?(): number;

  /** Creates the user row if new; returns its customer (null until created). */
  ensureUser(externalUserId: string, now: Date): Promise<string | null>;
  customerOf(externalUserId: string): Promise<string | null>;
  /** Atomically sets a user's customer once; 'conflict' if it (or the customer) is already taken. */
  linkCustomer(externalUserId: string, customerId: string): Promise<LinkResult>;

  createSession(session: Omit<SessionRecord, 'revokedAt'>, now: Date): Promise<void>;
  /** The session, revoked or not (callers refuse `revokedAt`); undefined when unknown or purged. */
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  /**
   * Marks live (unrevoked, unexpired at `now`) sessions revoked: one token's,
   * or all of a user's. Returns the token hashes it revoked, so the caller
   * can close their event streams. Every process sees it at the next lookup.
   */
  revokeSessions(target: RevokeTarget, now: Date): Promise<string[]>;

  /**
   * Records who owns `id`; false when it already had an owner, which stands
   * (the first record wins). With `mayWait`, the write may be committed a
   * little later, together with others (for owners that can be learnt again).
   */
  recordOwner(kind: ResourceKind, id: string, customerId: string, now: Date, options?: { mayWait?: boolean }): Promise<boolean>;
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

  /**
   * Stores a webhook event once; undefined when its id was seen before.
   * With `outbox`, the same transaction queues it for the merchant webhook
   * (pending, due at `now`), so a stored event is never left undelivered.
   * A stored event is announced to every process (an `event` broadcast),
   * each customer's in the order of their `seq`, whichever process stored
   * them, so a stream that has written seq n never meets a later n - 1.
   * With `owner`, the same transaction records the event's customer as the
   * owner of that resource (as `recordOwner`, duplicate or not): one commit
   * per webhook, which is what a delivery waits for.
   */
  addEvent(event: Omit<StoredEvent, 'seq'>, now: Date, options?: AddEventOptions): Promise<StoredEvent | undefined>;
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

  /**
   * Leases up to `limit` due merchant-webhook deliveries until `leaseUntil`.
   * Per customer only the oldest pending event is eligible (order per
   * customer), and only when it is due (`nextAttemptAt <= now`) and not
   * leased by another sender (a lease past `now` has lapsed: its process
   * died). Safe to call from several processes at once: two callers never
   * lease the same event (SQLite: an IMMEDIATE transaction; PostgreSQL could
   * lock the head rows with FOR UPDATE SKIP LOCKED).
   */
  claimDeliveries(now: Date, leaseUntil: Date, limit: number): Promise<OutboxDelivery[]>;
  /** Records the outcome of an attempt on a leased delivery (by event `seq`) and lifts the lease. */
  recordDelivery(seq: number, outcome: DeliveryOutcome, now: Date): Promise<void>;
  /** Deliveries still pending (queued or being retried): for tests and readiness. */
  countPendingDeliveries(): Promise<number>;

  /**
   * Retention, one bounded pass (at most `batch` rows of each kind), so a
   * periodic job can call it repeatedly without holding the database:
   * sessions expired or revoked by `now`; events received before `before`
   * whose merchant webhook is no longer pending (with their outbox rows);
   * finished idempotency records last touched before `before`.
   */
  purge(now: Date, before: Date, batch: number): Promise<PurgeCounts>;

  audit(entry: AuditEntry): Promise<void>;
  auditLog(customerId: string): Promise<AuditEntry[]>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
