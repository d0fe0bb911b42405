/**
 * Fixed-window rate limits: a count per key per window (aligned to the
 * clock, so every counter of a window resets at once). The counting sits
 * behind `RateCounter` so a counter shared by several proxy processes (issue
 * 14) can replace the in-memory one without touching the middleware.
 *
 * Measured (issue 15): this is a fraction of express-rate-limit's per-request
 * cost, which mattered at the relay's throughput.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { problem } from '../contract/spherepay/problem.ts';
import { sendProblem } from './errors.ts';

export interface RateCounter {
  /** Counts one hit for `key` in the window starting at `windowStart`; the count so far, this one included. */
  hit(key: string, windowStart: number, windowMs: number): number | Promise<number>;
}

/**
 * One process's counters. Bounded: counters of past windows are dropped when
 * a window ends, and past `maxKeys` distinct keys in one window, new keys share
 * one overflow counter (so a flood of addresses is limited as one, not
 * remembered one by one).
 */
export class MemoryRateCounter implements RateCounter {
  private window = -1;
  private counts = new Map<string, number>();
  constructor(private readonly maxKeys = 100_000) {}

  hit(key: string, windowStart: number): number {
    if (windowStart !== this.window) {
      this.window = windowStart;
      this.counts = new Map();
    }
    const k = this.counts.has(key) || this.counts.size < this.maxKeys ? key : '\0overflow';
    const count = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, count);
    return count;
  }

  /** Keys counted in the current window (for tests of the bound). */
  get size(): number {
    return this.counts.size;
  }
}

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  key: (req: Request) => string;
  counter?: RateCounter;
  now?: () => number;
}

export function rateLimit(o: RateLimitOptions): RequestHandler {
  const counter = o.counter ?? new MemoryRateCounter();
  const now = o.now ?? Date.now;
  const policy = `${o.limit};w=${Math.round(o.windowMs / 1000)}`;
  return (req, res, next) => {
    const t = now();
    const windowStart = t - (t % o.windowMs);
    const resetSeconds = Math.max(1, Math.ceil((windowStart + o.windowMs - t) / 1000));
    const counted = counter.hit(o.key(req), windowStart, o.windowMs);
    if (typeof counted === 'number') answer(res, next, o.limit, policy, resetSeconds, counted);
    else counted.then((count) => answer(res, next, o.limit, policy, resetSeconds, count), next);
  };
}

function answer(res: Response, next: NextFunction, limit: number, policy: string, resetSeconds: number, count: number) {
  res.setHeader('ratelimit-policy', policy);
  res.setHeader('ratelimit', `limit=${limit}, remaining=${Math.max(0, limit - count)}, reset=${resetSeconds}`);
  if (count > limit) return sendProblem(res, problem(429, 'rate-limit/exceeded', 'Too many requests; slow down'), { 'retry-after': String(resetSeconds) });
  next();
}

/** The client's address as the limit's key; IPv6 by its /64, which one subscriber usually holds whole. */
export function addressKey(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip;
  return ip.split(':').slice(0, 4).join(':') + '::/64';
}
