/**
 * Webhook delivery (API.md D1, D2): `{id, type, createdAt, data}` POSTed as
 * JSON with `signature` = hex HMAC-SHA256 of the exact body bytes. At least
 * once: a non-2xx answer or a network error is retried with exponential
 * backoff, with the same event id and the same bytes. Delivery never blocks
 * the API response that caused it.
 */
import { createHmac } from 'node:crypto';
import type { WebhookEventType } from '../contract/spherepay/webhook.ts';

export interface WebhookTarget {
  url?: string;
  secret: string;
}

export interface WebhookOptions {
  attempts?: number;
  baseDelayMs?: number;
}

export interface Webhooks {
  send(type: WebhookEventType, data: object): void;
  setTarget(target: WebhookTarget | undefined): void;
  close(): void;
}

const REQUEST_TIMEOUT_MS = 30_000;

export const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('hex');

export function createWebhooks(
  target: WebhookTarget | undefined,
  { attempts = 6, baseDelayMs = 1000 }: WebhookOptions,
  event: () => { id: string; createdAt: string },
): Webhooks {
  let current = target;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const requests = new Set<AbortController>();

  async function deliver(url: string, secret: string, body: string, attempt: number): Promise<void> {
    if (closed) return;
    const abort = new AbortController();
    requests.add(abort);
    const timeout = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    let ok = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', signature: sign(secret, body), 'user-agent': 'SpherePay-Sandbox-Webhooks/1' },
        body,
        signal: abort.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      ok = res.ok;
    } catch {
      ok = false;
    } finally {
      clearTimeout(timeout);
      requests.delete(abort);
    }
    if (ok || closed || attempt + 1 >= attempts) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void deliver(url, secret, body, attempt + 1);
    }, baseDelayMs * 2 ** attempt);
    timers.add(timer);
  }

  return {
    send(type, data) {
      if (closed || !current?.url) return;
      const { url, secret } = current;
      const body = JSON.stringify({ ...event(), type, data });
      setImmediate(() => void deliver(url, secret, body, 0));
    },
    setTarget(next) {
      current = next;
    },
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const r of requests) r.abort();
    },
  };
}
