/**
 * The postMessage protocol between the `/embed` page (the frame) and the
 * page that embeds it (the host). Every message is an envelope
 * `{ source, version, type, detail }`; each side accepts a message only from
 * the other's window and origin, and only with the other side's `source`.
 *
 * frame -> host: every `ramp-*` event of the element, plus
 *   `ramp-frame-ready` (answer to `hello`), `ramp-frame-resize` `{height}`,
 *   `ramp-frame-session-request` `{id}` (the widget needs a session token).
 * host -> frame: `hello` (after each load of the frame),
 *   `session` `{id, token}` or `{id, error}`.
 */
import { RAMP_EVENTS, type RampEventMap, type RampEventName } from './ramp-events.ts';

export const FRAME_SOURCE = 'sphere-ramp';
export const HOST_SOURCE = 'sphere-ramp-host';
export const PROTOCOL_VERSION = 1;

export interface FrameControlMap {
  'ramp-frame-ready': Record<string, never>;
  'ramp-frame-resize': { height: number };
  'ramp-frame-session-request': { id: number };
}

export interface HostMessageMap {
  hello: Record<string, never>;
  session: { id: number; token?: string; error?: string };
}

type Envelope<S, M> = { [K in keyof M]: { source: S; version: typeof PROTOCOL_VERSION; type: K; detail: M[K] } }[keyof M];

export type FrameMessage = Envelope<typeof FRAME_SOURCE, RampEventMap & FrameControlMap>;
export type HostMessage = Envelope<typeof HOST_SOURCE, HostMessageMap>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function envelope(data: unknown, source: string): data is { type: string; detail: unknown } {
  return isRecord(data) && data.source === source && data.version === PROTOCOL_VERSION && typeof data.type === 'string' && isRecord(data.detail);
}

export const isFrameMessage = (data: unknown): data is FrameMessage => envelope(data, FRAME_SOURCE);
export const isHostMessage = (data: unknown): data is HostMessage => envelope(data, HOST_SOURCE);

const eventNames: ReadonlySet<string> = new Set(RAMP_EVENTS);
export const isRampEventName = (type: string): type is RampEventName => eventNames.has(type);

export function frameMessage<K extends keyof (RampEventMap & FrameControlMap)>(type: K, detail: (RampEventMap & FrameControlMap)[K]) {
  return { source: FRAME_SOURCE, version: PROTOCOL_VERSION, type, detail } as FrameMessage;
}

export function hostMessage<K extends keyof HostMessageMap>(type: K, detail: HostMessageMap[K]) {
  return { source: HOST_SOURCE, version: PROTOCOL_VERSION, type, detail } as HostMessage;
}

/** Attributes a host may pass to the frame (in the URL: none of them is secret). */
export const FRAME_ATTRIBUTES = ['locale', 'theme', 'direction', 'amount', 'source-currency', 'destination-currency', 'network'] as const;
export type FrameAttribute = (typeof FRAME_ATTRIBUTES)[number];
