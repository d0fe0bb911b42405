/** `Authorization: Bearer <key>`; anything else is SpherePay's 403 (API.md §0.1). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from './problems.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function requireApiKey(apiKey: string): RequestHandler {
  const expected = digest(apiKey);
  return (req, _res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    next(new HttpProblem({ status: 403, detail: 'Forbidden resource' }));
  };
}
