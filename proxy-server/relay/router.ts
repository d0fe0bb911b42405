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

interface Pattern {
  entry: RelayEntry;
  /** Lower-cased path before `:id` (the whole path when there is none) and after it. */
  head: string;
  tail: string;
  hasId: boolean;
}

/** `(method, url)` to the entry that serves it, or undefined. */
export function relayTable(entries: readonly RelayEntry[]): (method: string | undefined, url: string | undefined) => RelayMatch | undefined {
  const byMethod = new Map<string, Pattern[]>();
  for (const entry of entries) {
    const [head, tail = ''] = entry.path.toLowerCase().split(':id');
    const list = byMethod.get(entry.method) ?? [];
    list.push({ entry, head: head!, tail, hasId: entry.path.includes(':id') });
    byMethod.set(entry.method, list);
  }
  const prefix = RELAY_PREFIX.toLowerCase();
  return (method, url): RelayMatch | undefined => {
    // A GET route answers HEAD too, as in Express.
    const patterns = byMethod.get(method === 'HEAD' ? 'GET' : (method ?? ''));
    if (!patterns || !url) return undefined;
    const query = url.indexOf('?');
    let path = query < 0 ? url : url.slice(0, query);
    if (path.length <= prefix.length + 1 || path[prefix.length] !== '/' || (!path.startsWith(prefix) && path.slice(0, prefix.length).toLowerCase() !== prefix)) return undefined;
    path = path.slice(prefix.length);
    if (path.endsWith('/')) path = path.slice(0, -1);
    const lower = path.toLowerCase();
    for (const p of patterns) {
      if (!p.hasId) {
        if (lower === p.head) return { entry: p.entry, params: {} };
        continue;
      }
      if (lower.length <= p.head.length + p.tail.length || !lower.startsWith(p.head) || !lower.endsWith(p.tail)) continue;
      const id = path.slice(p.head.length, path.length - p.tail.length);
      if (id.includes('/')) continue;
      try {
        return { entry: p.entry, params: { id: decodeURIComponent(id) } };
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}
