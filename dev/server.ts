/**
 * The composition root of `npm start`: the proxy, and when no
 * SPHEREPAY_API_KEY is set, the SpherePay sandbox on a loopback port (reached
 * over real HTTP, like production) and the demo merchant site. Only this
 * folder knows all three; they meet over HTTP. Tests and the bench start the
 * same composition.
 */
import { randomBytes } from 'node:crypto';
import { demoSite } from '../demo/server/site.ts';
import { startServer, type RampServer, type ServerOverrides } from '../proxy-server/server.ts';
import { startSandbox } from '../sandbox/server.ts';

export interface DevServer extends RampServer {
  /** The embedded sandbox, when there is no API key. */
  sandbox?: { url: string; clock: { now(): Date; advance(s: number): void } };
}

export async function startDevServer(env: NodeJS.ProcessEnv, overrides: Omit<ServerOverrides, 'compose'> = {}): Promise<DevServer> {
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  const server = await startServer(env, {
    ...overrides,
    async compose({ url, port, config: loaded }) {
      let config = loaded;
      if (loaded.sandbox) {
        const publicUrl = loaded.publicUrl ?? ((overrides.port ?? loaded.port) === 0 ? url : `http://localhost:${port}`);
        sandbox = await startSandbox({
          apiKey: loaded.spherepay.apiKey,
          webhook: { url: `http://127.0.0.1:${port}/webhooks/spherepay`, secret: loaded.spherepay.webhookSecret },
          autopilot: loaded.sandboxAutopilot ? {} : false,
          publicUrl,
          port: 0,
          host: '127.0.0.1',
        });
        config = {
          ...loaded,
          publicUrl,
          spherepay: { ...loaded.spherepay, baseUrl: sandbox.url },
          allowedOrigins: loaded.allowedOrigins.length ? loaded.allowedOrigins : [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
          // The demo's backend receives merchant webhooks, unless the merchant named their own receiver.
          merchantWebhook: loaded.merchantWebhook ?? {
            url: `http://127.0.0.1:${port}/demo/webhooks`, secret: 'dev_' + randomBytes(18).toString('base64url'),
            backoffMs: 10_000, timeoutMs: 10_000, pollMs: 2_000,
          },
        };
      }
      const demo = config.sandbox || config.sandboxControls;
      const webhookSecret = config.merchantWebhook?.secret;
      return {
        config,
        ...(demo ? { site: demoSite({ serverSecret: config.serverSecret, sandbox: config.sandboxControls, ...(webhookSecret ? { webhookSecret } : {}) }) } : {}),
        close: async () => sandbox?.close(),
      };
    },
  });
  return Object.assign(server, sandbox ? { sandbox: { url: sandbox.url, clock: sandbox.clock } } : {});
}
