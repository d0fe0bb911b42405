/**
 * The proxy as a merchant deploys it: `node --import tsx proxy-server/main.ts`
 * with SPHEREPAY_API_KEY set. (`npm start` is the development composition in
 * dev/: the same proxy, plus the embedded sandbox and the demo when no key is set.)
 */
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

try {
  if (loadConfig(process.env).sandbox) {
    throw new ConfigError('SPHEREPAY_API_KEY: required (run `npm start` for the embedded sandbox and demo)');
  }
  const server = await startServer(process.env);
  const { config } = server;
  console.log(
    [
      `sphere-ramp proxy listening on ${server.url}`,
      `SpherePay: ${config.spherepay.baseUrl}`,
      `allowed origins: ${config.allowedOrigins.join(', ') || '(none: same origin only)'}`,
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
