/** The SpherePay sandbox in its own process, rate limit lifted (the bench measures the relay, not the limiter). */
import { startSandbox } from '../../sandbox/server.ts';

const sandbox = await startSandbox({
  apiKey: process.env.BENCH_API_KEY!,
  webhook: { secret: process.env.BENCH_WEBHOOK_SECRET! },
  rateLimitPerSecond: 1_000_000,
  host: '127.0.0.1',
  port: 0,
});
if (process.env.BENCH_WEBHOOK_URL) sandbox.setWebhook({ url: process.env.BENCH_WEBHOOK_URL, secret: process.env.BENCH_WEBHOOK_SECRET! });
console.log(`LISTENING ${sandbox.url}`);
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
