/**
 * Browser-test helpers: mount the real element against the real proxy and
 * sandbox (see web-test-runner.config.mjs), find things inside its steps,
 * and drive it the way a person would.
 */
import { fixture, html, waitUntil as openWcWaitUntil } from '@open-wc/testing';
import '../../../widget/sphere-ramp/define.ts';
import type { SphereRamp } from '../../../widget/sphere-ramp/sphere-ramp.ts';
import type { StepId } from '../../../widget/state/flow.ts';

/**
 * `waitUntil` for tests against the real proxy and sandbox: open-wc's default
 * of one second is a budget, not a condition, and a loaded CI machine misses
 * it; these waits fail only when the condition never comes true.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 10000, ...options });
}

let users = 0;
/** A user id no other test uses, so every test starts from a clean customer. */
export const uniqueUser = (label = 'user') => `${label}-${Date.now().toString(36)}-${++users}-${Math.random().toString(36).slice(2, 8)}`;

export interface Mounted {
  el: SphereRamp;
  user: string;
  events: CustomEvent[];
}

/**
 * Mounts `<sphere-ramp>` with a session for `user` minted by the test
 * merchant backend, with `policy` as the merchant's terms for that user.
 */
export async function mountRamp(options: { user?: string; attrs?: Record<string, string>; policy?: Record<string, unknown> } = {}): Promise<Mounted> {
  const user = options.user ?? uniqueUser();
  const events: CustomEvent[] = [];
  const query = new URLSearchParams({ user, ...(options.policy ? { policy: JSON.stringify(options.policy) } : {}) });
  const el = await fixture<SphereRamp>(html`<sphere-ramp session-url=${`/test/session?${query}`}></sphere-ramp>`);
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  for (const name of ['ramp-ready', 'ramp-step-change', 'ramp-customer-created', 'ramp-verification-change', 'ramp-instrument-added', 'ramp-quote',
    'ramp-quote-expired', 'ramp-transfer-created', 'ramp-transfer-status', 'ramp-session-expired', 'ramp-error']) {
    el.addEventListener(name, (e) => events.push(e as CustomEvent));
  }
  return { el, user, events };
}

/** Waits until the widget shows `step` and its element has rendered. */
export async function waitForStep(el: SphereRamp, step: StepId, timeout = 15000): Promise<HTMLElement> {
  await waitUntil(() => el.step === step && stepElement(el), `step ${step} (now ${el.step})`, { timeout });
  const s = stepElement(el)!;
  await (s as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  return s;
}

/** The element of the current step (inside the root's shadow root). */
export function stepElement(el: SphereRamp): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-step="${el.step}"]`);
}

/** Every element matching `selector` in `root` and in all shadow roots below it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  for (const node of root.querySelectorAll('*')) if (node.shadowRoot) out.push(...deepQueryAll<T>(node.shadowRoot, selector));
  return out;
}

export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  return deepQueryAll<T>(root, selector)[0];
}

/** The form control for a JSON-pointer field name, anywhere in the widget. */
export function field(el: SphereRamp, pointer: string): HTMLInputElement | HTMLSelectElement {
  const control = deepQuery<HTMLInputElement>(el.shadowRoot!, `[data-pointer="${pointer}"]`);
  if (!control) throw new Error(`no field ${pointer}`);
  return control;
}

/** Types into a field like a person: value, input and change events, then blur. */
export async function fill(el: SphereRamp, pointer: string, value: string): Promise<void> {
  const control = field(el, pointer);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('blur'));
  await settle(el);
}

/** The visible error text next to a field, if any. */
export function fieldError(el: SphereRamp, pointer: string): string | undefined {
  const control = field(el, pointer);
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  const root = control.getRootNode() as ShadowRoot;
  for (const id of ids) {
    const node = root.getElementById(id);
    if (node?.classList.contains('error')) return node.textContent?.trim();
  }
  return undefined;
}

/** A button (or link) by its visible text or accessible name, anywhere in the widget. */
export function button(el: SphereRamp, name: string | RegExp): HTMLButtonElement {
  const match = (b: Element) => {
    const text = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
    return typeof name === 'string' ? text === name : name.test(text);
  };
  const found = deepQueryAll<HTMLButtonElement>(el.shadowRoot!, 'button, a[role="button"]').find(match);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

export async function click(el: SphereRamp, name: string | RegExp): Promise<void> {
  button(el, name).click();
  await settle(el);
}

/** Text content of the widget, shadow roots included. */
export function text(el: SphereRamp): string {
  const walk = (node: Node): string => {
    let out = '';
    if (node instanceof Element && node.shadowRoot) out += walk(node.shadowRoot);
    for (const child of node.childNodes) out += child.nodeType === Node.TEXT_NODE ? child.textContent : walk(child);
    return out;
  };
  return walk(el).replace(/\s+/g, ' ');
}

/** Lets pending renders and microtasks finish. */
export async function settle(el: SphereRamp): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  for (const child of deepQueryAll<HTMLElement & { updateComplete?: Promise<unknown> }>(el.shadowRoot!, '*')) await child.updateComplete;
}

/** Calls the proxy as the merchant backend + sandbox controls would, for the same user. */
export async function sessionFor(user: string): Promise<{ token: string; customerId: string | null }> {
  const res = await fetch(`/test/session?user=${encodeURIComponent(user)}`, { method: 'POST' });
  if (!res.ok) throw new Error(`session: ${res.status}`);
  return res.json();
}

/** A session-scoped sandbox control (`/api/sandbox/...`) for `user`. */
export async function sandbox(user: string, path: string, body?: unknown): Promise<unknown> {
  const { token } = await sessionFor(user);
  const res = await fetch(`/api/sandbox/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return res.json().catch(() => undefined);
}

/** A proxy API call as `user` (for arranging state a test starts from). */
export async function api<T = unknown>(user: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const { token } = await sessionFor(user);
  const res = await fetch(`/api/v2/${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}
