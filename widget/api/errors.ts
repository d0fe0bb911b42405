/**
 * One typed error for every failed call, in the spirit of Stripe's: a `kind`
 * to branch on, SpherePay's `code`, the server's `detail` where it is meant
 * for the person, and field errors keyed by JSON pointer (`/address/postalCode`).
 * No words for people here: widget/i18n/say.ts turns an error into the
 * person's language.
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
    /** The server's own words, kept only where they help the person (400, 409, a 422 naming no field). */
    readonly serverDetail: string | undefined,
    readonly status = 0,
    readonly code: string = kind,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(serverDetail ?? kind);
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
  for (const e of problem?.errors ?? []) fieldErrors[e.pointer ?? ''] ??= e.detail;
  const detail = problem?.detail;
  const showDetail = detail && (kind === 'bad-request' || kind === 'conflict' || (kind === 'validation' && !Object.keys(fieldErrors).length));
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  return new RampError(kind, showDetail ? detail : undefined, res.status, problem?.code || kind, fieldErrors, retryAfter);
}
