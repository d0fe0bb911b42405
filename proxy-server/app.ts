/** The proxy as an Express app: `createApp(config, deps)`; `server.ts` listens. */
import express, { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { SessionInfo } from '../contract/proxy-api.ts';
import type { Config } from './config.ts';
import { errorHandler, notFound } from './errors.ts';
import { eventsHandler, type EventHub } from './events.ts';
import { healthRouter } from './health.ts';
import { createOwnership } from './relay/ownership.ts';
import { relayRouter } from './relay/router.ts';
import { hostedPagesRouter, sandboxControlsRouter } from './sandbox-relay.ts';
import { cors, embedHeaders, perIpLimit, perSessionLimit, requestContext, securityHeaders } from './security.ts';
import { authenticate, sessionsRouter, signOutHandler } from './sessions.ts';
import { mountSite } from './site.ts';
import { SessionCache } from './session-cache.ts';
import type { Store, StoreMessage } from './store/store.ts';
import type { Upstream } from './upstream.ts';
import { webhooksRouter } from './webhooks.ts';

export interface AppDeps {
  store: Store;
  upstream: Upstream;
  logger: Logger;
  events: EventHub;
  /** The proxy's clock (session expiry, records); default real time. */
  now?: () => Date;
  /**
   * Resolved sessions, remembered briefly (session-cache.ts). Whoever revokes
   * sessions or hears of changes from another process calls its invalidate hooks.
   */
  sessionCache?: SessionCache;
  /** Pages a composition root serves beside the proxy (the demo), after the proxy's own routes. */
  site?: RequestHandler;
  /** The merchant-webhook sender, when RAMP_MERCHANT_WEBHOOK_URL is set: stored events are queued for it. */
  merchantWebhooks?: { kick(): void };
}

const JSON_LIMIT = '256kb';

export function createApp(config: Config, deps: AppDeps): express.Express {
  const { store, upstream, logger, events } = deps;
  const now = deps.now ?? (() => new Date());
  const ownership = createOwnership(store, upstream, now);
  const sessionCache = deps.sessionCache ?? new SessionCache();
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

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(requestContext(logger));
  app.use(securityHeaders(config));
  app.use('/embed', embedHeaders(config));
  app.use(cors(config.allowedOrigins));
  app.use(healthRouter({ store, upstream }));
  app.use(webhooksRouter({ store, secret: config.spherepay.webhookSecret, now, ...(deps.merchantWebhooks ? { outbox: deps.merchantWebhooks } : {}) }));
  if (config.sandbox) app.use(hostedPagesRouter({ upstream }));

  app.use('/api', perIpLimit(config, store), express.json({ limit: JSON_LIMIT }));
  app.use(sessionsRouter({ store, serverSecret: config.serverSecret, defaultTtlSeconds: config.sessionTtlSeconds, integratorFees, now, onLinked, onRevoked }));

  const api = Router();
  api.use(authenticate({ store, now, integratorFees, cache: sessionCache }), perSessionLimit(config, store));
  api.get('/session', (req, res) => {
    const { customerId, expiresAt, policy } = req.session!;
    res.set('cache-control', 'no-store').json({ customerId, expiresAt: expiresAt.toISOString(), policy } satisfies SessionInfo);
  });
  api.delete('/session', signOutHandler({ store, now, onRevoked }));
  api.get('/events', eventsHandler({ store, hub: events, heartbeatMs: config.sseHeartbeatMs, now }));
  if (config.sandboxControls) api.use('/sandbox', sandboxControlsRouter({ upstream, ownership }));
  api.use('/v2', relayRouter({ store, upstream, ownership, now, onLinked, claimStaleMs: config.spherepay.timeoutMs }));
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
  return app;
}
