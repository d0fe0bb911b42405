/**
 * Live events from `GET /api/events` (Server-Sent Events). Read with fetch so
 * the session token travels in the Authorization header, never in a URL.
 * Reconnects with backoff and resumes with `Last-Event-ID`; `connected`
 * tells steps whether to fall back to polling.
 */
import { LiveEvent } from '../../contract/live-events.ts';
import type { RampClient } from './client.ts';

export type { LiveEvent };

export class EventStream {
  connected = false;
  private lastEventId?: string;
  private abort?: AbortController;
  private listeners = new Set<(event: LiveEvent) => void>();
  private connectionListeners = new Set<(connected: boolean) => void>();

  constructor(
    private readonly client: RampClient,
    private readonly token: () => Promise<string>,
  ) {}

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  start(): void {
    if (this.abort) return;
    this.abort = new AbortController();
    void this.run(this.abort.signal);
  }

  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.setConnected(false);
  }

  private setConnected(value: boolean) {
    if (this.connected === value) return;
    this.connected = value;
    for (const l of this.connectionListeners) l(value);
  }

  private async run(signal: AbortSignal) {
    let delay = 1000;
    while (!signal.aborted) {
      try {
        const headers: Record<string, string> = { authorization: `Bearer ${await this.token()}`, accept: 'text/event-stream' };
        if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
        const res = await fetch(this.client.url('/api/events'), { headers, signal, credentials: 'omit', cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`events answered ${res.status}`);
        this.setConnected(true);
        delay = 1000;
        await this.read(res.body, signal);
      } catch {
        // fall through to the backoff; steps poll while disconnected
      }
      this.setConnected(false);
      if (signal.aborted) return;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal) {
    const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
    signal.addEventListener('abort', () => void reader.cancel(), { once: true });
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        this.dispatch(block);
      }
    }
  }

  private dispatch(block: string) {
    let id: string | undefined;
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) return;
    if (id) this.lastEventId = id;
    try {
      // The proxy's normalised event (contract/live-events.ts); anything else is skipped.
      const parsed = LiveEvent.safeParse(JSON.parse(data.join('\n')));
      if (!parsed.success) return;
      const event = { ...parsed.data, type: parsed.data.type || type };
      for (const l of this.listeners) l(event);
    } catch {
      // a malformed message is skipped; the next poll or event catches up
    }
  }
}
