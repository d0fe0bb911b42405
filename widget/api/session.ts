/**
 * Where the widget's session comes from: `fetchSession()` (SPAs), the
 * `session-url` attribute (POSTed; answers `{token, expiresAt, customerId}`),
 * or a fixed `session-token`. Renews once the proxy says 401 or the known
 * expiry is near; concurrent renewals share one request.
 */
import { SessionMinted } from '../../contract/proxy-api.ts';
import type { SessionSource } from './client.ts';

export interface SessionOrigin {
  fetchSession?: () => Promise<string>;
  sessionUrl?: string;
  sessionToken?: string;
}

/** Renew this long before the known expiry so no call meets a dead token. */
const RENEW_MARGIN_MS = 30_000;

export class Session implements SessionSource {
  private current?: SessionMinted;
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
    this.pending = undefined;
  }

  private nearExpiry(info: SessionMinted): boolean {
    return !!info.expiresAt && Date.parse(info.expiresAt) - Date.now() < RENEW_MARGIN_MS;
  }

  private obtain(stale?: string): Promise<SessionMinted | undefined> {
    this.pending ??= this.fetchInfo(stale)
      .then((info) => {
        this.current = info;
        this.onChange(info);
        return info;
      })
      .catch(() => {
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
    if (origin.fetchSession) return { token: await origin.fetchSession() };
    if (origin.sessionUrl) {
      const res = await fetch(origin.sessionUrl, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`session-url answered ${res.status}`);
      return SessionMinted.parse(await res.json());
    }
    if (origin.sessionToken && origin.sessionToken !== stale) return { token: origin.sessionToken };
    throw new Error('no session source');
  }
}
