/**
 * Helpers for the money tests: an approved customer made through the proxy
 * the way the widget's onboarding would (customer, identity document, then
 * the sandbox's approve control), and instruments arranged through the API.
 */

import type { SphereRamp } from '../../../widget/sphere-ramp/sphere-ramp.ts';
import { api, click, deepQuery, fill, sandbox, sessionFor, settle, waitUntil } from './ramp.ts';

/** A 1x1 PNG: the sandbox checks the magic bytes of uploads. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

export const ADDRESSES = {
  sol: '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU',
  base: '0x52908400098527886E0F7030069857D2E4169EE7',
  /** The same address with one letter's case flipped: fails EIP-55. */
  baseBadChecksum: '0x52908400098527886E0F7030069857D2E4169Ee7',
  polygon: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  tron: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  tronBadChecksum: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u',
} as const;

const owner = {
  accountHolderName: 'Ada Lovelace',
  address: { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' },
};

interface Customer {
  id: string;
  verificationProfiles: { status: string }[];
}

/**
 * Creates `user`'s customer with only the base criteria (sandbox
 * `meta.sandboxRequire: "none"`), uploads a passport, waits for the
 * sandbox's short document review to put the profile in `pending`, then
 * approves it. Returns the customer id.
 */
/** A customer whose pending profiles are approved: all of them, or only `profile` (D13: e.g. `kyc_profile_a`, leaving BRL's `kyc_profile_b` pending). */
export async function approvedCustomer(user: string, profile?: string): Promise<string> {
  const customer = await api<Customer>(user, 'customer', {
    body: {
      type: 'individual',
      email: `${user.replace(/[^a-z0-9-]/gi, '')}@example.com`,
      phone: '+14155550123',
      address: owner.address,
      personalInformation: { taxIdentificationNumber: '123456789', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' },
      meta: { sandboxRequire: 'none' },
    },
  });
  const { token } = await sessionFor(user);
  const form = new FormData();
  form.set('targetId', customer.id);
  form.set('target', 'customer');
  form.set('documentType', 'passport');
  form.set('country', 'USA');
  form.set('file', new Blob([PNG], { type: 'image/png' }), 'passport.png');
  const upload = await fetch('/api/v2/document', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (!upload.ok) throw new Error(`document: ${upload.status} ${await upload.text()}`);
  // The review takes a couple of seconds of sandbox time; real time is used so other tests' clocks are left alone.
  await waitUntil(async () => (await api<Customer>(user, `customer/${customer.id}`)).verificationProfiles[0]?.status === 'pending', 'customer pending', {
    timeout: 10000,
    interval: 250,
  });
  await sandbox(user, 'customer/approve', profile ? { profile } : undefined);
  return customer.id;
}

export interface Instrument {
  id: string;
}

export function addUsdBankAccount(user: string, customerId: string, networks: ('ach' | 'wire')[] = ['ach']) {
  return api<Instrument>(user, 'bank-account', {
    body: {
      customerId, bankName: 'Chase', accountName: 'Main checking', currency: 'usd', networks, accountOwner: owner,
      accountDetails: { accountNumber: '1234567890', routingNumber: '021000021', accountType: 'checking' },
    },
  });
}

export function addEurBankAccount(user: string, customerId: string) {
  return api<Instrument>(user, 'bank-account', {
    body: {
      customerId, bankName: 'Commerzbank', accountName: 'Euro account', currency: 'eur', networks: ['sepa'], accountOwner: owner,
      accountDetails: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    },
  });
}

export function addBrlBankAccount(user: string, customerId: string) {
  return api<Instrument>(user, 'bank-account', {
    body: {
      customerId, bankName: 'Banco do Brasil', accountName: 'Conta PIX', currency: 'brl', networks: ['pix'], accountOwner: owner,
      accountDetails: { pixKey: 'ada@example.com', pixKeyType: 'email' },
    },
  });
}

export function addWallet(user: string, customerId: string, network: keyof typeof ADDRESSES & ('sol' | 'base' | 'polygon' | 'tron')) {
  return api<Instrument>(user, 'wallet', { body: { customerId, network, address: ADDRESSES[network] } });
}

export interface TransferList {
  data: { id: string; status: string; externalId?: string | null; fees?: { integratorFee: { fixedAmount: string; bpsRate: string } } }[];
  pagination: { total: number };
}

export const transfersOf = (user: string, customerId: string) => api<TransferList>(user, `transfer?customer=${customerId}&limit=100`);

/** Clicks the button named `name` inside the first `host` element (a sub-form) in the widget. */
export async function clickIn(el: SphereRamp, host: string, name: string): Promise<void> {
  const scope = deepQuery(el.shadowRoot!, host);
  if (!scope?.shadowRoot) throw new Error(`no ${host}`);
  const found = [...scope.shadowRoot.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
  if (!found) throw new Error(`no button ${name} in ${host}`);
  found.click();
  await settle(el);
}

/** Waits until the widget has fired `type` at least `count` times. */
export const waitForEvent = (events: CustomEvent[], type: string, count = 1, timeout = 15000) =>
  waitUntil(() => events.filter((e) => e.type === type).length >= count, `${count} ${type} event(s)`, { timeout });

export const eventsOf = <T = Record<string, unknown>>(events: CustomEvent[], type: string) => events.filter((e) => e.type === type).map((e) => e.detail as T);

/** The followed transfer's status as the widget shows it (the status notice's data attribute). */
export const shownStatus = (el: SphereRamp) => deepQuery(el.shadowRoot!, '[part="status"]')?.dataset.status;

/**
 * The amount screen: types `amount`, waits for the live estimate of that
 * amount, and continues to the instruments (or the focused "add" sub-step
 * when none is saved).
 */
export async function continueWithAmount(el: SphereRamp, amount: string): Promise<void> {
  await waitUntil(() => deepQuery(el.shadowRoot!, '[data-pointer="/amount"]'), 'amount field');
  await fill(el, '/amount', amount);
  // Shown the English way ("$1,234.50"): compare without the thousands separators.
  await waitUntil(() => deepQuery(el.shadowRoot!, '[data-value="source"]')?.textContent?.replace(/,/g, '').includes(normalize(amount)), 'estimate for the amount');
  await click(el, 'Continue');
  await waitUntil(
    () => deepQuery(el.shadowRoot!, '#instruments-title, sphere-ramp-bank-account-form, sphere-ramp-wallet-form'),
    'instruments or an add sub-step',
  );
}

const normalize = (amount: string) => (amount.includes('.') ? amount.padEnd(amount.indexOf('.') + 3, '0') : `${amount}.00`);
