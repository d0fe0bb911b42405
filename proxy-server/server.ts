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
import { loadConfig, type Config } from './config.ts';
import { createEventHub } from './events.ts';
import { createLogger } from './logger.ts';
import { openSqliteStore } from './store/sqlite.ts';
import { createUpstream } from './upstream.ts';

export interface RampServer {
  url: string;
  config: Config;
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

export async function startServer(env: NodeJS.ProcessEnv, overrides: ServerOverrides = {}): Promise<RampServer> {
  const loaded = loadConfig(env);
  const logger = createLogger(loaded, overrides.logDestination);

  // Listen first: in sandbox mode the real port decides the public URL and the default origins.
  let handler = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(503, { 'retry-after': '1' }).end();
  const http = createServer((req, res) => handler(req, res));
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

  const store = openSqliteStore(loaded.dbPath);
  let composition: Composition = {};
  try {
    composition = (await overrides.compose?.({ url, port: bound, config: loaded })) ?? {};
  } catch (err) {
    await store.close();
    http.close();
    throw err;
  }
  const config = composition.config ?? loaded;

  const events = createEventHub(config.streams);
  const upstream = createUpstream({ ...config.spherepay, logger });
  const app = createApp(config, { store, upstream, logger, events, ...(overrides.now ? { now: overrides.now } : {}), ...(composition.site ? { site: composition.site } : {}) });
  handler = app;

  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    close() {
      closing ??= (async () => {
        events.closeAll();
        const drained = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const timer = setTimeout(() => http.closeAllConnections(), DRAIN_MS);
        await drained;
        clearTimeout(timer);
        await composition.close?.();
        await store.close();
        logger.flush?.();
      })();
      return closing;
    },
  };
}
