/**
 * `DELETE /v2/wallet/{id}` and `DELETE /v2/bank-account/{id}` (API.md §3.4,
 * §4.2): `{ok: true}`, refused with 422 (D5) while a transfer that has not
 * finished uses the instrument, so money in flight keeps its destination.
 */
import { TERMINAL_STATUSES } from '../contract/spherepay/transfer.ts';
import type { Context } from './context.ts';
import { invalid } from './problems.ts';

/** Throws when a transfer that is not finished names `id` as its source or destination. */
export function refuseWhileInUse(ctx: Context, id: string) {
  for (const { resource: t } of ctx.store.transfers.values()) {
    if (TERMINAL_STATUSES.includes(t.status)) continue;
    if (t.source.id === id || t.destination.id === id) throw invalid(['id'], 'In use by a transfer that has not finished');
  }
}
