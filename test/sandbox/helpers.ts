/** Starts a sandbox on an ephemeral port with a frozen clock and predictable ids, and speaks to it. */
import { createClock, type Clock } from '../../proxy-server/sandbox/clock.ts';
import type { SandboxOptions } from '../../proxy-server/sandbox/app.ts';
import { startSandbox } from '../../proxy-server/sandbox/server.ts';

export const API_KEY = 'sk_test_sandbox';
export const START = new Date('2026-03-01T12:00:00.000Z');

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Ids like `customer_0000…0001`: predictable, still matching SpherePay's patterns. */
export function counterIds() {
  let n = 0;
  return (prefix: string, hexLength: number) => `${prefix}_${(++n).toString(16).padStart(hexLength, '0')}`;
}

export async function startTestSandbox(options: Partial<SandboxOptions> = {}) {
  const clock: Clock = options.clock ?? createClock(START);
  const sandbox = await startSandbox({ apiKey: API_KEY, clock, ids: counterIds(), rateLimitPerSecond: 100_000, ...options });

  async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${API_KEY}`, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body);
      if (!(body instanceof FormData) && !('content-type' in headers)) (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(sandbox.url + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (hosted pages): keep the text.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  return {
    sandbox,
    clock,
    url: sandbox.url,
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
    del: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
    call,
    close: () => sandbox.close(),
  };
}
export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export const ADDRESS = { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' };

export function individual(overrides: Record<string, unknown> = {}) {
  return {
    type: 'individual',
    email: 'jane.smith@example.com',
    phone: '+14155550123',
    address: ADDRESS,
    personalInformation: {
      firstName: 'Jane',
      lastName: 'Smith',
      dateOfBirth: '1990-04-12',
      taxIdentificationNumber: '123-45-6789',
      taxIdentificationNumberType: 'ssn',
      taxIdentificationNumberCountry: 'USA',
    },
    ...overrides,
  };
}

export function business(overrides: Record<string, unknown> = {}) {
  return {
    type: 'business',
    email: 'ops@acme.example',
    phone: '+14155550999',
    addresses: [
      { ...ADDRESS, type: 'registered' },
      { ...ADDRESS, type: 'operating' },
    ],
    businessInformation: {
      legalName: 'Acme Widgets Inc.',
      tradeName: 'Acme',
      description: 'Makes widgets',
      entityType: 'corporation',
      naicsCode: '332999',
      website: 'https://acme.example',
      incorporatedOn: '2015-06-01',
      identificationNumberType: 'ein',
      identificationNumber: '12-3456789',
      estimatedAnnualRevenueInUsd: '1000000-5000000',
      expectedMonthlyPaymentsInUsd: '100000-500000',
      accountPurpose: 'treasury',
      primarySourceOfFunds: 'sales',
      regulatedActivities: 'none',
    },
    ...overrides,
  };
}

/** A one-page PDF's first bytes: enough for the magic-byte check. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n%sandbox test document\n');
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

export function documentForm(fields: Record<string, string>, file: Uint8Array<ArrayBuffer> = PDF, fileName = 'document.pdf', type = 'application/pdf') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([file], { type }), fileName);
  return form;
}

/** An individual that needs only an ID document, approved through the documented steps and controls. */
export async function approvedIndividual(s: TestSandbox, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' }, ...overrides }));
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const doc = await s.post('/v2/document', documentForm({ targetId: id, target: 'customer', documentType: 'passport', country: 'USA' }));
  if (doc.status !== 201) throw new Error(`document failed: ${JSON.stringify(doc.body)}`);
  await s.post('/_sandbox/clock', { advanceSeconds: 2 });
  const approved = await s.post(`/_sandbox/customer/${id}/approve`);
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  return id;
}
