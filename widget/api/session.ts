/**
 * Where the widget's session comes from: `fetchSession()` (SPAs), the
 * `session-url` attribute (POSTed; answers `{token, expiresAt, customerId}`),
 * or a fixed `session-token`. Renews once the proxy says 401 or the known
 * expiry is near; concurrent renewals share one request.
 */
import { SessionMinted } from '../../contract/proxy-api.ts';
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
      let res: Response;
      try {
        res = await fetch(origin.sessionUrl, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
      } catch {
        throw new SessionFailure('session-url', `POST ${origin.sessionUrl} got no answer`);
      }
      if (!res.ok) throw new SessionFailure('session-url', `POST ${origin.sessionUrl} answered ${res.status}`, res.status);
      const parsed = SessionMinted.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) throw new SessionFailure('session-url', `POST ${origin.sessionUrl} answered without {"token": "..."} JSON`, res.status);
      return parsed.data;
    }
    if (origin.sessionToken && origin.sessionToken !== stale) return { token: origin.sessionToken };
    throw new SessionFailure(origin.sessionToken ? 'session-token' : 'none', origin.sessionToken ? 'the session-token was refused and there is nothing to renew it from' : 'no session-url, session-token or fetchSession is set');
  }
}
