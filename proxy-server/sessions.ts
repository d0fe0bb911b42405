/**
 * Sessions: minted by the merchant backend (`POST /api/sessions`), presented
 * by the widget as `Authorization: Bearer <token>`. Tokens are random and
 * stored only as SHA-256 hashes; the session's customer is read from the
 * durable `externalUserId -> customerId` mapping, remembered for at most a
 * couple of seconds (session-cache.ts) and forgotten at once when it changes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { SessionCreate } from '../contract/proxy-api.ts';
import { problem } from '../contract/spherepay/problem.ts';
import { HttpProblem, invalid, sessionInvalid } from './errors.ts';
import type { SessionCache } from './session-cache.ts';
import type { Store } from './store/store.ts';

export interface Session {
  /** A short, non-secret handle for logs and the audit log (a prefix of the token hash). */
  id: string;
  tokenHash: string;
  externalUserId: string;
  customerId: string | null;
  expiresAt: Date;
}

declare global {
  namespace Express {
    interface Request {
      session?: Session;
    }
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const mintToken = () => 'rs_' + randomBytes(32).toString('base64url');

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
  return m?.[1];
}

interface SessionDeps {
  store: Store;
  serverSecret: string;
  defaultTtlSeconds: number;
  now: () => Date;
  /** Tells open event streams of this user about a customer they now have. */
  onLinked(externalUserId: string, customerId: string): void;
}

export function sessionsRouter(d: SessionDeps): Router {
  const router = Router();
  router.post('/api/sessions', async (req, res) => {
    const secret = bearer(req.get('authorization'));
    if (!secret || !sameSecret(secret, d.serverSecret)) {
      throw new HttpProblem(problem(401, 'server/unauthorized', 'Present the server secret as a Bearer token'));
    }
    const parsed = SessionCreate.safeParse(req.body ?? {});
    if (!parsed.success) throw invalid(parsed.error.issues);
    const { externalUserId, customerId, ttlSeconds } = parsed.data;
    const now = d.now();
    let current = await d.store.ensureUser(externalUserId, now);
    if (customerId && current !== customerId) {
      if (current) throw new HttpProblem(problem(409, 'session/conflict', 'This user already has a different customer', [{ pointer: '/customerId', detail: 'Contradicts the stored customer of this user' }]));
      if ((await d.store.linkCustomer(externalUserId, customerId)) === 'conflict') {
        throw new HttpProblem(problem(409, 'session/conflict', 'This customer belongs to another user', [{ pointer: '/customerId', detail: 'Already linked to another user' }]));
      }
      d.onLinked(externalUserId, customerId);
      current = customerId;
    }
    const token = mintToken();
    const expiresAt = new Date(now.getTime() + (ttlSeconds ?? d.defaultTtlSeconds) * 1000);
    await d.store.createSession({ tokenHash: hashToken(token), externalUserId, expiresAt }, now);
    res.status(201).set('cache-control', 'no-store').json({ token, expiresAt: expiresAt.toISOString(), customerId: current });
  });
  return router;
}

/** Resolves `Authorization: Bearer <session token>` to `req.session`, or 401 `session/invalid`. */
export function authenticate(d: Pick<SessionDeps, 'store' | 'now'> & { cache?: SessionCache }): RequestHandler {
  return async (req, _res, next) => {
    const token = bearer(req.get('authorization'));
    if (!token) throw sessionInvalid('Present a session token as a Bearer token');
    const tokenHash = hashToken(token);
    let session = d.cache?.get(tokenHash);
    if (!session) {
      const epoch = d.cache?.epoch;
      const found = await d.store.findSession(tokenHash);
      if (!found) throw sessionInvalid();
      session = { externalUserId: found.externalUserId, customerId: await d.store.customerOf(found.externalUserId), expiresAt: found.expiresAt };
      d.cache?.set(tokenHash, session, epoch);
    }
    if (session.expiresAt.getTime() <= d.now().getTime()) throw sessionInvalid('The session has expired');
    req.session = { id: tokenHash.slice(0, 16), tokenHash, ...session };
    next();
  };
}
