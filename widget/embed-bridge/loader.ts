/**
 * `/sphere-ramp.js`: the one file a merchant adds with `<script src>`. It
 * imports the widget's module entry from its own origin (the build names the
 * hashed entry); loading it twice imports the same module once, and it
 * defines no globals.
 *
 * It also starts what the first screen waits for, before the entry arrives:
 * `modulepreload` links for the first screen's whole closure (the build
 * lists it), so every chunk comes in one wave instead of one wave per import
 * level; and each `<sphere-ramp session-url>`'s session request, left on the
 * element for the widget to pick up (see widget/api/session.ts).
 */
import { EARLY_SESSION, postSessionUrl } from '../api/session.ts';

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

type EarlyHost = Element & { [EARLY_SESSION]?: { url: string; response: Promise<Response> } };

/** Once the element is defined it fetches its own session; before that, we do it for it. */
function startSessions() {
  if (customElements.get('sphere-ramp')) return;
  for (const el of document.querySelectorAll<EarlyHost>('sphere-ramp[session-url]')) {
    const url = el.getAttribute('session-url');
    if (!url || el[EARLY_SESSION]) continue;
    const response = postSessionUrl(url);
    response.catch(() => undefined); // the widget reports a failure when it reads it
    el[EARLY_SESSION] = { url, response };
  }
}

startSessions();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startSessions, { once: true });

import(/* @vite-ignore */ new URL(__RAMP_SCRIPT_ENTRY__, base).href).catch((err: unknown) => {
  console.error('sphere-ramp: could not load the widget', err);
});
