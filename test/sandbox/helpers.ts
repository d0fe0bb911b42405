/** Starts a sandbox on an ephemeral port with a frozen clock and predictable ids, and speaks to it. */
import { createClock, type Clock } from '../../sandbox/clock.ts';
import type { SandboxOptions } from '../../sandbox/app.ts';
import { startSandbox } from '../../sandbox/server.ts';

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

export const EVM_ADDRESS = '0x52908400098527886e0f7030069857d2e4169ee7';
export const SOL_ADDRESS = '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU';
export const TRON_ADDRESS = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

export function usdAccount(customerId: string, overrides: Record<string, unknown> = {}) {
  return {
    customerId, bankName: 'Chase', accountName: 'Jane Checking', currency: 'usd',
    accountDetails: { accountNumber: '1234567890', routingNumber: '021000021', accountType: 'checking' },
    accountOwner: { accountHolderName: 'Jane Smith', address: ADDRESS },
    networks: ['ach', 'wire'],
    ...overrides,
  };
}

export function eurAccount(customerId: string) {
  return {
    customerId, bankName: 'Commerzbank', accountName: 'Jane EUR', currency: 'eur',
    accountDetails: { iban: 'DE89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' },
    accountOwner: { accountHolderName: 'Jane Smith', address: ADDRESS },
    networks: ['sepa'],
  };
}

export function brlAccount(customerId: string) {
  return {
    customerId, bankName: 'Nubank', accountName: 'Jane PIX', currency: 'brl',
    accountDetails: { pixKey: '12345678901', pixKeyType: 'cpf' },
    accountOwner: { accountHolderName: 'Jane Smith', address: ADDRESS },
    networks: ['pix'],
  };
}

/** An approved individual with a USD bank account and a polygon wallet: ready to transfer. */
export async function readyCustomer(s: TestSandbox) {
  const customer = await approvedIndividual(s);
  const bank = await s.post('/v2/bank-account', usdAccount(customer));
  const wallet = await s.post('/v2/wallet', { customerId: customer, address: EVM_ADDRESS, network: 'polygon' });
  if (bank.status !== 201 || wallet.status !== 201) throw new Error(`instruments failed: ${JSON.stringify([bank.body, wallet.body])}`);
  return { customer, bank: bank.body.id as string, wallet: wallet.body.id as string };
}
