/**
 * The guarded relay against pass-throughs of the same requests, in the same
 * run, each server in its own process: a GET (`customer/{id}`) and a POST
 * (`wallet`, schema- and ownership-checked) at 50 connections with keep-alive.
 */
import { createRequire } from 'node:module';

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; method?: string; headers: Record<string, string>; body?: string }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const CONNECTIONS = 50;

async function json(res: Response) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** A session and a customer to read, made through the proxy like the widget would. */
export async function arrange(proxyUrl: string, serverSecret: string) {
  const { token } = await json(
    await fetch(`${proxyUrl}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${serverSecret}`, 'content-type': 'application/json' },
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

export interface Load {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export async function measure(baseUrl: string, token: string, load: Load, seconds: number) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (load.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: `${baseUrl}${load.path}`,
    method: load.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    ...(load.body !== undefined ? { body: JSON.stringify(load.body) } : {}),
  });
  if (result.non2xx || result.errors) throw new Error(`${load.method} ${baseUrl}${load.path}: ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}
