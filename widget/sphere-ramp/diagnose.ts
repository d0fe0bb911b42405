/**
 * Misconfiguration, said out loud: turns what went wrong while starting (or
 * later) into the `ramp-error` detail a host can act on, plus the exact fix
 * the `debug` attribute prints (which variable, which origin, which CSP
 * directive). These strings are for the host's developers, not the person,
 * so they are English and not in the i18n catalogue.
 */
import type { RampErrorDetail } from '../../contract/ramp-events.ts';
import { RampError } from '../api/errors.ts';
import { SessionFailure } from '../api/session.ts';
import { isPackageCdn, type ApiBase } from './api-base.ts';

export interface Diagnosis {
  detail: RampErrorDetail;
  /** What to change, for the console. */
  fix: string;
}

/** What the start check learnt about the proxy when a request got no answer. */
export interface Reachability {
  /** A `no-cors` request to the proxy got an answer: the server is there, so CORS refused this origin. */
  serverAnswered: boolean;
  /** The page's Content-Security-Policy blocked a request to the proxy (the directive it named). */
  cspDirective?: string;
}

const API_BASE_FIX = 'set api-base="https://<your proxy origin>" on <sphere-ramp>';

function whereFrom(base: ApiBase): string {
  if (base.source === 'attribute') return `api-base="${base.url}"`;
  if (base.source === 'script') return `the origin sphere-ramp.js was loaded from (${origin(base)})`;
  return `the page's own origin (${origin(base)}), because api-base is not set`;
}

const origin = (base: ApiBase) => new URL(base.url).origin;

/** No session could be had from the host's session source. */
export function sessionFailed(failure: SessionFailure | undefined): Diagnosis {
  const f = failure ?? new SessionFailure('none', 'no session');
  const fixes: Record<SessionFailure['source'], string> = {
    'fetch-session': 'make fetchSession() resolve to the token your backend got from the proxy\'s POST /api/sessions (called with RAMP_SERVER_SECRET)',
    'session-url': `make POST ${'<session-url>'} on this origin call the proxy's POST /api/sessions with Authorization: Bearer RAMP_SERVER_SECRET and answer its JSON ({"token": ...}) unchanged`,
    'session-token': 'give a fresh token from the proxy\'s POST /api/sessions, or use session-url / fetchSession so the widget can renew it',
    none: 'set session-url (a route on your backend that calls the proxy\'s POST /api/sessions), session-token, or the fetchSession property',
  };
  const retryable = f.source === 'fetch-session' || (f.source === 'session-url' && (f.status === undefined || f.status >= 500));
  return {
    detail: { code: 'session-failed', message: `Could not get a session: ${f.message}.`, retryable, ...(f.status ? { status: f.status } : {}) },
    fix: fixes[f.source].replace('<session-url>', f.message.match(/^POST (\S+)/)?.[1] ?? 'session-url'),
  };
}

/** A request to the proxy failed; `reach` is set when it got no answer at all. */
export function requestFailed(err: unknown, base: ApiBase, options: { start?: boolean; reach?: Reachability } = {}): Diagnosis {
  const { start = false, reach } = options;
  const at = origin(base);
  const page = location.origin;
  if (!(err instanceof RampError)) {
    return { detail: { code: 'unexpected', message: err instanceof Error ? err.message : String(err), retryable: true }, fix: 'report this with the console output' };
  }
  if (err.kind === 'network') {
    if (reach?.cspDirective) {
      return {
        detail: { code: 'proxy-unreachable', message: `This page's Content-Security-Policy (${reach.cspDirective}) blocked requests to the proxy at ${at}.`, retryable: false },
        fix: `add ${at} to the connect-src directive of this page's Content-Security-Policy (and to script-src if you load sphere-ramp.js from it)`,
      };
    }
    if (reach?.serverAnswered) {
      return {
        detail: { code: 'origin-not-allowed', message: `The proxy at ${at} does not allow this page's origin ${page} (RAMP_ALLOWED_ORIGINS).`, retryable: false },
        fix: `add ${page} to RAMP_ALLOWED_ORIGINS on the proxy at ${at} (comma-separated origins, e.g. RAMP_ALLOWED_ORIGINS=${page}) and restart it`,
      };
    }
    return {
      detail: { code: 'proxy-unreachable', message: `No answer from the proxy at ${at}, taken from ${whereFrom(base)}.`, retryable: true },
      fix: `check that the proxy runs and that the browser can reach ${at}; if it lives elsewhere, ${API_BASE_FIX}`,
    };
  }
  if (start && err.kind === 'not-found') {
    const cdn = base.source === 'script' && isPackageCdn(at) ? ' sphere-ramp.js came from a package CDN, not from your proxy.' : '';
    return {
      detail: { code: 'proxy-unreachable', message: `${at} (${whereFrom(base)}) did not answer as a sphere-ramp proxy (HTTP ${err.status}).${cdn}`, retryable: false, status: err.status },
      fix: API_BASE_FIX,
    };
  }
  if (err.kind === 'session') {
    return {
      detail: { code: 'session-expired', message: 'The proxy refused the session token (401) and renewing it failed.', retryable: false, status: err.status },
      fix: 'mint tokens from the same proxy (POST /api/sessions with its RAMP_SERVER_SECRET) and give them through session-url or fetchSession, so the widget can renew an expired one',
    };
  }
  if (err.kind === 'server') {
    return {
      detail: { code: 'upstream-unavailable', message: `The proxy at ${at} answered ${err.status}: the service behind it is unavailable.`, retryable: true, status: err.status },
      fix: `check the proxy's logs and GET ${at}/readyz (SPHEREPAY_BASE_URL and SPHEREPAY_API_KEY must reach SpherePay)`,
    };
  }
  if (err.kind === 'forbidden' && err.code === 'origin-not-allowed') {
    return {
      detail: { code: 'origin-not-allowed', message: `The proxy at ${at} does not allow this page's origin ${page} (RAMP_ALLOWED_ORIGINS).`, retryable: false, status: err.status },
      fix: `add ${page} to RAMP_ALLOWED_ORIGINS on the proxy at ${at} and restart it`,
    };
  }
  return { detail: err.detail, fix: '' };
}

/**
 * After a request got no answer: is the proxy there at all? A `no-cors`
 * request is not subject to CORS, so it gets an (opaque) answer exactly when
 * the server is up; then the CORS refusal was about this page's origin.
 */
export async function probe(base: ApiBase, cspViolations: readonly { blockedURI: string; effectiveDirective: string }[]): Promise<Reachability> {
  const at = origin(base);
  const blocked = () => cspViolations.find((v) => v.blockedURI.startsWith(at));
  let serverAnswered = false;
  try {
    await fetch(new URL('/healthz', at), { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
    serverAnswered = true;
  } catch {
    serverAnswered = false;
  }
  const csp = blocked();
  return { serverAnswered, ...(csp ? { cspDirective: csp.effectiveDirective } : {}) };
}
