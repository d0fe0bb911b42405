/**
 * Helpers for onboarding tests: fill the profile forms like a person, make
 * document files, and complete the sandbox's hosted pages the way a person
 * confirming in the new window would (the page posts its form back).
 */

import type { SphereRamp } from '../../../widget/sphere-ramp/sphere-ramp.ts';
import { deepQuery, fill, sessionFor, settle, waitUntil } from './ramp.ts';
import { PERSON_FORM } from '../person.ts';

export const INDIVIDUAL = PERSON_FORM;

/** An individual create body for arranging state through the API. */
export const individualBody = (sandboxRequire = 'none') => ({
  type: 'individual',
  email: 'sam.lee@example.com',
  phone: '+14155550123',
  address: { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'USA' },
  personalInformation: { taxIdentificationNumber: '123456789', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' },
  meta: { sandboxRequire },
});

export async function chooseKind(el: SphereRamp, kind: 'individual' | 'business') {
  const radio = deepQuery<HTMLInputElement>(el.shadowRoot!, `input[type="radio"][value="${kind}"]`)!;
  radio.click();
  // The form loads when chosen (it is not on the first screen): a person sees it appear.
  await waitUntil(() => deepQuery(el.shadowRoot!, `sphere-ramp-${kind}-form`)?.shadowRoot?.querySelector('form'), `the ${kind} form to appear`);
  await settle(el);
}

export async function fillAll(el: SphereRamp, values: Record<string, string>) {
  for (const [pointer, value] of Object.entries(values)) await fill(el, pointer, value);
}

/** A file whose first bytes are a real PDF header, padded to `size`. */
export function pdf(name = 'passport.pdf', size = 2048): File {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return new File([bytes], name, { type: 'application/pdf' });
}

/** Picks a file in a document drop zone as the file picker would. */
export async function pickFile(el: SphereRamp, file: File, side: 'front' | 'back' = 'front', scope: ParentNode = el.shadowRoot!) {
  const input = deepQuery<HTMLInputElement>(scope, `input[type="file"][data-side="${side}"]`)!;
  // The file is checked asynchronously (its first bytes are read); the upload element then
  // records what was chosen (a new object each time), which is what this waits for.
  const upload = (input.getRootNode() as ShadowRoot).host as unknown as { chosen: object };
  const before = upload.chosen;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => upload.chosen !== before, `the check of ${file.name}`);
  await settle(el);
}

/** The checklist entry for a criterion group, and its status. */
export function entry(el: SphereRamp, group: string): HTMLElement | undefined {
  return deepQuery<HTMLElement>(el.shadowRoot!, `[data-criterion="${group}"]`);
}

/**
 * Waits for a checklist entry to reach one of `statuses`. `complete` is also
 * met when the checklist is gone because the profile went to review: other
 * test files move the shared sandbox clock, which can finish a document
 * review early, so the last action completes the whole profile at once.
 */
export async function waitForStatus(el: SphereRamp, group: string, statuses: string | string[], timeout = 15000) {
  const wanted = [statuses].flat();
  const reviewed = () => wanted.includes('complete') && ['review', 'rejected', 'ramp'].includes(el.step);
  await waitUntil(() => wanted.includes(entry(el, group)?.dataset.status ?? '') || reviewed(), `${group} ${wanted.join('|')} (now ${entry(el, group)?.dataset.status})`, { timeout });
}

/**
 * An upload was accepted: `pending`, or already `complete` when another test
 * file moved the shared sandbox clock past the review time.
 */
export const ACCEPTED = ['pending', 'complete'];

/**
 * Records the hosted-page links the widget asks for (by watching `fetch`,
 * the browser's own API) and the windows it opens, so a test can confirm the
 * page and close the window like a person.
 */
export function watchHostedPages() {
  const links: string[] = [];
  const windows: (Window | null)[] = [];
  const realFetch = window.fetch;
  const realOpen = window.open;
  window.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/(tos-link|kyc-link|face-verification-link)$/.test(url) && res.ok) {
      const body = (await res.clone().json()) as { link?: string; url?: string };
      links.push((body.link ?? body.url)!);
    }
    return res;
  };
  window.open = (...args: Parameters<typeof window.open>) => {
    const w = realOpen.apply(window, args);
    windows.push(w);
    return w;
  };
  return {
    links,
    windows,
    /** Confirms the latest link's page (same path through the test origin) and closes its window. */
    async confirmLatest() {
      await waitUntil(() => links.length > 0, 'a hosted link was requested');
      const link = new URL(links.shift()!);
      const res = await realFetch(link.pathname, { method: 'POST', body: new URLSearchParams({ token: link.searchParams.get('token')! }) });
      if (!res.ok) throw new Error(`hosted page: ${res.status}`);
      windows.shift()?.close();
    },
    restore() {
      window.fetch = realFetch;
      window.open = realOpen;
      for (const w of windows) w?.close();
    },
  };
}

/** Uploads a document straight to the proxy as `user` (arranging a returning person's state). */
export async function uploadAs(user: string, fields: Record<string, string>, file = pdf()) {
  const { token } = await sessionFor(user);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', file, file.name);
  const res = await fetch('/api/v2/document', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return res.json();
}
