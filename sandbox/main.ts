/** `npm run sandbox`: the sandbox alone, for people testing their own SpherePay client. */
import { randomBytes } from 'node:crypto';
import { startSandbox } from './server.ts';

const env = process.env;
const generated: string[] = [];
const orGenerate = (name: string, prefix: string) => {
  const value = env[name];
  if (value) return value;
  generated.push(name);
  return `${prefix}${randomBytes(24).toString('hex')}`;
};

const port = Number(env.SANDBOX_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got "${env.SANDBOX_PORT}"`);
  process.exit(1);
}
const apiKey = orGenerate('SANDBOX_API_KEY', 'sk_sandbox_');
const secret = orGenerate('SANDBOX_WEBHOOK_SECRET', 'secret_');
const webhookUrl = env.SANDBOX_WEBHOOK_URL || undefined;
if (webhookUrl && !URL.canParse(webhookUrl)) {
  console.error(`SANDBOX_WEBHOOK_URL must be a URL, got "${webhookUrl}"`);
  process.exit(1);
}

const sandbox = await startSandbox({
  apiKey,
  port,
  host: env.SANDBOX_HOST ?? '127.0.0.1',
  webhook: { ...(webhookUrl ? { url: webhookUrl } : {}), secret },
  autopilot: env.SANDBOX_AUTOPILOT === '1' ? {} : false,
  ...(env.SANDBOX_PUBLIC_URL ? { publicUrl: env.SANDBOX_PUBLIC_URL } : {}),
});

console.log(`SpherePay v2 sandbox listening on ${sandbox.url}`);
if (generated.includes('SANDBOX_API_KEY')) console.log(`  SANDBOX_API_KEY (generated):        ${apiKey}`);
if (generated.includes('SANDBOX_WEBHOOK_SECRET')) console.log(`  SANDBOX_WEBHOOK_SECRET (generated): ${secret}`);
console.log(`  webhooks: ${webhookUrl ?? 'not delivered (set SANDBOX_WEBHOOK_URL)'}`);
console.log(`  auto-pilot: ${env.SANDBOX_AUTOPILOT === '1' ? 'on' : 'off'}; controls under ${sandbox.url}/_sandbox/ (see docs/sandbox.md)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
