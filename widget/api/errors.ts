/**
 * One typed error for every failed call, in the spirit of Stripe's: a `kind`
 * to branch on, SpherePay's `code`, a message a person understands, and field
 * errors keyed by JSON pointer (`/address/postalCode`).
 */
import { isProblemDetails } from '../../contract/guards.ts';
import type { RampErrorDetail } from '../../contract/ramp-events.ts';

export type RampErrorKind =
  | 'validation'    // 422: something in the form; see fieldErrors
  | 'bad-request'   // 400: an unsupported combination
  | 'not-found'     // 404
  | 'conflict'      // 409
  | 'session'       // 401: the session expired or is invalid
  | 'forbidden'     // 403
  | 'rate-limit'    // 429
  | 'server'        // 5xx: worth a retry
  | 'network'       // no response at all: worth a retry
  | 'invalid-response'; // the server answered something we cannot read

export class RampError extends Error {
  override readonly name = 'RampError';
  constructor(
    readonly kind: RampErrorKind,
    message: string,
    readonly status = 0,
    readonly code: string = kind,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Network loss, 5xx and 429 are offered a retry; the rest need the person to change something. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'rate-limit';
  }

  /** The `ramp-error` detail: the host-actionable code for lost network, 5xx and a dead session, else SpherePay's code. */
  get detail(): RampErrorDetail {
    const code = this.kind === 'network' ? 'proxy-unreachable' : this.kind === 'server' ? 'upstream-unavailable' : this.kind === 'session' ? 'session-expired' : this.code;
    return { code, message: this.message, retryable: this.retryable, ...(this.status ? { status: this.status } : {}) };
  }
}

const KIND_BY_STATUS: Record<number, RampErrorKind> = { 400: 'bad-request', 401: 'session', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 422: 'validation', 429: 'rate-limit' };

/** Messages a person understands, by kind; the server's `detail` is shown only for 400/409/422. */
export const GENERIC_MESSAGES: Record<RampErrorKind, string> = {
  validation: 'Please check the highlighted fields.',
  'bad-request': 'That combination is not supported.',
  'not-found': 'We could not find that. It may have been removed.',
  conflict: 'This was already done.',
  session: 'Your session has expired.',
  forbidden: 'You are not allowed to do that.',
  'rate-limit': 'Too many requests. Please wait a moment and try again.',
  server: 'The service is having trouble. Please try again.',
  network: 'We could not reach the service. Check your connection and try again.',
  'invalid-response': 'The service sent an unexpected answer. Please try again.',
};

export async function errorFromResponse(res: Response): Promise<RampError> {
  const kind: RampErrorKind = KIND_BY_STATUS[res.status] ?? (res.status >= 500 ? 'server' : 'bad-request');
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  // A hand-written guard, not the zod schema: this file is on the first screen, which ships no zod.
  const problem = isProblemDetails(body) ? body : undefined;
  const fieldErrors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) fieldErrors[e.pointer] ??= e.detail;
  const detail = problem?.detail;
  const showDetail = detail && (kind === 'bad-request' || kind === 'conflict' || (kind === 'validation' && !Object.keys(fieldErrors).length));
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  return new RampError(kind, showDetail ? detail : GENERIC_MESSAGES[kind], res.status, problem?.code || kind, fieldErrors, retryAfter);
}
