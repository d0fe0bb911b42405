/**
 * Where the widget's session comes from: `fetchSession()` (SPAs), the
 * `session-url` attribute (POSTed; answers `{token, expiresAt, customerId}`),
 * or a fixed `session-token`. Renews once the proxy says 401 or the known
 * expiry is near; concurrent renewals share one request.
 */
import { isSessionMinted } from '../../contract/guards.ts';
import type { SessionMinted } from '../../contract/proxy-api.ts';
import type { SessionSource } from './client.ts';

/** Why no session could be had, by source: for the `session-failed` diagnosis. */
export class SessionFailure extends Error {
  override readonly name = 'SessionFailure';
  constructor(
    readonly source: 'fetch-session' | 'session-url' | 'session-token' | 'none',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface SessionOrigin {
  /** The element, whose early session request (started by `/sphere-ramp.js`) is used once. */
  host?: Element;
  fetchSession?: () => Promise<string>;
  sessionUrl?: string;
  sessionToken?: string;
}

/** Renew this long before the known expiry so no call meets a dead token. */
const RENEW_MARGIN_MS = 30_000;

export class Session implements SessionSource {
  private current?: SessionMinted;
  /** Why the last attempt to get a session failed (for the start diagnosis). */
  failure?: SessionFailure;
  private pending?: Promise<SessionMinted | undefined>;
  /** The loader's `GET /api/session` for the token it minted, if any (taken once). */
  private earlyInfo?: { token: string; response: Promise<Response | undefined> };
  /** The loader's proxy check, if any (taken once). */
  private earlyReach?: Promise<Response>;

  constructor(
    private readonly origin: () => SessionOrigin,
    private readonly onChange: (info: SessionMinted | undefined) => void,
  ) {}

  get info(): SessionMinted | undefined {
    return this.current;
  }

  async token(): Promise<string> {
    const info = this.current && !this.nearExpiry(this.current) ? this.current : await this.obtain();
    if (!info) throw new Error('no session');
    return info.token;
  }

  async renew(): Promise<string | undefined> {
    const stale = this.current?.token;
    const info = await this.obtain(stale);
    return info && info.token !== stale ? info.token : undefined;
  }

  /** Forget the session (attributes changed). */
  reset(): void {
    this.current = undefined;
    this.failure = undefined;
    this.pending = undefined;
    this.earlyInfo = undefined;
    this.earlyReach = undefined;
  }

  /**
   * The answer to `GET /api/session` the loader already asked for with the
   * current token (one round trip saved on the first screen), once.
   */
  takeEarlyInfo(): Promise<Response | undefined> | undefined {
    const early = this.earlyInfo;
    this.earlyInfo = undefined;
    return early && early.token === this.current?.token ? early.response : undefined;
  }

  /** The loader's `GET /healthz`, once. */
  takeEarlyReach(): Promise<Response> | undefined {
    const early = this.earlyReach;
    this.earlyReach = undefined;
    return early;
  }

  private nearExpiry(info: SessionMinted): boolean {
    return !!info.expiresAt && Date.parse(info.expiresAt) - Date.now() < RENEW_MARGIN_MS;
  }

  private obtain(stale?: string): Promise<SessionMinted | undefined> {
    this.pending ??= this.fetchInfo(stale)
      .then((info) => {
        this.current = info;
        this.failure = undefined;
        this.onChange(info);
        return info;
      })
      .catch((err: unknown) => {
        this.failure = err instanceof SessionFailure ? err : new SessionFailure('fetch-session', `fetchSession() rejected: ${err instanceof Error ? err.message : String(err)}`);
        this.current = undefined;
        this.onChange(undefined);
        return undefined;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async fetchInfo(stale?: string): Promise<SessionMinted> {
    const origin = this.origin();
    if (origin.fetchSession) {
      const token: unknown = await origin.fetchSession();
      if (typeof token !== 'string' || !token) throw new SessionFailure('fetch-session', 'fetchSession() resolved without a token string');
      return { token };
    }
    if (origin.sessionUrl) {
      const early = takeEarlySession(origin);
      let res: Response;
      try {
        res = await (early?.response ?? postSessionUrl(origin.sessionUrl));
      } catch {
        throw new SessionFailure('session-url', `POST ${origin.sessionUrl} got no answer`);
      }
      if (!res.ok) throw new SessionFailure('session-url', `POST ${origin.sessionUrl} answered ${res.status}`, res.status);
      // A hand-written guard, not the zod schema: this file is on the first screen, which ships no zod.
      const body: unknown = await res.json().catch(() => undefined);
      if (!isSessionMinted(body)) throw new SessionFailure('session-url', `POST ${origin.sessionUrl} answered without {"token": "..."} JSON`, res.status);
      if (early?.info) this.earlyInfo = { token: body.token, response: early.info };
      this.earlyReach = early?.reach;
      return body;
    }
    if (origin.sessionToken && origin.sessionToken !== stale) return { token: origin.sessionToken };
    throw new SessionFailure(origin.sessionToken ? 'session-token' : 'none', origin.sessionToken ? 'the session-token was refused and there is nothing to renew it from' : 'no session-url, session-token or fetchSession is set');
  }
}

/** The POST a `session-url` gets; `/sphere-ramp.js` sends the very same one early (see loader.ts). */
export const postSessionUrl = (url: string) => fetch(url, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });

/**
 * Where the script-tag loader leaves the session request it started before
 * the widget's code arrived: on the element itself, so no global is defined.
 */
export const EARLY_SESSION = Symbol.for('sphere-ramp.early-session');

export interface EarlySession {
  url: string;
  response: Promise<Response>;
  /** `GET /api/session` with the minted token, sent as soon as the mint answered; none when the mint answer said it all. */
  info?: Promise<Response | undefined>;
  /** `GET /healthz` of the proxy, sent beside the mint (RampClient.reach). */
  reach?: Promise<Response>;
}

/** The loader's requests for this element's `session-url`, once, and only if the URL is still the one it used. */
function takeEarlySession(origin: SessionOrigin): EarlySession | undefined {
  const host = origin.host as (Element & { [EARLY_SESSION]?: EarlySession }) | undefined;
  const early = host?.[EARLY_SESSION];
  if (!early) return undefined;
  delete host[EARLY_SESSION];
  return early.url === origin.sessionUrl ? early : undefined;
}
