/** D5: an instrument cannot be deleted while a transfer that has not ended uses it. */
import { isTerminalStatus } from '../contract/spherepay/transfer.ts';
import type { Context } from './context.ts';
import { invalid } from './problems.ts';

export function refuseWhileInUse(ctx: Context, instrumentId: string): void {
  for (const { resource: t } of ctx.store.transfers.values()) {
    const uses = t.source.id === instrumentId || t.destination.id === instrumentId;
    if (uses && !isTerminalStatus(t.status)) {
      throw invalid('/id', `Transfer ${t.id} (${t.status}) still uses it; delete it once that transfer has ended`);
    }
  }
}
