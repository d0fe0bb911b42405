/**
 * Live events for the widget: `GET /api/events`, Server-Sent Events per
 * customer. Authenticated with the normal `Authorization: Bearer` header
 * (the widget reads the stream with fetch, not EventSource), so the token
 * never appears in a URL or a log. `Last-Event-ID` replays from the store.
 */
import type { RequestHandler, Response } from 'express';
import { liveSession } from './sessions.ts';
import type { Store, StoredEvent } from './store/store.ts';

interface Client {
  tokenHash: string;
  userId: string;
  customerId: string | null;
  deliver(event: StoredEvent): void;
  end(): void;
}

export interface EventHub {
  publish(event: StoredEvent): void;
  /** A user now has a customer: their open streams start receiving its events. */
  linked(userId: string, customerId: string): void;
  /** Sessions were revoked: their open streams end now. */
  revoked(tokenHashes: readonly string[]): void;
  add(client: Client): () => void;
  /** Ends every stream (graceful shutdown). */
  closeAll(): void;
  readonly size: number;
}

export function createEventHub(): EventHub {
  const clients = new Set<Client>();
  return {
    publish(event) {
      for (const c of clients) if (event.customerId && c.customerId === event.customerId) c.deliver(event);
    },
    linked(userId, customerId) {
      for (const c of clients) if (c.userId === userId) c.customerId = customerId;
    },
    revoked(tokenHashes) {
      const gone = new Set(tokenHashes);
      for (const c of [...clients]) if (gone.has(c.tokenHash)) c.end();
    },
    add(client) {
      clients.add(client);
      return () => clients.delete(client);
    },
    closeAll() {
      for (const c of [...clients]) c.end();
      clients.clear();
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
    // Each heartbeat asks the store whether the session still holds, so a
    // revocation made by another proxy process ends this stream too.
    const heartbeat = setInterval(() => {
      res.write(': keep-alive\n\n');
      liveSession(d.store, session.tokenHash, d.now()).then((live) => live.ok || end(), () => undefined);
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
