/**
 * The host side of the iframe embed: creates the `/embed` iframe, answers its
 * session requests, sizes it to its content, and re-dispatches its messages
 * as the same `ramp-*` DOM events `<sphere-ramp>` fires (bubbling, composed,
 * on the iframe element), so a host writes one handler whichever way it
 * embeds. The session token travels only by postMessage, never in a URL.
 */
import { rampEvent } from '../events.ts';
import { initialMessages, loadMessages, resolveLocale } from '../i18n/messages.ts';
import { FRAME_ATTRIBUTES, hostMessage, isFrameMessage, isRampEventName, type FrameAttribute, type HostMessage } from '../../contract/frame-protocol.ts';

export interface RampFrameOptions {
  /** The proxy's iframe page, e.g. `https://ramp.merchant.example/embed`. */
  src: string;
  /** Returns a fresh session token (preferred). */
  fetchSession?: () => Promise<string>;
  /** Or: a URL on the host's origin, POSTed with cookies, answering `{token}`. */
  sessionUrl?: string;
  /** Attributes for the widget inside the frame (none of them secret). */
  attributes?: Partial<Record<FrameAttribute, string>>;
  /** The iframe's accessible title; default: the widget's title in `attributes.locale`. */
  title?: string;
}

export interface RampFrame {
  readonly iframe: HTMLIFrameElement;
  /** Removes the iframe and stops listening. */
  destroy(): void;
}

async function tokenFrom(options: RampFrameOptions): Promise<string> {
  if (options.fetchSession) return options.fetchSession();
  if (!options.sessionUrl) throw new Error('createRampFrame: give fetchSession or sessionUrl');
  const res = await fetch(options.sessionUrl, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`session-url answered ${res.status}`);
  const body: unknown = await res.json();
  const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
  if (typeof token !== 'string') throw new Error('session-url answered without a token');
  return token;
}

/** Appends the widget's iframe to `container` and wires it up. */
export function createRampFrame(container: Element, options: RampFrameOptions): RampFrame {
  const url = new URL(options.src, location.href);
  for (const name of FRAME_ATTRIBUTES) {
    const value = options.attributes?.[name];
    if (value) url.searchParams.set(name, value);
  }
  const frameOrigin = url.origin;
  const iframe = document.createElement('iframe');
  // English until the locale's words arrive (a tick), so the frame is never untitled.
  iframe.title = options.title ?? initialMessages.common.title;
  if (!options.title) void loadMessages(resolveLocale(options.attributes?.locale), []).then((m) => (iframe.title = m.common.title));
  iframe.setAttribute('allow', 'camera; clipboard-write');
  iframe.style.cssText = 'display:block;width:100%;border:0;min-height:320px;color-scheme:normal';

  const post = (message: HostMessage) => iframe.contentWindow?.postMessage(message, frameOrigin);

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== frameOrigin || !isFrameMessage(event.data)) return;
    const message = event.data;
    if (message.type === 'ramp-frame-resize') {
      iframe.style.height = `${Math.ceil(message.detail.height)}px`;
    } else if (message.type === 'ramp-frame-session-request') {
      const { id } = message.detail;
      tokenFrom(options).then(
        (token) => post(hostMessage('session', { id, token })),
        (err: unknown) => post(hostMessage('session', { id, error: err instanceof Error ? err.message : 'no session' })),
      );
    } else if (isRampEventName(message.type)) {
      iframe.dispatchEvent(rampEvent(message.type, message.detail as never));
    }
  };
  // Every load is a new page in the frame: greet it so it learns our origin.
  const onLoad = () => post(hostMessage('hello', {}));

  window.addEventListener('message', onMessage);
  iframe.addEventListener('load', onLoad);
  iframe.src = url.toString();
  container.append(iframe);

  return {
    iframe,
    destroy() {
      window.removeEventListener('message', onMessage);
      iframe.removeEventListener('load', onLoad);
      iframe.remove();
    },
  };
}
