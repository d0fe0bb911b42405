/**
 * Sessions: minted by the merchant backend (`POST /api/sessions`), presented
 * by the widget as `Authorization: Bearer <token>`. Tokens are random and
 * stored only as SHA-256 hashes; the session's customer is read from the
 * durable `externalUserId -> customerId` mapping. Both may be remembered
 * (session-cache.ts), forgotten at once when they change anywhere.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { SessionCreate, SessionPolicy, SessionRevoke, type SessionMinted, type SessionsRevoked } from '../contract/proxy-api.ts';
import { problem, REPORT_INPUT } from '../contract/spherepay/problem.ts';
import { HttpProblem, invalid, sessionInvalid } from './errors.ts';
import type { SessionCache } from './session-cache.ts';
import { resolvePolicy } from './policy.ts';
import type { Store } from './store/store.ts';

export interface Session {
  /** A short, non-secret handle for logs and the audit log (a prefix of the token hash). */
  id: string;
  tokenHash: string;
  externalUserId: string;
  customerId: string | null;
  expiresAt: Date;
  /** The merchant's terms for this session, resolved at mint time. */
  policy: SessionPolicy;
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
  /** The merchant's default integrator fees (RAMP_INTEGRATOR_FEE_BPS, RAMP_INTEGRATOR_FIXED_FEE). */
  integratorFees: { bps: string; fixed: string };
  now: () => Date;
  /** Tells open event streams of this user about a customer they now have. */
  onLinked(externalUserId: string, customerId: string): void;
  /** Closes the open event streams of sessions just revoked. */
  onRevoked(tokenHashes: string[]): void;
}

function requireServerSecret(header: string | undefined, serverSecret: string) {
  const secret = bearer(header);
  if (!secret || !sameSecret(secret, serverSecret)) {
    throw new HttpProblem(problem(401, 'server/unauthorized', 'Present the server secret as a Bearer token'));
  }
}

export function sessionsRouter(d: SessionDeps): Router {
  const router = Router();
  router.post('/api/sessions', async (req, res) => {
    requireServerSecret(req.get('authorization'), d.serverSecret);
    const parsed = SessionCreate.safeParse(req.body ?? {}, REPORT_INPUT);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const { externalUserId, customerId, ttlSeconds } = parsed.data;
    const policy = resolvePolicy(d.integratorFees, parsed.data.policy);
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
    await d.store.createSession({ tokenHash: hashToken(token), externalUserId, expiresAt, policy }, now);
    res.status(201).set('cache-control', 'no-store').json({ token, expiresAt: expiresAt.toISOString(), customerId: current, policy } satisfies SessionMinted);
  });

  // The merchant ends every session of a user (account closed, fraud, sign-out everywhere).
  router.delete('/api/sessions', async (req, res) => {
    requireServerSecret(req.get('authorization'), d.serverSecret);
    const parsed = SessionRevoke.safeParse(req.body ?? {}, REPORT_INPUT);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const revoked = await d.store.revokeSessions({ externalUserId: parsed.data.externalUserId }, d.now());
    d.onRevoked(revoked);
    req.log.info({ externalUserId: parsed.data.externalUserId, revoked: revoked.length }, 'sessions revoked');
    res.status(200).set('cache-control', 'no-store').json({ revoked: revoked.length } satisfies SessionsRevoked);
  });
  return router;
}

/** `DELETE /api/session`: the bearer ends its own session (sign out). Mounted behind `authenticate`. */
export function signOutHandler(d: Pick<SessionDeps, 'store' | 'now' | 'onRevoked'>): RequestHandler {
  return async (req, res) => {
    const revoked = await d.store.revokeSessions({ tokenHash: req.session!.tokenHash }, d.now());
    d.onRevoked(revoked);
    res.status(204).set('cache-control', 'no-store').end();
  };
}

/** A policy kept by an older version (before policies) reads as the merchant's current defaults. */
function storedPolicy(policy: unknown, defaults: SessionDeps['integratorFees']): SessionPolicy {
  const parsed = SessionPolicy.safeParse(policy);
  return parsed.success ? parsed.data : resolvePolicy(defaults);
}

/** Is this token still good: known, not revoked, not expired. Event streams ask again while they are open. */
export async function liveSession(store: Store, tokenHash: string, now: Date) {
  const found = await store.findSession(tokenHash);
  if (!found) return { ok: false as const, detail: undefined };
  if (found.revokedAt) return { ok: false as const, detail: 'The session was revoked' };
  if (found.expiresAt.getTime() <= now.getTime()) return { ok: false as const, detail: 'The session has expired' };
  return { ok: true as const, found };
}

/** Resolves `Authorization: Bearer <session token>` to `req.session`, or 401 `session/invalid`. */
export function authenticate(d: Pick<SessionDeps, 'store' | 'now' | 'integratorFees'> & { cache?: SessionCache }): RequestHandler {
  return async (req, _res, next) => {
    const token = bearer(req.get('authorization'));
    if (!token) throw sessionInvalid('Present a session token as a Bearer token');
    const tokenHash = hashToken(token);
    let session = d.cache?.get(tokenHash);
    if (!session) {
      const epoch = d.cache?.epoch;
      const live = await liveSession(d.store, tokenHash, d.now());
      if (!live.ok) throw sessionInvalid(live.detail);
      const { found } = live;
      session = {
        externalUserId: found.externalUserId,
        customerId: await d.store.customerOf(found.externalUserId),
        expiresAt: found.expiresAt,
        policy: storedPolicy(found.policy, d.integratorFees),
      };
      d.cache?.set(tokenHash, session, epoch);
    }
    // Expiry is checked on every request; revocation reaches the cache through its invalidate hooks.
    if (session.expiresAt.getTime() <= d.now().getTime()) throw sessionInvalid('The session has expired');
    req.session = { id: tokenHash.slice(0, 16), tokenHash, ...session };
    next();
  };
}
