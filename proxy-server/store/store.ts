/**
 * What the proxy keeps. Async throughout so a PostgreSQL implementation can
 * follow the SQLite one without changing callers.
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

export interface Store {
  /** Creates the user row if new; returns its customer (null until created). */
  ensureUser(externalUserId: string, now: Date): Promise<string | null>;
  customerOf(externalUserId: string): Promise<string | null>;
  /** Atomically sets a user's customer once; 'conflict' if it (or the customer) is already taken. */
  linkCustomer(externalUserId: string, customerId: string): Promise<LinkResult>;

  createSession(session: SessionRecord, now: Date): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;

  recordOwner(kind: ResourceKind, id: string, customerId: string, now: Date): Promise<void>;
  ownerOf(id: string): Promise<{ kind: ResourceKind; customerId: string } | undefined>;

  /** Claims (customer, key) for a request, or reports who holds it. Claims older than `staleBefore` are taken over. */
  claimIdempotency(customerId: string, key: string, requestHash: string, now: Date, staleBefore: Date): Promise<IdempotencyClaim>;
  completeIdempotency(customerId: string, key: string, response: StoredResponse): Promise<void>;
  releaseIdempotency(customerId: string, key: string): Promise<void>;

  /** Stores a webhook event once; undefined when its id was seen before. */
  addEvent(event: Omit<StoredEvent, 'seq'>, now: Date): Promise<StoredEvent | undefined>;
  eventsAfter(customerId: string, seq: number, limit: number): Promise<StoredEvent[]>;
  countEvents(): Promise<number>;

  audit(entry: AuditEntry): Promise<void>;
  auditLog(customerId: string): Promise<AuditEntry[]>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
