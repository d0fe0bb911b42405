/**
 * The proxy as one request listener: `createApp(config, deps)`; `server.ts`
 * listens. The relay's routes and webhook intake run straight from a table
 * (route-table.ts) through the same checks, in the same order, as they had
 * in the Express app, which serves everything else (issue 15: Express's
 * router was a fifth of the relay's CPU).
 */
import type { RequestListener } from 'node:http';
import express, { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { SessionInfo } from '../contract/proxy-api.ts';
import type { Config } from './config.ts';
import { errorHandler, notFound } from './errors.ts';
import { runChain } from './handler-chain.ts';
import { eventsHandler, type EventHub } from './events.ts';
import { healthRouter } from './health.ts';
import { createOwnership } from './relay/ownership.ts';
import { qrHandler } from './qr.ts';
import type { BornClasses } from './request-classes.ts';
import { RELAY_PREFIX, relayEntries } from './relay/router.ts';
import { routeTable } from './route-table.ts';
import { hostedPagesRouter, sandboxControlsRouter } from './sandbox-relay.ts';
import { cors, embedHeaders, perIpLimit, perSessionLimit, requestContext, securityHeaders } from './security.ts';
import { authenticate, sessionsRouter, signOutHandler } from './sessions.ts';
import { mountSite } from './site.ts';
import { SessionCache } from './session-cache.ts';
import type { Store, StoreMessage } from './store/store.ts';
import type { Upstream } from './upstream.ts';
import { WEBHOOK_PATH, webhookIntake } from './webhooks.ts';

export interface AppDeps {
  store: Store;
  upstream: Upstream;
  logger: Logger;
  events: EventHub;
  /** The proxy's clock (session expiry, records); default real time. */
  now?: () => Date;
  /**
   * Resolved sessions, remembered (session-cache.ts); default none. Whoever revokes
   * sessions or hears of changes from another process calls its invalidate hooks.
   */
  sessionCache?: SessionCache;
  /** Pages a composition root serves beside the proxy (the demo), after the proxy's own routes. */
  site?: RequestHandler;
  /** The merchant-webhook sender, when RAMP_MERCHANT_WEBHOOK_URL is set: stored events are queued for it. */
  merchantWebhooks?: { kick(): void };
  /** The classes the HTTP server makes requests and responses with: the app adopts their prototypes. */
  born?: Pick<BornClasses, 'adopt'>;
}

const JSON_LIMIT = '256kb';

export function createApp(config: Config, deps: AppDeps): RequestListener {
  const { store, upstream, logger, events } = deps;
  const now = deps.now ?? (() => new Date());
  const ownership = createOwnership(store, upstream, now);
  const sessionCache = deps.sessionCache ?? new SessionCache(0);
  // Every process sharing the store hears these, so its open streams follow: a user's new
  // customer starts their events flowing, a revoked session's streams end. This process's
  // session cache forgets at once (server.ts also forgets on every broadcast).
  const tell = (message: StoreMessage) => void store.broadcast(message).catch((err: unknown) => logger.warn({ err: String(err) }, 'broadcast failed'));
  const onLinked = (user: string, customerId: string) => {
    sessionCache.invalidateUser(user);
    tell({ kind: 'linked', externalUserId: user, customerId });
  };
  const onRevoked = (tokenHashes: string[]) => {
    for (const hash of tokenHashes) sessionCache.invalidateToken(hash);
    if (tokenHashes.length) tell({ kind: 'session-ended', tokenHashes });
  };
  const { integratorFees } = config;

  // One instance of each check, shared by the route table and the app (one count per rate limit).
  const app = express();
  deps.born?.adopt(app);
  const context = requestContext(logger, app.request);
  const headers = securityHeaders(config);
  const crossOrigin = cors(config.allowedOrigins);
  const ipLimit = perIpLimit(config, store);
  const json = express.json({ limit: JSON_LIMIT });
  const session = authenticate({ store, now, integratorFees, cache: sessionCache });
  const sessionLimit = perSessionLimit(config, store);

  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(context);
  app.use(headers);
  app.use('/embed', embedHeaders(config));
  app.use(crossOrigin);
  app.use(healthRouter({ store, upstream }));
  if (config.sandbox) app.use(hostedPagesRouter({ upstream }));

  app.use('/api', ipLimit, json);
  app.use(sessionsRouter({ store, serverSecret: config.serverSecret, defaultTtlSeconds: config.sessionTtlSeconds, integratorFees, now, onLinked, onRevoked }));

  const api = Router();
  api.use(session, sessionLimit);
  api.get('/session', (req, res) => {
    const { customerId, expiresAt, policy } = req.session!;
    res.set('cache-control', 'no-store').json({ customerId, expiresAt: expiresAt.toISOString(), policy } satisfies SessionInfo);
  });
  api.delete('/session', signOutHandler({ store, now, onRevoked }));
  api.get('/qr', qrHandler);
  api.get('/events', eventsHandler({ store, hub: events, heartbeatMs: config.sseHeartbeatMs, now }));
  if (config.sandboxControls) api.use('/sandbox', sandboxControlsRouter({ upstream, ownership }));
  app.use('/api', api);
  app.use('/api', () => {
    throw notFound();
  });

  mountSite(app, config);
  if (deps.site) app.use(deps.site);
  app.use(() => {
    throw notFound();
  });
  app.use(errorHandler);

  // The relay and webhook intake skip Express's router: the same checks, in the same order, straight
  // from a table. Body-less relay routes skip the JSON parser.
  const intake = webhookIntake({ store, secret: config.spherepay.webhookSecret, now, ...(deps.merchantWebhooks ? { outbox: deps.merchantWebhooks } : {}) });
  const table = routeTable([
    { method: 'POST', path: WEBHOOK_PATH, handlers: [context, headers, crossOrigin, ...intake] },
    ...relayEntries({ store, upstream, ownership, now, onLinked, claimStaleMs: config.spherepay.timeoutMs }).map((e) => ({
      method: e.method,
      path: RELAY_PREFIX + e.path,
      handlers: [context, headers, crossOrigin, ipLimit, ...(e.json ? [json] : []), session, sessionLimit, e.handler],
    })),
  ]);
  const listener: RequestListener = (req, res) => {
    const match = table(req.method, req.url);
    if (!match) return void app(req, res);
    runChain(app, match.route.handlers, errorHandler, req, res, match.params);
  };
  return listener;
}
