/**
 * 100 requests per second per API key, reads (GET) and writes counted
 * separately (API.md §0.6), in fixed one-second windows of real time. Past
 * the limit: 429 `rate-limit/exceeded` with `Retry-After` (D4).
 */
import type { RequestHandler } from 'express';
import { problem } from '../contract/spherepay/problem.ts';
import { HttpProblem } from './problems.ts';

export function rateLimit(perSecond: number, now: () => number = Date.now): RequestHandler {
  const windows = new Map<'read' | 'write', { second: number; count: number }>();
  return (req, _res, next) => {
    const kind = req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write';
    const second = Math.floor(now() / 1000);
    const window = windows.get(kind);
    if (!window || window.second !== second) {
      windows.set(kind, { second, count: 1 });
      return next();
    }
    if (++window.count <= perSecond) return next();
    next(new HttpProblem(problem(429, 'rate-limit/exceeded', `More than ${perSecond} ${kind} requests per second`), { 'retry-after': '1' }));
  };
}
