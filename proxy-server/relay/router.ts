/**
 * `/api/v2/...`: the allowlisted relay as a table from method and path to
 * its handler. Matching follows Express's defaults: static segments
 * case-insensitive, one trailing slash allowed, `:id` one non-empty segment,
 * percent-decoded. Anything not listed here is not the relay's (the app
 * answers it, 404 behind authentication).
 */
import type { RequestHandler } from 'express';
import { customerCreateHandler } from './customer.ts';
import { documentHandler } from './documents.ts';
import { relayHandler, type RelayDeps } from './handler.ts';
import { RELAY_ROUTES, type Method } from './routes.ts';

export const RELAY_PREFIX = '/api/v2';

export interface RelayEntry {
  method: Method;
  /** Under RELAY_PREFIX; `:id` is the only parameter. */
  path: string;
  handler: RequestHandler;
  /** Takes a JSON body (parsed before authentication, like every /api body). */
  json: boolean;
}

export interface RelayMatch {
  entry: RelayEntry;
  params: Record<string, string>;
}

export function relayEntries(d: RelayDeps & { onLinked(externalUserId: string, customerId: string): void }): RelayEntry[] {
  return [
    { method: 'POST', path: '/customer', handler: customerCreateHandler(d), json: true },
    { method: 'POST', path: '/document', handler: documentHandler(d), json: false },
    ...RELAY_ROUTES.map((route) => ({ method: route.method, path: route.path, handler: relayHandler(route, d), json: route.body !== undefined })),
  ];
}

/** `(method, url)` to the entry that serves it, or undefined. */
export function relayTable(entries: readonly RelayEntry[]): (method: string | undefined, url: string | undefined) => RelayMatch | undefined {
  const byMethod = new Map<string, { entry: RelayEntry; segments: string[] }[]>();
  for (const entry of entries) {
    const list = byMethod.get(entry.method) ?? [];
    list.push({ entry, segments: entry.path.toLowerCase().split('/').slice(1) });
    byMethod.set(entry.method, list);
  }
  const prefix = RELAY_PREFIX.toLowerCase() + '/';
  return (method, url): RelayMatch | undefined => {
    // A GET route answers HEAD too, as in Express.
    const candidates = byMethod.get(method === 'HEAD' ? 'GET' : (method ?? ''));
    if (!candidates || !url) return undefined;
    const query = url.indexOf('?');
    let path = query < 0 ? url : url.slice(0, query);
    if (path.length <= prefix.length || path.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
    path = path.slice(prefix.length);
    if (path.endsWith('/')) path = path.slice(0, -1);
    const segments = path.split('/');
    const lower = segments.map((s) => s.toLowerCase());
    for (const { entry, segments: pattern } of candidates) {
      if (pattern.length !== segments.length) continue;
      let id: string | undefined;
      let matched = true;
      for (let i = 0; i < pattern.length && matched; i++) {
        if (pattern[i] === ':id') {
          id = segments[i];
          matched = id !== '';
        } else matched = pattern[i] === lower[i];
      }
      if (!matched) continue;
      if (id === undefined) return { entry, params: {} };
      try {
        return { entry, params: { id: decodeURIComponent(id) } };
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}
