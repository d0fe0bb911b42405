/**
 * Which customer owns which resource. The store answers first; an id it has
 * never seen is fetched upstream and its customer compared. Anything foreign
 * or unknown is a 404, so existence is never revealed.
 *
 * An owner, once recorded, never changes (the first record stands, in every
 * process), so owners are remembered here, up to `maxRemembered` ids (oldest
 * forgotten first): a known id costs no store call, and an owner already
 * known is not written again (a list read again). What the store says is
 * remembered once it says it. What upstream just answered about a resource it can be asked
 * about again is remembered at once and written with the next writes (a
 * lost write costs one lookup later); should the store already hold
 * another owner, that one stands and is read when next needed.
 */
import { BankAccountId, QuoteId, RepresentativeId, TransferId, WalletId } from '../../contract/spherepay/common.ts';
import { notFound } from '../errors.ts';
import type { ResourceKind, Store } from '../store/store.ts';
import type { Upstream } from '../upstream.ts';

const ID_SCHEMAS = { bankAccount: BankAccountId, wallet: WalletId, quote: QuoteId, transfer: TransferId, representative: RepresentativeId };

/** Where a resource can be read upstream, and which field names its customer. */
const LOOKUP: Record<ResourceKind, { path?: string; owner: 'customerId' | 'customer' }> = {
  bankAccount: { path: '/v2/bank-account/', owner: 'customerId' },
  wallet: { path: '/v2/wallet/', owner: 'customerId' },
  quote: { path: '/v2/quote/', owner: 'customerId' },
  transfer: { path: '/v2/transfer/', owner: 'customer' },
  // SpherePay has no GET for representatives: only those created through the proxy are known.
  representative: { owner: 'customerId' },
};

type Owner = { kind: ResourceKind; customerId: string };

export function createOwnership(store: Store, upstream: Upstream, now: () => Date, maxRemembered = 50_000) {
  const known = new Map<string, Owner>();
  const remember = (id: string, owner: Owner) => {
    if (known.size >= maxRemembered) known.delete(known.keys().next().value!);
    known.set(id, owner);
  };
  const ownerOf = async (id: string) => {
    const remembered = known.get(id);
    if (remembered) return remembered;
    const stored = await store.ownerOf(id);
    if (stored) remember(id, stored);
    return stored;
  };
  /** Records an owner unless one is known already (the first stands); remembers it once the store confirms. */
  const record = async (kind: ResourceKind, id: string, customerId: string) => {
    if (known.has(id)) return;
    if (await store.recordOwner(kind, id, customerId, now())) remember(id, { kind, customerId });
  };
  /** Upstream's word on a resource it can be asked about again: remembered now, written soon. */
  const recordSoon = (kind: ResourceKind, id: string, customerId: string) => {
    if (known.has(id)) return;
    const owner = { kind, customerId };
    remember(id, owner);
    const forget = () => void (known.get(id) === owner && known.delete(id));
    store.recordOwner(kind, id, customerId, now(), { mayWait: true }).then((recorded) => recorded || forget(), forget);
  };

  return {
    /** Throws 404 unless `id` is a well-formed `kind` id belonging to `customerId`. */
    async assert(kind: ResourceKind, id: unknown, customerId: string, requestId?: string): Promise<void> {
      if (typeof id !== 'string' || !ID_SCHEMAS[kind].safeParse(id).success) throw notFound();
      const owner = await ownerOf(id);
      if (owner) {
        if (owner.kind !== kind || owner.customerId !== customerId) throw notFound();
        return;
      }
      const { path, owner: field } = LOOKUP[kind];
      if (!path) throw notFound();
      const res = await upstream.request({ method: 'GET', path: path + encodeURIComponent(id), ...(requestId ? { requestId } : {}) });
      if (res.status !== 200) throw notFound();
      const found = parseJson(res.text) as Record<string, unknown> | undefined;
      if (found?.id !== id || typeof found[field] !== 'string') throw notFound();
      await record(kind, id, found[field]);
      if (found[field] !== customerId) throw notFound();
    },
    /** Records what upstream just returned; false when it names another customer. */
    async accept(kind: ResourceKind, resource: unknown, customerId: string, options: { unnamed?: boolean } = {}): Promise<boolean> {
      const r = resource as Record<string, unknown> | null;
      if (typeof r !== 'object' || r === null) return false;
      const owner = r[LOOKUP[kind].owner];
      if (typeof owner !== 'string') return options.unnamed === true;
      // Ids are read by prefix only (D10); one that does not even have the prefix is not recorded.
      if (typeof r.id === 'string' && ID_SCHEMAS[kind].safeParse(r.id).success) {
        if (LOOKUP[kind].path) recordSoon(kind, r.id, owner);
        else await record(kind, r.id, owner);
      } else if (!options.unnamed) return false;
      return owner === customerId;
    },
  };
}
export type Ownership = ReturnType<typeof createOwnership>;

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
