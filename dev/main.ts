/** `npm start`: the proxy, with the embedded sandbox and the demo when SPHEREPAY_API_KEY is unset. */
import { ConfigError } from '../proxy-server/config.ts';
import { startDevServer } from './server.ts';

try {
  const server = await startDevServer(process.env);
  const { config } = server;
  const lines = [`sphere-ramp proxy listening on ${server.url}`];
  if (server.sandbox) {
    lines.push(`SANDBOX MODE: SpherePay is imitated by the embedded sandbox at ${server.sandbox.url} (no SPHEREPAY_API_KEY set)`);
    lines.push(`  auto-pilot: ${config.sandboxAutopilot ? 'on' : 'off'} (RAMP_SANDBOX_AUTOPILOT)`);
    const secrets: Record<string, string> = {
      SPHEREPAY_API_KEY: config.spherepay.apiKey,
      SPHEREPAY_WEBHOOK_SECRET: config.spherepay.webhookSecret,
      RAMP_SERVER_SECRET: config.serverSecret,
    };
    if (config.generated.length) lines.push('  generated development secrets (this run only):');
    for (const name of config.generated) lines.push(`    ${name}=${secrets[name]}`);
  } else {
    lines.push(`SpherePay: ${config.spherepay.baseUrl}`);
  }
  lines.push(`allowed origins: ${config.allowedOrigins.join(', ') || '(none: same origin only)'}`);
  console.log(lines.join('\n'));

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
