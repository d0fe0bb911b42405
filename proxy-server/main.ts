/**
 * The proxy as a merchant deploys it: `node --import tsx proxy-server/main.ts`
 * with SPHEREPAY_API_KEY set. (`npm start` is the development composition in
 * dev/: the same proxy, plus the embedded sandbox and the demo when no key is set.)
 */
import { ConfigError, loadConfig } from './config.ts';
import { runFromCommandLine } from './run.ts';
import { startServer } from './server.ts';

await runFromCommandLine(async () => {
  if (loadConfig(process.env).sandbox) {
    throw new ConfigError('SPHEREPAY_API_KEY: required (run `npm start` for the embedded sandbox and demo)');
  }
  const server = await startServer(process.env);
  const { config } = server;
  const banner = [
    `sphere-ramp proxy listening on ${server.url}`,
    `SpherePay: ${config.spherepay.baseUrl}`,
    `allowed origins: ${config.allowedOrigins.join(', ') || '(none: same origin only)'}`,
  ];
  return { close: () => server.close(), banner };
});
