/**
 * Starts the proxy: store, upstream client, and in sandbox mode the
 * embedded SpherePay sandbox on loopback, reached over real HTTP like
 * production. `close()` drains event streams, lets in-flight requests
 * finish, then closes the store and the sandbox.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  sandbox?: { url: string; clock: { now(): Date; advance(s: number): void } };
  close(): Promise<void>;
}

export interface ServerOverrides {
  port?: number;
  host?: string;
  /** Where log lines go (tests capture them); default stdout. */
  logDestination?: DestinationStream;
  /** The proxy's clock; default real time. */
  now?: () => Date;
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

  let config: Config = loaded;
  let sandbox: (Awaited<ReturnType<typeof import('./sandbox/server.ts').startSandbox>>) | undefined;
  const store = openSqliteStore(loaded.dbPath);
  try {
    if (loaded.sandbox) {
      const publicUrl = loaded.publicUrl ?? (port === 0 ? url : `http://localhost:${bound}`);
      const { startSandbox } = await import('./sandbox/server.ts');
      sandbox = await startSandbox({
        apiKey: loaded.spherepay.apiKey,
        webhook: { secret: loaded.spherepay.webhookSecret },
        autopilot: loaded.sandboxAutopilot ? {} : false,
        publicUrl,
        port: 0,
        host: '127.0.0.1',
      });
      config = {
        ...loaded,
        publicUrl,
        spherepay: { ...loaded.spherepay, baseUrl: sandbox.url },
        allowedOrigins: loaded.allowedOrigins.length ? loaded.allowedOrigins : [`http://localhost:${bound}`, `http://127.0.0.1:${bound}`],
      };
    }
  } catch (err) {
    store.close();
    http.close();
    throw err;
  }

  const events = createEventHub();
  const upstream = createUpstream({ ...config.spherepay, logger });
  const app = createApp(config, { store, upstream, logger, events, ...(overrides.now ? { now: overrides.now } : {}) });
  handler = app;
  sandbox?.setWebhook({ url: `http://127.0.0.1:${bound}/webhooks/spherepay`, secret: config.spherepay.webhookSecret });

  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    ...(sandbox ? { sandbox: { url: sandbox.url, clock: sandbox.clock } } : {}),
    close() {
      closing ??= (async () => {
        events.closeAll();
        const drained = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const timer = setTimeout(() => http.closeAllConnections(), DRAIN_MS);
        await drained;
        clearTimeout(timer);
        await sandbox?.close();
        await store.close();
        logger.flush?.();
      })();
      return closing;
    },
  };
}
