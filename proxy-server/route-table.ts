/**
 * The busiest routes (the relay, webhook intake) served straight from a
 * table of method and path to the handlers they run, instead of through
 * Express's router (measured, issue 15: ~10 app-level layers and a 25-route
 * router were a fifth of the relay's CPU). Matching follows Express's
 * defaults: static segments case-insensitive, one trailing slash allowed,
 * `:id` one non-empty segment, percent-decoded; a GET route answers HEAD.
 */
import type { RequestHandler } from 'express';

export interface TableRoute {
  method: string;
  /** The full path; `:id` is the only parameter. */
  path: string;
  /** Run in order (handler-chain.ts). */
  handlers: readonly RequestHandler[];
}

export interface TableMatch {
  route: TableRoute;
  params: Record<string, string>;
}

interface Pattern {
  route: TableRoute;
  /** Lower-cased path before `:id` (the whole path when there is none) and after it. */
  head: string;
  tail: string;
  hasId: boolean;
}

/** `(method, url)` to the route that serves it, or undefined. */
export function routeTable(routes: readonly TableRoute[]): (method: string | undefined, url: string | undefined) => TableMatch | undefined {
  const byMethod = new Map<string, Pattern[]>();
  for (const route of routes) {
    const [head, tail = ''] = route.path.toLowerCase().split(':id');
    const list = byMethod.get(route.method) ?? [];
    list.push({ route, head: head!, tail, hasId: route.path.includes(':id') });
    byMethod.set(route.method, list);
  }
  return (method, url): TableMatch | undefined => {
    const patterns = byMethod.get(method === 'HEAD' ? 'GET' : (method ?? ''));
    if (!patterns || !url) return undefined;
    const query = url.indexOf('?');
    let path = query < 0 ? url : url.slice(0, query);
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const lower = path.toLowerCase();
    for (const p of patterns) {
      if (!p.hasId) {
        if (lower === p.head) return { route: p.route, params: {} };
        continue;
      }
      if (lower.length <= p.head.length + p.tail.length || !lower.startsWith(p.head) || !lower.endsWith(p.tail)) continue;
      const id = path.slice(p.head.length, path.length - p.tail.length);
      if (id.includes('/')) continue;
      try {
        return { route: p.route, params: { id: decodeURIComponent(id) } };
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}
