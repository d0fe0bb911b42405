/**
 * The demo merchant's page furniture, shared by its pages: the navigation,
 * the signed-in demo user with "switch user", the event log of every
 * `ramp-*` event the host page receives, and the sandbox controls (only in
 * sandbox mode). Each page's HTML holds only its own content plus an empty
 * `<header>` and, where events are shown, `<aside id="host-panel">`; this
 * module fills them. Plain DOM, so the script-tag page stays a plain
 * merchant page.
 */
import { RAMP_EVENTS } from '../../widget/events.ts';

interface DemoConfig {
  user: string;
  sandbox: boolean;
  /** The demo backend receives the proxy's signed merchant webhooks. */
  webhooks: boolean;
}

interface ReceivedWebhook {
  id: string;
  type: string;
  receivedAt: string;
  data: unknown;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/** A session token for the demo user, from the demo merchant backend. */
export async function demoSession(): Promise<string> {
  const res = await fetch('/demo/session', { method: 'POST', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`demo session: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

let lastTransferId: string | undefined;

/** Appends one event to the page's event log. */
export function logEvent(type: string, detail: unknown): void {
  const list = byId<HTMLOListElement>('event-log');
  if (!list) return;
  const item = document.createElement('li');
  item.dataset.type = type;
  const name = document.createElement('span');
  name.className = 'type';
  name.textContent = type;
  item.append(name, ' ', JSON.stringify(detail));
  list.append(item);
  list.scrollTop = list.scrollHeight;
  if (type === 'ramp-transfer-created') {
    lastTransferId = (detail as { transferId?: string }).transferId;
    const fund = byId<HTMLButtonElement>('fund-transfer');
    if (fund) fund.disabled = !lastTransferId;
  }
}

/** Logs every `ramp-*` event that reaches `target` (the element, the iframe, or an ancestor). */
export function logEventsOf(target: EventTarget): void {
  for (const type of RAMP_EVENTS) target.addEventListener(type, (e) => logEvent(type, (e as CustomEvent).detail));
}

async function sandboxCall(path: string, status: HTMLElement) {
  status.textContent = 'Working…';
  try {
    const res = await fetch(`/api/sandbox/${path}`, { method: 'POST', headers: { authorization: `Bearer ${await demoSession()}` } });
    status.textContent = res.ok ? 'Done.' : `The sandbox answered ${res.status}: ${((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? ''}`;
  } catch {
    status.textContent = 'The sandbox could not be reached.';
  }
}

const PAGES = [
  ['/', 'Home'],
  ['/script-tag', 'Script tag'],
  ['/spa', 'SPA (React)'],
  ['/portal', 'Partner portal (iframe)'],
] as const;

const HOST_PANEL = `
  <section class="panel" id="sandbox-controls" aria-labelledby="sandbox-title" hidden>
    <h2 id="sandbox-title">Sandbox controls</h2>
    <div class="controls">
      <button type="button" id="approve-kyc">Approve KYC</button>
      <button type="button" id="fund-transfer" disabled>Fund transfer</button>
    </div>
    <p class="hint">Acts on the signed-in demo user's customer and latest transfer.</p>
    <p class="hint" id="sandbox-status" role="status"></p>
  </section>
  <section class="panel" aria-labelledby="log-title">
    <h2 id="log-title">Events received by this page</h2>
    <div role="log" aria-live="off" aria-labelledby="log-title"><ol id="event-log"></ol></div>
  </section>
  <section class="panel" id="webhook-panel" aria-labelledby="webhook-title" hidden>
    <h2 id="webhook-title">Webhooks received by the merchant backend</h2>
    <p class="hint">Signed by the proxy and verified by this demo's backend (signature and timestamp); they arrive whether or not a page is open.</p>
    <div role="log" aria-live="off" aria-labelledby="webhook-title"><ol id="webhook-log"></ol></div>
  </section>`;

const WEBHOOK_POLL_MS = 2000;

/** Shows what the demo backend learned from merchant webhooks about this user, polling its backend. */
function followWebhooks() {
  const panel = byId('webhook-panel');
  const list = byId<HTMLOListElement>('webhook-log');
  if (!panel || !list) return;
  panel.hidden = false;
  let shown = 0;
  const refresh = async () => {
    const res = await fetch('/demo/webhooks', { headers: { accept: 'application/json' } }).catch(() => undefined);
    if (!res?.ok) return;
    const { received } = (await res.json()) as { received: ReceivedWebhook[] };
    for (const hook of received.slice(shown)) {
      const item = document.createElement('li');
      item.dataset.type = hook.type;
      const name = document.createElement('span');
      name.className = 'type';
      name.textContent = hook.type;
      item.append(name, ' ', new Date(hook.receivedAt).toLocaleTimeString(), ' ', JSON.stringify(hook.data));
      list.append(item);
    }
    shown = received.length;
    list.scrollTop = list.scrollHeight;
  };
  void refresh();
  setInterval(() => void refresh(), WEBHOOK_POLL_MS);
}

/** Renders the navigation, the user bar and (where the page has one) the host panel. */
function renderChrome() {
  const header = document.querySelector('body > header');
  if (header) {
    const links = PAGES.map(([href, label]) => `<li><a href="${href}"${href === location.pathname ? ' aria-current="page"' : ''}>${label}</a></li>`);
    header.innerHTML = `<nav aria-label="Demo pages"><ul>${links.join('')}</ul></nav>
      <div class="user"><span>Signed in as <strong id="user-name">…</strong></span>
      <button type="button" id="switch-user">Switch user</button></div>`;
  }
  const panel = byId('host-panel');
  if (panel) panel.innerHTML = HOST_PANEL;
}

/**
 * Renders the page furniture (synchronously, so the log exists before the
 * widget's first event), then fills in the user and, in sandbox mode, shows
 * and wires the sandbox controls.
 */
export async function setupChrome(): Promise<void> {
  renderChrome();
  const config = (await (await fetch('/demo/config')).json()) as DemoConfig;
  const name = byId('user-name');
  if (name) name.textContent = config.user;
  byId('switch-user')?.addEventListener('click', async () => {
    await fetch('/demo/user', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    location.reload();
  });
  if (config.webhooks) followWebhooks();
  const panel = byId('sandbox-controls');
  const status = byId('sandbox-status');
  if (!panel || !status || !config.sandbox) return;
  panel.hidden = false;
  byId('approve-kyc')?.addEventListener('click', () => sandboxCall('customer/approve', status));
  byId('fund-transfer')?.addEventListener('click', () => {
    if (lastTransferId) void sandboxCall(`transfer/${encodeURIComponent(lastTransferId)}/fund`, status);
  });
}
