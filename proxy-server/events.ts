/**
 * Live events for the widget: `GET /api/events`, Server-Sent Events per
 * customer. Authenticated with the normal `Authorization: Bearer` header
 * (the widget reads the stream with fetch, not EventSource), so the token
 * never appears in a URL or a log. `Last-Event-ID` replays from the store.
 */
import type { RequestHandler, Response } from 'express';
import { problem } from '../contract/spherepay/problem.ts';
import { sendProblem } from './errors.ts';
import { liveSession } from './sessions.ts';
import type { Store, StoredEvent } from './store/store.ts';

interface Client {
  tokenHash: string;
  userId: string;
  customerId: string | null;
  deliver(event: StoredEvent): void;
  end(): void;
}

export type Admission = 'ok' | 'session-full' | 'process-full';

export interface EventHub {
  publish(event: StoredEvent): void;
  /** A user now has a customer: their open streams start receiving its events. */
  linked(userId: string, customerId: string): void;
  /** Whether one more stream may open for this session (by its token hash; caps below). */
  admit(tokenHash: string): Admission;
  /** Sessions were revoked: their open streams end now. */
  revoked(tokenHashes: readonly string[]): void;
  /**
   * Whether a heartbeat of this session's streams should ask the store if the
   * session still holds: at most once per half `everyMs` per session,
   * whichever of its streams beats, so each session is still asked at least
   * every `everyMs` (its own streams' beats) but four tabs cost one read.
   */
  checkDue(tokenHash: string, now: number, everyMs: number): boolean;
  add(client: Client): () => void;
  /** Ends every stream (graceful shutdown). */
  closeAll(): void;
  readonly size: number;
}

export interface StreamCaps {
  /** Open streams in this process: kept well below the file-descriptor limit so webhooks and API calls still get sockets. */
  perProcess: number;
  /** Open streams per session (a few tabs). */
  perSession: number;
}

export const DEFAULT_STREAM_CAPS: StreamCaps = { perProcess: 10_000, perSession: 4 };

const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
};
const removeFrom = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const set = map.get(key);
  if (set?.delete(value) && set.size === 0) map.delete(key);
};

/**
 * Open streams indexed by customer, user and session, so publishing an event
 * touches only the streams it is for (not every open stream), and the caps
 * are checked in constant time.
 */
export function createEventHub(caps: StreamCaps = DEFAULT_STREAM_CAPS): EventHub {
  const clients = new Set<Client>();
  const byCustomer = new Map<string, Set<Client>>();
  const byUser = new Map<string, Set<Client>>();
  const bySession = new Map<string, Set<Client>>();
  const checkedAt = new Map<string, number>();
  return {
    publish(event) {
      if (!event.customerId) return;
      const streams = byCustomer.get(event.customerId);
      if (streams) for (const c of [...streams]) c.deliver(event);
    },
    linked(userId, customerId) {
      for (const c of byUser.get(userId) ?? []) {
        if (c.customerId === customerId) continue;
        if (c.customerId) removeFrom(byCustomer, c.customerId, c);
        c.customerId = customerId;
        addTo(byCustomer, customerId, c);
      }
    },
    admit(tokenHash) {
      if (clients.size >= caps.perProcess) return 'process-full';
      if ((bySession.get(tokenHash)?.size ?? 0) >= caps.perSession) return 'session-full';
      return 'ok';
    },
    revoked(tokenHashes) {
      for (const hash of tokenHashes) for (const c of [...(bySession.get(hash) ?? [])]) c.end();
    },
    checkDue(tokenHash, now, everyMs) {
      const last = checkedAt.get(tokenHash);
      if (last !== undefined && now - last < everyMs / 2) return false;
      checkedAt.set(tokenHash, now);
      return true;
    },
    add(client) {
      clients.add(client);
      addTo(byUser, client.userId, client);
      if (client.customerId) addTo(byCustomer, client.customerId, client);
      addTo(bySession, client.tokenHash, client);
      return () => {
        if (!clients.delete(client)) return;
        removeFrom(byUser, client.userId, client);
        if (client.customerId) removeFrom(byCustomer, client.customerId, client);
        removeFrom(bySession, client.tokenHash, client);
        if (!bySession.has(client.tokenHash)) checkedAt.delete(client.tokenHash);
      };
    },
    closeAll() {
      for (const c of [...clients]) c.end();
      clients.clear();
      byCustomer.clear();
      byUser.clear();
      bySession.clear();
      checkedAt.clear();
    },
    get size() {
      return clients.size;
    },
  };
}

const REPLAY_LIMIT = 500;

const frame = (e: StoredEvent) => `id: ${e.seq}\nevent: ${e.type}\ndata: ${e.payload}\n\n`;

export function eventsHandler(d: { store: Store; hub: EventHub; heartbeatMs: number; now: () => Date }): RequestHandler {
  return async (req, res: Response) => {
    const session = req.session!;
    const admission = d.hub.admit(session.tokenHash);
    if (admission !== 'ok') {
      // The widget falls back to polling and retries later; the process keeps sockets for everything else.
      const detail = admission === 'process-full' ? 'Too many live event streams on this server; try again later' : 'Too many live event streams for this session';
      return sendProblem(res, problem(503, `events/${admission}`, detail), { 'retry-after': admission === 'process-full' ? '30' : '10' });
    }
    const lastHeader = req.get('last-event-id');
    let lastSeq = lastHeader && /^\d{1,15}$/.test(lastHeader) ? Number(lastHeader) : undefined;

    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    // Live events wait in a queue until the replay is written, so order holds and nothing repeats.
    let queue: StoredEvent[] | undefined = [];
    const write = (e: StoredEvent) => {
      if (lastSeq !== undefined && e.seq <= lastSeq) return;
      lastSeq = e.seq;
      res.write(frame(e));
    };
    let closed = false;
    const end = () => {
      if (closed) return;
      closed = true;
      cleanup();
      res.end();
    };
    const remove = d.hub.add({
      tokenHash: session.tokenHash,
      userId: session.externalUserId,
      customerId: session.customerId,
      deliver: (e) => (queue ? queue.push(e) : write(e)),
      end,
    });
    // Heartbeats ask the store whether the session still holds (once per session, not per stream),
    // so a revocation made by another proxy process ends its streams here too.
    const heartbeat = setInterval(() => {
      res.write(': keep-alive\n\n');
      const now = d.now();
      if (!d.hub.checkDue(session.tokenHash, now.getTime(), d.heartbeatMs)) return;
      liveSession(d.store, session.tokenHash, now).then((live) => live.ok || d.hub.revoked([session.tokenHash]), () => undefined);
    }, d.heartbeatMs);
    const expiry = setTimeout(end, Math.max(0, session.expiresAt.getTime() - d.now().getTime()));
    function cleanup() {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      remove();
    }
    req.on('close', () => {
      closed = true;
      cleanup();
    });

    if (lastSeq !== undefined && session.customerId) {
      for (const e of await d.store.eventsAfter(session.customerId, lastSeq, REPLAY_LIMIT)) if (!closed) write(e);
    }
    const pending = queue;
    queue = undefined;
    for (const e of pending) if (!closed) write(e);
  };
}
