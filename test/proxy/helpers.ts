/**
 * The proxy in front of the real sandbox, on ephemeral ports with a temp
 * SQLite file. `startStack()` embeds the sandbox (no API key);
 * `startStack({ external: true })` runs the production topology instead: a
 * separate sandbox with its own key, reached through a small forwarding
 * server that counts every upstream request.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { startDevServer as startServer, type DevServer as RampServer } from '../../dev/server.ts';
import { startSandbox } from '../../sandbox/server.ts';
import type { SessionPolicy } from '../../contract/proxy-api.ts';

export const SERVER_SECRET = 'test-server-secret';
export const API_KEY = 'sk_test_proxy_' + 'k'.repeat(24);
export const WEBHOOK_SECRET = 'whsec_test_proxy_secret';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** Collects pino lines, for asserting what was (not) logged. */
export function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, stream };
}

export interface StackOptions {
  external?: boolean;
  env?: Record<string, string>;
  db?: string;
  now?: () => Date;
  logs?: ReturnType<typeof logCapture>;
  /** External mode: put something (a failure switch) between the proxy and the counting forwarder. */
  wrapUpstream?: (url: string) => Promise<{ url: string; webhooks?: (proxyWebhookUrl: string) => string }>;
}

export async function startStack(o: StackOptions = {}) {
  const db = o.db ?? join(mkdtempSync(join(tmpdir(), 'ramp-proxy-')), 'ramp.db');
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  let counter: Awaited<ReturnType<typeof startCounter>> | undefined;
  const env: Record<string, string> = {
    RAMP_DB: db, LOG_LEVEL: o.logs ? 'debug' : 'silent', RAMP_SERVER_SECRET: SERVER_SECRET, RAMP_SANDBOX_AUTOPILOT: '0',
    RAMP_RATE_LIMIT_IP: '100000', RAMP_RATE_LIMIT_SESSION: '100000',
  };
  /** Where the sandbox's webhooks go, given the proxy's endpoint (a wrapper may sit in between). */
  let webhooks = (proxyWebhookUrl: string) => proxyWebhookUrl;
  if (o.external) {
    sandbox = await startSandbox({ apiKey: API_KEY, webhook: { secret: WEBHOOK_SECRET } });
    counter = await startCounter(sandbox.url);
    const wrapped = o.wrapUpstream ? await o.wrapUpstream(counter.url) : { url: counter.url };
    if (wrapped.webhooks) webhooks = wrapped.webhooks;
    Object.assign(env, {
      SPHEREPAY_API_KEY: API_KEY, SPHEREPAY_BASE_URL: wrapped.url, SPHEREPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, RAMP_SANDBOX_CONTROLS: '1',
    });
  } else {
    env.SPHEREPAY_API_KEY = '';
  }
  Object.assign(env, o.env);
  const start = async () => {
    const server = await startServer(env, {
      port: 0, host: '127.0.0.1',
      ...(o.now ? { now: o.now } : {}),
      ...(o.logs ? { logDestination: o.logs.stream } : {}),
    });
    sandbox?.setWebhook({ url: webhooks(`${server.url}/webhooks/spherepay`), secret: WEBHOOK_SECRET });
    return server;
  };
  const server = await start();
  const clock = sandbox?.clock ?? server.sandbox!.clock;
  return new Stack(server, db, clock, counter, start, async () => {
    await sandbox?.close();
    await counter?.close();
  });
}

export class Stack {
  constructor(
    public server: RampServer,
    readonly db: string,
    readonly clock: { advance(s: number): void },
    readonly counter: Awaited<ReturnType<typeof startCounter>> | undefined,
    private readonly start: () => Promise<RampServer>,
    private readonly closeRest: () => Promise<void>,
  ) {}

  async close() {
    await this.server.close();
    await this.closeRest();
  }

  /** Stops the proxy and starts it again on the same database (the upstream keeps running in external mode). */
  async restart() {
    await this.server.close();
    this.server = await this.start();
  }

  get url() {
    return this.server.url;
  }

  async call(token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body);
      if (body instanceof FormData) delete (init.headers as Record<string, string>)['content-type'];
    }
    const res = await fetch(this.url + path, init);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  async mint(externalUserId: string, extra: Record<string, unknown> = {}) {
    const r = await this.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId, ...extra });
    if (r.status !== 201) throw new Error(`mint failed: ${r.status} ${r.text}`);
    return r.body as { token: string; expiresAt: string; customerId: string | null; policy: SessionPolicy };
  }

  /** A session whose user has a customer (individual, not yet approved). */
  async customer(user: string, overrides: Record<string, unknown> = {}) {
    const { token } = await this.mint(user);
    const r = await this.call(token, 'POST', '/api/v2/customer', individual(overrides));
    if (r.status !== 201) throw new Error(`customer create failed: ${r.status} ${r.text}`);
    return { token, customerId: r.body.id as string };
  }

  /** A session whose customer is approved: tax id at creation, a passport, review, approval. */
  async approved(user: string) {
    const s = await this.customer(user);
    const up = await this.call(s.token, 'POST', '/api/v2/document', passportForm(s.customerId));
    if (up.status !== 201) throw new Error(`document upload failed: ${up.status} ${up.text}`);
    this.clock.advance(5);
    await this.call(s.token, 'GET', `/api/v2/customer/${s.customerId}`);
    const ok = await this.call(s.token, 'POST', '/api/sandbox/customer/approve');
    if (ok.status !== 200) throw new Error(`approve failed: ${ok.status} ${ok.text}`);
    return s;
  }

  /** An approved customer with a USD bank account and an Ethereum wallet. */
  async funded(user: string) {
    const s = await this.approved(user);
    const bank = await this.call(s.token, 'POST', '/api/v2/bank-account', bankAccount());
    if (bank.status !== 201) throw new Error(`bank account failed: ${bank.status} ${bank.text}`);
    const wallet = await this.call(s.token, 'POST', '/api/v2/wallet', { address: EVM_ADDRESS, network: 'ethereum' });
    if (wallet.status !== 201) throw new Error(`wallet failed: ${wallet.status} ${wallet.text}`);
    return { ...s, bankId: bank.body.id as string, walletId: wallet.body.id as string };
  }
}

export const EVM_ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';
export const ADDRESS = { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' };

export const individual = (overrides: Record<string, unknown> = {}) => ({
  type: 'individual',
  email: 'jane@example.com',
  phone: '+14155550123',
  address: ADDRESS,
  personalInformation: {
    firstName: 'Jane', lastName: 'Smith', taxIdentificationNumber: '123-45-6789', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA',
  },
  meta: { sandboxRequire: 'none' },
  ...overrides,
});

export const bankAccount = (overrides: Record<string, unknown> = {}) => ({
  bankName: 'Chase',
  accountName: 'Jane Checking',
  currency: 'usd',
  accountDetails: { accountNumber: '123456789', routingNumber: '021000021', accountType: 'checking' },
  networks: ['ach'],
  accountOwner: { accountHolderName: 'Jane Smith', address: ADDRESS },
  ...overrides,
});

export const onRamp = (bankId: string, walletId: string, amount = '100.00') => ({
  amount,
  source: { type: 'bank_account', id: bankId, currency: 'usd', network: 'ach' },
  destination: { type: 'wallet', id: walletId, currency: 'usdc', network: 'ethereum' },
});

export const PDF = new TextEncoder().encode('%PDF-1.4\n%test document\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export function passportForm(customerId?: string, file: Uint8Array = PDF, declaredType = 'application/pdf') {
  const form = new FormData();
  form.append('target', 'customer');
  if (customerId) form.append('targetId', customerId);
  form.append('documentType', 'passport');
  form.append('country', 'USA');
  form.append('file', new Blob([file as Uint8Array<ArrayBuffer>], { type: declaredType }), 'passport.pdf');
  return form;
}

/**
 * Forwards everything to `target`, counting requests by "METHOD /path". A
 * request for which `intercept` returns true is left to it instead (a test
 * that stalls or drops a call).
 */
export async function startCounter(target: string, intercept?: (key: string, req: IncomingMessage, res: ServerResponse) => boolean) {
  const t = new URL(target);
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    seen.push(key);
    if (intercept?.(key, req, res)) return;
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    count: (prefix = '') => seen.filter((s) => s.includes(prefix)).length,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** Reads an SSE response (fetch + stream reader, as the widget does) into parsed events. */
export function readEvents(res: Response) {
  const events: { id?: string; event?: string; data?: any }[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let comments = 0;
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const e: { id?: string; event?: string; data?: any } = {};
        let isEvent = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments++;
          const [k, ...rest] = line.split(': ');
          const v = rest.join(': ');
          if (k === 'id') e.id = v;
          if (k === 'event') (e.event = v), (isEvent = true);
          if (k === 'data') e.data = JSON.parse(v);
        }
        if (isEvent) events.push(e);
        waiters.splice(0).forEach((w) => w());
      }
    }
  })();
  return {
    events,
    get comments() {
      return comments;
    },
    /** Resolves when `predicate` holds, or rejects after `ms`. */
    async until(predicate: () => boolean, ms = 3000) {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out; events so far: ${JSON.stringify(events.map((e) => e.event))}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, left);
          waiters.push(() => (clearTimeout(t), r()));
        });
      }
    },
    cancel: () => reader.cancel().catch(() => {}),
    done,
  };
}

export async function openEvents(stack: Stack, token: string, lastEventId?: string) {
  const res = await fetch(stack.url + '/api/events', {
    headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
  });
  return { res, stream: readEvents(res) };
}
