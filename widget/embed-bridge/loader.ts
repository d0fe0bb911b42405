/**
 * `/sphere-ramp.js`: the one file a merchant adds with `<script src>`. It
 * imports the widget's module entry from its own origin (the build names the
 * hashed entry); loading it twice imports the same module once, and it
 * defines no globals.
 *
 * It also starts what the first screen waits for, before the entry arrives:
 * `modulepreload` links for the first screen's whole closure (the build
 * lists it), so every chunk comes in one wave instead of one wave per import
 * level; and each `<sphere-ramp session-url>`'s session request with its
 * proxy check beside it, left on the element for the widget to pick up (see
 * widget/api/session.ts).
 */
import { reachProxy } from '../api/client.ts';
import { EARLY_SESSION, postSessionUrl, type EarlySession } from '../api/session.ts';

declare const __RAMP_SCRIPT_ENTRY__: string;
declare const __RAMP_PRELOAD__: string[];

const script = document.currentScript;
const base = script instanceof HTMLScriptElement && script.src ? script.src : location.href;

// The list starts with the entry itself.
for (const path of __RAMP_PRELOAD__) {
  const href = new URL(path, base).href;
  if (document.querySelector(`link[rel="modulepreload"][href="${href}"]`)) continue;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
}

type EarlyHost = Element & { [EARLY_SESSION]?: EarlySession };

const apiBaseOf = (el: Element) => el.getAttribute('api-base') ?? new URL(base).origin;

/**
 * `GET /api/session` (who am I, on what terms) as the widget would send it,
 * only for a backend that passed on less than the proxy's mint answer
 * (which carries all of it).
 */
function sessionInfo(el: Element, response: Promise<Response>): Promise<Response | undefined> {
  return response
    .then((res) => (res.ok ? (res.clone().json() as Promise<{ token?: unknown; policy?: unknown }>) : Promise.reject(new Error(String(res.status)))))
    .then((body) => {
      if (typeof body.token !== 'string') throw new Error('no token');
      if (body.policy) return undefined;
      return fetch(new URL('/api/session', apiBaseOf(el)).href, { headers: { authorization: `Bearer ${body.token}`, accept: 'application/json' }, credentials: 'omit' });
    });
}

/** Once the element is defined it fetches its own session; before that, we do it for it. */
function startSessions() {
  if (customElements.get('sphere-ramp')) return;
  for (const el of document.querySelectorAll<EarlyHost>('sphere-ramp[session-url]')) {
    const url = el.getAttribute('session-url');
    if (!url || el[EARLY_SESSION]) continue;
    const response = postSessionUrl(url);
    const info = sessionInfo(el, response);
    // Beside the mint, not after it: can this page reach the proxy (see RampClient.reach)?
    const reach = reachProxy(apiBaseOf(el));
    // The widget reports failures when it reads these (and asks again itself).
    for (const p of [response, info, reach]) p.catch(() => undefined);
    el[EARLY_SESSION] = { url, response, info, reach };
  }
}

startSessions();
if (document.readyState === 'loading') {
  // Usually this script sits in <head>, before the element is parsed: start its session the
  // moment the parser adds it, not at DOMContentLoaded (which waits for the page's own scripts).
  const watch = new MutationObserver(startSessions);
  watch.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    watch.disconnect();
    startSessions();
  }, { once: true });
}

import(/* @vite-ignore */ new URL(__RAMP_SCRIPT_ENTRY__, base).href).catch((err: unknown) => {
  console.error('sphere-ramp: could not load the widget', err);
});
