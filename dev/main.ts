/** `npm start`: the proxy, with the embedded sandbox and the demo when SPHEREPAY_API_KEY is unset. */
import { runFromCommandLine } from '../proxy-server/run.ts';
import { startDevServer } from './server.ts';

await runFromCommandLine(async () => {
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
  return { close: () => server.close(), banner: lines };
});
