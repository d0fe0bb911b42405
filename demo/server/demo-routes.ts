/**
 * The demo merchant backend: a "signed-in" demo user in a cookie, and a
 * session endpoint that mints a widget session for that user by calling the
 * proxy's `POST /api/sessions` with the server secret, over HTTP like a real
 * merchant backend would. The secret never reaches the browser.
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import type { ProblemDetails } from '../../contract/spherepay/common.ts';
import { validationProblem } from '../../contract/spherepay/problem.ts';
import { webhookReceiver } from './webhook-receiver.ts';

export interface DemoOptions {
  /** What the proxy expects from a merchant backend on `POST /api/sessions`. */
  serverSecret: string;
  /** The proxy's origin; default: this server's own address (the demo runs in the proxy's process). */
  proxyUrl?: string;
  /** Whether the sandbox controls (approve, fund) are offered. */
  sandbox: boolean;
  /** RAMP_MERCHANT_WEBHOOK_SECRET, when the proxy delivers merchant webhooks to this backend (`POST /demo/webhooks`). */
  webhookSecret?: string;
}

const sendProblem = (res: Response, body: ProblemDetails) => res.status(body.status).type('application/problem+json').send(JSON.stringify(body));

const COOKIE = 'demo_user';
const UserName = z.string().check(z.regex(/^[\w.-]{1,64}$/, 'Use 1-64 letters, digits, dots, dashes or underscores'));
const SwitchUser = z.strictObject({ user: z.optional(UserName) });

const randomUser = () => `demo-${randomBytes(4).toString('hex')}`;

function cookieUser(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value && UserName.safeParse(value).success) return value;
  }
  return undefined;
}

function setUser(res: Response, user: string) {
  res.cookie(COOKIE, user, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 30 * 86_400_000 });
}

/** The user in the cookie, or a new one (remembered in the cookie). */
function currentUser(req: Request, res: Response): string {
  const user = cookieUser(req);
  if (user) return user;
  const fresh = randomUser();
  setUser(res, fresh);
  return fresh;
}

/**
 * Gives a first-time visitor their demo user as the page loads, so the
 * page's first requests (widget session, user bar) agree on who it is.
 */
export const demoUserCookie: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' && req.accepts('html')) currentUser(req, res);
  next();
};

/** This server's own address, as seen by this request: the backend calls the proxy like any client. */
function selfUrl(req: Request): string {
  const { localAddress, localPort } = req.socket;
  const host = !localAddress || localAddress === '::' || localAddress === '0.0.0.0' ? '127.0.0.1' : localAddress.replace(/^::ffff:/, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${localPort}`;
}

export function demoRouter(options: DemoOptions): Router {
  const router = Router();
  const webhooks = options.webhookSecret ? webhookReceiver(options.webhookSecret) : undefined;
  if (webhooks) router.post('/webhooks', ...webhooks.post);
  router.use(express.json({ limit: '4kb' }));
  router.use((_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });

  router.get('/config', (req, res) => {
    res.json({ user: currentUser(req, res), sandbox: options.sandbox, webhooks: !!webhooks });
  });

  // What the backend learned from merchant webhooks about the signed-in demo user.
  router.get('/webhooks', (req, res) => {
    res.json({ received: webhooks?.receivedFor(currentUser(req, res)) ?? [] });
  });

  router.post('/user', (req, res) => {
    const parsed = SwitchUser.safeParse(req.body ?? {});
    if (!parsed.success) return sendProblem(res, validationProblem(parsed.error.issues));
    const user = parsed.data.user ?? randomUser();
    setUser(res, user);
    res.json({ user });
  });

  router.post('/session', async (req, res) => {
    const user = currentUser(req, res);
    const minted = await fetch(`${options.proxyUrl ?? selfUrl(req)}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.serverSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ externalUserId: user }),
    });
    res.status(minted.status).type(minted.headers.get('content-type') ?? 'application/json').send(await minted.text());
  });

  return router;
}
