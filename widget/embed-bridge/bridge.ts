/**
 * The frame side of the iframe embed (`/embed`): learns the host's origin
 * from its `hello` (accepted only from an allowed origin), asks the host for
 * session tokens whenever the widget needs one, posts every `ramp-*` event
 * and the page's height to that origin only.
 */
import { RAMP_EVENTS, type RampEventMap } from '../events.ts';
import type { SphereRamp } from '../sphere-ramp/sphere-ramp.ts';
import { frameMessage, isHostMessage, type FrameControlMap, type FrameMessage } from '../../contract/frame-protocol.ts';

/** How long to wait for the host to answer a session request. */
const SESSION_TIMEOUT_MS = 15_000;

export interface BridgeOptions {
  element: SphereRamp;
  /** Origins allowed to embed the frame (the server's RAMP_ALLOWED_ORIGINS), besides our own. */
  allowedOrigins: readonly string[];
}

export function startBridge({ element, allowedOrigins }: BridgeOptions): () => void {
  const allowed = new Set([location.origin, ...allowedOrigins]);
  let hostOrigin: string | undefined;
  const queue: FrameMessage[] = [];
  const pending = new Map<number, { resolve: (token: string) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let lastHeight = 0;
  let hostKnown!: () => void;
  const handshake = new Promise<void>((resolve) => (hostKnown = resolve));

  const post = (message: FrameMessage) => {
    if (hostOrigin) window.parent.postMessage(message, hostOrigin);
    else queue.push(message);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || window.parent === window || !allowed.has(event.origin) || !isHostMessage(event.data)) return;
    if (hostOrigin && event.origin !== hostOrigin) return;
    const message = event.data;
    if (message.type === 'hello') {
      hostOrigin = event.origin;
      post(frameMessage('ramp-frame-ready', {}));
      for (const queued of queue.splice(0)) post(queued);
      lastHeight = 0;
      reportHeight();
      hostKnown();
    } else if (message.type === 'session') {
      const waiting = pending.get(message.detail.id);
      pending.delete(message.detail.id);
      if (message.detail.token) waiting?.resolve(message.detail.token);
      else waiting?.reject(new Error(message.detail.error ?? 'no session'));
    }
  };

  element.fetchSession = async () => {
    await handshake;
    const id = nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the host did not answer the session request'));
      }, SESSION_TIMEOUT_MS);
      pending.set(id, {
        resolve: (token) => (clearTimeout(timer), resolve(token)),
        reject: (err) => (clearTimeout(timer), reject(err)),
      });
      post(frameMessage('ramp-frame-session-request', { id } satisfies FrameControlMap['ramp-frame-session-request']));
    });
  };

  const forward = (event: Event) => {
    const { type, detail } = event as CustomEvent<RampEventMap[keyof RampEventMap]>;
    post(frameMessage(type as keyof RampEventMap, detail));
  };

  function reportHeight() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post(frameMessage('ramp-frame-resize', { height }));
  }
  const resize = new ResizeObserver(reportHeight);

  window.addEventListener('message', onMessage);
  for (const name of RAMP_EVENTS) element.addEventListener(name, forward);
  resize.observe(document.documentElement);

  return () => {
    window.removeEventListener('message', onMessage);
    for (const name of RAMP_EVENTS) element.removeEventListener(name, forward);
    resize.disconnect();
  };
}
