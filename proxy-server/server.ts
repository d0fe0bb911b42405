/**
 * Starts the proxy: store, upstream client, app. A composition root (dev/)
 * may hook in once the port is bound, to start an upstream of its own (the
 * embedded sandbox) and add pages (the demo); the proxy knows neither.
 * `close()` drains event streams, lets in-flight requests finish, then
 * closes the store and whatever the composition started.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import type { DestinationStream } from 'pino';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createEventHub } from './events.ts';
import { openFileLimit, streamCapWithin } from './fd-limit.ts';
import { createLogger } from './logger.ts';
import { startMerchantWebhooks } from './merchant-webhooks.ts';
import { startRetention } from './retention.ts';
import { SessionCache } from './session-cache.ts';
import { openStore } from './store/open.ts';
import type { PurgeCounts, Store } from './store/store.ts';
import { createUpstream } from './upstream.ts';
import { appBornClasses } from './request-classes.ts';

export interface RampServer {
  url: string;
  config: Config;
  /** Runs the retention purge now (the timer runs it every RAMP_PURGE_INTERVAL_MS). */
  purge(): Promise<PurgeCounts>;
  close(): Promise<void>;
}

/** What a composition root adds to the proxy: a config of its own (another upstream), pages, and what to close. */
export interface Composition {
  config?: Config;
  site?: RequestHandler;
  close?: () => Promise<void>;
}

export interface ServerOverrides {
  port?: number;
  host?: string;
  /** Where log lines go (tests capture them); default stdout. */
  logDestination?: DestinationStream;
  /** The proxy's clock; default real time. */
  now?: () => Date;
  /** Runs once the port is bound (its URL is known), before the app is built. */
  compose?: (bound: { url: string; port: number; config: Config }) => Promise<Composition>;
}

const DRAIN_MS = 10_000;
/** Exactness comes from the invalidation hooks and the store's data version; the TTL only lets idle sessions go. */
const SESSION_CACHE_TTL_MS = 30_000;
const SESSION_CACHE_ENTRIES = 10_000;

export async function startServer(env: NodeJS.ProcessEnv, overrides: ServerOverrides = {}): Promise<RampServer> {
  const loaded = loadConfig(env);
  const logger = createLogger(loaded, overrides.logDestination);

  // Listen first: in sandbox mode the real port decides the public URL and the default origins.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.writeHead(503, { 'retry-after': '1' }).end();
  const born = appBornClasses();
  const http = createServer({ IncomingMessage: born.IncomingMessage, ServerResponse: born.ServerResponse }, (req, res) => handler(req, res));
  const port = overrides.port ?? loaded.port;
  const host = overrides.host ?? loaded.host;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const bound = (http.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${bound}`;

  let store: Store;
  try {
    store = await openStore(loaded.dbPath, { onError: (err, what) => logger.warn({ err: String(err), what }, 'store recovered from an error') });
  } catch (err) {
    http.close();
    // One line naming the variable, like any bad configuration (the URL itself, with its password, is never printed).
    const reason = err instanceof Error ? err.message.replace(/^RAMP_DB: /, '') : String(err);
    throw new ConfigError(`RAMP_DB: cannot open the store (${reason})`);
  }
  let composition: Composition = {};
  try {
    composition = (await overrides.compose?.({ url, port: bound, config: loaded })) ?? {};
  } catch (err) {
    await store.close();
    http.close();
    throw err;
  }
  const config = composition.config ?? loaded;

  // Below the open-file limit, whatever RAMP_MAX_STREAMS says: past it webhooks could not even connect.
  const files = openFileLimit()?.soft;
  const perProcess = streamCapWithin(config.streams.perProcess, files);
  if (perProcess < config.streams.perProcess) {
    logger.warn({ RAMP_MAX_STREAMS: config.streams.perProcess, openFileLimit: files, streams: perProcess }, 'live-event streams capped below the open-file limit (ulimit -n)');
  }
  const events = createEventHub({ ...config.streams, perProcess });
  // A revoked token must be refused at once on every process (DESIGN.md). A broadcast can arrive
  // after the next request does, so sessions are remembered only where the store tells cheaply, on
  // every lookup, whether another process wrote since (SQLite); elsewhere (PostgreSQL) the cache is off.
  const sessionCache = store.dataVersion
    ? new SessionCache(SESSION_CACHE_TTL_MS, SESSION_CACHE_ENTRIES, Date.now, store.dataVersion.bind(store))
    : new SessionCache(0);
  // Whatever any process sharing the store announces reaches this process's event streams and session cache.
  const unsubscribe = store.subscribe((m) => {
    if (m.kind === 'event') events.publish(m.event);
    else if (m.kind === 'linked') {
      sessionCache.invalidateUser(m.externalUserId);
      events.linked(m.externalUserId, m.customerId);
    } else if (m.kind === 'session-ended') {
      for (const hash of m.tokenHashes) sessionCache.invalidateToken(hash);
      events.revoked(m.tokenHashes);
    }
  });
  const upstream = createUpstream({ ...config.spherepay, logger });
  const now = overrides.now ?? (() => new Date());
  const merchantWebhooks = config.merchantWebhook ? startMerchantWebhooks({ ...config.merchantWebhook, store, logger, now }) : undefined;
  const retention = startRetention({ store, ...config.retention, logger, now });
  const app = createApp(config, {
    store, upstream, logger, events, now, sessionCache, born,
    ...(composition.site ? { site: composition.site } : {}),
    ...(merchantWebhooks ? { merchantWebhooks } : {}),
  });
  handler = app;

  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    purge: () => retention.run(),
    close() {
      closing ??= (async () => {
        unsubscribe();
        events.closeAll();
        const drained = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const timer = setTimeout(() => http.closeAllConnections(), DRAIN_MS);
        await drained;
        clearTimeout(timer);
        await composition.close?.();
        await merchantWebhooks?.stop();
        await retention.stop();
        await store.close();
        logger.flush?.();
      })();
      return closing;
    },
  };
}
