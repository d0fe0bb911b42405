/**
 * The proxy's own record of `Idempotency-Key` per customer, so a retried
 * money movement replays the first answer instead of moving money twice,
 * whatever the upstream does with the key.
 */
import { createHash } from 'node:crypto';
import { problem } from '../../contract/spherepay/problem.ts';
import { HttpProblem, invalidAt } from '../errors.ts';
import type { Store, StoredResponse } from '../store/store.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a duplicate waits, at least, for the first request before it gets 409. */
const WAIT_MS = 10_000;
const POLL_MS = 25;
/** The quickest a holder re-touches its claim. */
const MIN_TOUCH_MS = 50;

export function readIdempotencyKey(header: string | undefined, required: boolean): string | undefined {
  if (header === undefined || header === '') {
    if (required) throw invalidAt('/headers/Idempotency-Key', 'Send an Idempotency-Key header (for example a UUID) so a retry never moves money twice');
    return undefined;
  }
  if (!KEY_PATTERN.test(header)) throw invalidAt('/headers/Idempotency-Key', 'Must be 1 to 255 printable characters');
  return header;
}

export const requestHash = (method: string, path: string, body: unknown) =>
  createHash('sha256').update(JSON.stringify([method, path, body ?? null])).digest('hex');

const differentRequest = () =>
  new HttpProblem(problem(422, 'validation/failed', 'This Idempotency-Key was already used for a different request', [
    { pointer: '/headers/Idempotency-Key', detail: 'Already used with a different body' },
  ]));

export type Outcome = { replay: StoredResponse } | { claimed: true };

/**
 * Claims the key, or returns the stored response of the first request with
 * it. A concurrent duplicate (in any process) waits, bounded, for the first
 * to finish; a claim untouched for `staleMs` (the upstream timeout) was left
 * by a process that died, and the waiter takes it over, so a crash costs a
 * retry one upstream timeout rather than a run of 409s.
 */
export async function claim(store: Store, customerId: string, key: string, hash: string, now: () => Date, staleMs: number): Promise<Outcome> {
  const deadline = Date.now() + Math.max(WAIT_MS, staleMs + 4 * POLL_MS);
  for (;;) {
    const t = now();
    const c = await store.claimIdempotency(customerId, key, hash, t, new Date(t.getTime() - staleMs));
    if (c.state === 'claimed') return { claimed: true };
    if (c.requestHash !== hash) throw differentRequest();
    if (c.state === 'done') return { replay: c.response };
    if (Date.now() >= deadline) {
      throw new HttpProblem(problem(409, 'idempotency/in-progress', 'A request with this Idempotency-Key is still being processed; retry shortly'), { 'retry-after': '1' });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** While the upstream call runs, the holder keeps its claim fresh so no other process takes it over; returns the stop. */
export function holdClaim(store: Store, customerId: string, key: string, now: () => Date, staleMs: number): () => void {
  const timer = setInterval(() => void store.touchIdempotency(customerId, key, now()).catch(() => {}), Math.max(MIN_TOUCH_MS, Math.floor(staleMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}

/** Final answers are kept; transient ones (5xx, 429) release the key so a retry can go through. */
export async function settle(store: Store, customerId: string, key: string, response: StoredResponse | undefined) {
  if (response && response.status < 500 && response.status !== 429) await store.completeIdempotency(customerId, key, response);
  else await store.releaseIdempotency(customerId, key);
}
