/** The proxy with the demo site (npm start's composition, sandbox over HTTP), in its own process. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../dev/server.ts';

const proxy = await startDevServer(
  {
    SPHEREPAY_API_KEY: process.env.BENCH_API_KEY!,
    SPHEREPAY_BASE_URL: process.env.BENCH_SANDBOX_URL!,
    SPHEREPAY_WEBHOOK_SECRET: process.env.BENCH_WEBHOOK_SECRET!,
    RAMP_SERVER_SECRET: process.env.BENCH_SERVER_SECRET!,
    RAMP_SANDBOX_CONTROLS: '1',
    RAMP_DB: join(mkdtempSync(join(tmpdir(), 'ramp-bench-')), 'ramp.db'),
    RAMP_RATE_LIMIT_IP: '1000000',
    RAMP_RATE_LIMIT_SESSION: '1000000',
    LOG_LEVEL: 'silent',
  },
  { port: Number(process.env.BENCH_PROXY_PORT ?? 0), host: '127.0.0.1' },
);
console.log(`LISTENING ${proxy.url}`);
process.on('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
