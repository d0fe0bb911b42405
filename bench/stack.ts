/**
 * The bench's server side, in the production topology: a sandbox on its own
 * port (rate limit lifted, so it measures the relay and not the limiter) and
 * the proxy pointed at it over HTTP, with the demo site on (sandbox controls).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { startDevServer as startServer } from '../dev/server.ts';

export const API_KEY = 'sk_bench_' + 'b'.repeat(24);
export const SERVER_SECRET = 'bench-server-secret';
const WEBHOOK_SECRET = 'whsec_bench_secret';

export async function startBenchStack() {
  const sandbox = await startSandbox({ apiKey: API_KEY, webhook: { secret: WEBHOOK_SECRET }, rateLimitPerSecond: 1_000_000 });
  const proxy = await startServer(
    {
      SPHEREPAY_API_KEY: API_KEY,
      SPHEREPAY_BASE_URL: sandbox.url,
      SPHEREPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      RAMP_SERVER_SECRET: SERVER_SECRET,
      RAMP_SANDBOX_CONTROLS: '1',
      RAMP_DB: join(mkdtempSync(join(tmpdir(), 'ramp-bench-')), 'ramp.db'),
      RAMP_RATE_LIMIT_IP: '1000000',
      RAMP_RATE_LIMIT_SESSION: '1000000',
      LOG_LEVEL: 'silent',
    },
    { port: 0, host: '127.0.0.1' },
  );
  sandbox.setWebhook({ url: `${proxy.url}/webhooks/spherepay`, secret: WEBHOOK_SECRET });
  return {
    proxyUrl: proxy.url,
    sandboxUrl: sandbox.url,
    async close() {
      await proxy.close();
      await sandbox.close();
    },
  };
}
