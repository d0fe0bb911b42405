/**
 * Which customer owns which resource. The store answers first; an id it has
 * never seen is fetched upstream and its customer compared. Anything foreign
 * or unknown is a 404, so existence is never revealed.
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

export function createOwnership(store: Store, upstream: Upstream, now: () => Date) {
  return {
    /** Throws 404 unless `id` is a well-formed `kind` id belonging to `customerId`. */
    async assert(kind: ResourceKind, id: unknown, customerId: string, requestId?: string): Promise<void> {
      if (typeof id !== 'string' || !ID_SCHEMAS[kind].safeParse(id).success) throw notFound();
      const known = await store.ownerOf(id);
      if (known) {
        if (known.kind !== kind || known.customerId !== customerId) throw notFound();
        return;
      }
      const { path, owner } = LOOKUP[kind];
      if (!path) throw notFound();
      const res = await upstream.request({ method: 'GET', path: path + encodeURIComponent(id), ...(requestId ? { requestId } : {}) });
      if (res.status !== 200) throw notFound();
      const found = parseJson(res.text) as Record<string, unknown> | undefined;
      if (found?.id !== id || typeof found[owner] !== 'string') throw notFound();
      await store.recordOwner(kind, id, found[owner], now());
      if (found[owner] !== customerId) throw notFound();
    },
    /** Records what upstream just returned; false when it names another customer. */
    async accept(kind: ResourceKind, resource: unknown, customerId: string): Promise<boolean> {
      const r = resource as Record<string, unknown> | null;
      if (!r || typeof r.id !== 'string' || !ID_SCHEMAS[kind].safeParse(r.id).success) return false;
      const owner = r[LOOKUP[kind].owner];
      if (typeof owner !== 'string') return false;
      await store.recordOwner(kind, r.id, owner, now());
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
