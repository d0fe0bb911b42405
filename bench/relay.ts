/**
 * The proxy's relay against calling the sandbox directly, in the same run:
 * the same read (`GET customer/{id}`) through `/api/v2` with a session token
 * and straight to the sandbox with the API key. One connection for latency
 * (no queueing), ten for throughput.
 */
import { createRequire } from 'node:module';
import { API_KEY, SERVER_SECRET } from './stack.ts';

interface AutocannonResult {
  requests: { average: number };
  latency: { mean: number; p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function json(res: Response) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** A session and a customer to read, made through the proxy like the widget would. */
async function arrange(proxyUrl: string) {
  const { token } = await json(
    await fetch(`${proxyUrl}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVER_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ externalUserId: 'bench-user' }),
    }),
  );
  const customer = await json(
    await fetch(`${proxyUrl}/api/v2/customer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'individual',
        email: 'bench@example.com',
        phone: '+14155550123',
        address: { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' },
      }),
    }),
  );
  return { token: String(token), customerId: String(customer.id) };
}

async function measure(url: string, headers: Record<string, string>, connections: number, duration: number) {
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

export async function relayFigures(proxyUrl: string, sandboxUrl: string, seconds = 3) {
  const { token, customerId } = await arrange(proxyUrl);
  const viaProxy = [`${proxyUrl}/api/v2/customer/${customerId}`, { authorization: `Bearer ${token}` }] as const;
  const direct = [`${sandboxUrl}/v2/customer/${customerId}`, { authorization: `Bearer ${API_KEY}` }] as const;
  const proxyLatency = await measure(...viaProxy, 1, seconds);
  const directLatency = await measure(...direct, 1, seconds);
  const proxyLoad = await measure(...viaProxy, 10, seconds);
  const directLoad = await measure(...direct, 10, seconds);
  return {
    throughput: { proxy: proxyLoad.requests.average, direct: directLoad.requests.average },
    latencyMean: { proxy: proxyLatency.latency.mean, direct: directLatency.latency.mean },
    latencyP50: { proxy: proxyLatency.latency.p50, direct: directLatency.latency.p50 },
    latencyP99: { proxy: proxyLatency.latency.p99, direct: directLatency.latency.p99 },
  };
}
