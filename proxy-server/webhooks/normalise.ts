/**
 * SpherePay webhook -> the one LiveEvent (API.md D2, §8.3), whatever the
 * naming (2025 `payout.successful`, 2024 `transfer.cancelled`, 2026
 * `transfer.succeeded`, v2 statuses under either prefix) or the envelope
 * (2026 `{id, type, createdAt, data: resource}`, v1 `{id, name, created,
 * data: {transfer|payout|wallet|customer|bankAccount: resource}}`).
 *
 * Reads only a few shallow fields, so a body of any depth costs nothing
 * extra; returns undefined for what is not an event at all (no id or name),
 * which the caller logs and acknowledges.
 */
import { LIVE_EVENT_TYPES, type LiveEvent } from '../../contract/live-events.ts';
import { LEGACY_TRANSFER_SUFFIXES } from '../../contract/spherepay/webhook.ts';
import { TRANSFER_STATUSES } from '../../contract/spherepay/transfer.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Keys under which the v1 envelope nests the resource. */
const RESOURCE_KEYS = ['transfer', 'payout', 'wallet', 'customer', 'bankAccount'] as const;

/** The resource an event is about: `data` itself when it has an id, else the one object nested under it. */
function resourceOf(data: unknown): Json | undefined {
  if (!isObject(data)) return undefined;
  if (str(data.id)) return data;
  for (const key of RESOURCE_KEYS) if (isObject(data[key])) return data[key] as Json;
  const objects = Object.values(data).filter(isObject);
  return objects.length === 1 ? objects[0] : undefined;
}

/** The transfer status a name suffix means; undefined when it does not say (the receiver re-fetches). */
function statusOfSuffix(suffix: string): string | undefined {
  if ((TRANSFER_STATUSES as readonly string[]).includes(suffix)) return suffix;
  return LEGACY_TRANSFER_SUFFIXES[suffix];
}

export function normaliseWebhook(raw: unknown): LiveEvent | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  const name = str(raw.type) ?? str(raw.name);
  if (!id || !name) return undefined;
  const createdAt = str(raw.createdAt) ?? str(raw.created) ?? new Date().toISOString();
  const resource = resourceOf(raw.data);
  const resourceId = str(resource?.id);
  const customerId =
    str(resource?.customerId) ?? str(resource?.customer) ?? (resourceId?.startsWith('customer_') ? resourceId : undefined) ?? null;

  const dot = name.indexOf('.');
  const group = dot < 0 ? name : name.slice(0, dot);
  const suffix = dot < 0 ? '' : name.slice(dot + 1);
  const base = { id, createdAt, customerId };

  if ((group === 'payout' || group === 'transfer') && resourceId) {
    // `data.status`, when present, wins over the name (§8.3).
    const status = str(resource?.status) ?? statusOfSuffix(suffix);
    return { ...base, type: LIVE_EVENT_TYPES.transferStatus, data: { transferId: resourceId, ...(status ? { status } : {}) } };
  }
  if (group === 'customer' && customerId) {
    return { ...base, type: LIVE_EVENT_TYPES.customerVerification, data: { customerId } };
  }
  if ((group === 'wallet' || group === 'bankAccount') && resourceId) {
    return { ...base, type: LIVE_EVENT_TYPES.instrument, data: { kind: group, id: resourceId } };
  }
  return { ...base, type: LIVE_EVENT_TYPES.other, data: { name, ...(resourceId ? { id: resourceId } : {}) } };
}
