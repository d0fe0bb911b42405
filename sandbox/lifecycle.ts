/**
 * Transfer status changes (API.md §6.2): only to a status NEXT_STATUSES
 * allows; each change stamps `updated`, fills tracking as money moves, and
 * sends `transfer.<status>` (D2).
 */
import { NEXT_STATUSES, type TransferStatus } from '../contract/spherepay/transfer.ts';
import type { Context } from './context.ts';
import { fiatTracking, transactionHash } from './deposit-account.ts';
import { zeroFees } from './pricing.ts';
import type { TransferRecord } from './store.ts';

export const canMove = (from: string, to: TransferStatus) => NEXT_STATUSES[from as TransferStatus]?.includes(to) ?? false;

/** Moves a transfer; returns false (changing nothing) when the lifecycle does not allow it. */
export function moveTransfer(ctx: Context, record: TransferRecord, to: TransferStatus): boolean {
  const t = record.resource;
  if (!canMove(t.status, to)) return false;
  const next = { ...t, status: to, updated: ctx.timestamp() };
  const tracking = { source: {}, destination: {}, ...(t.tracking as object) } as Record<'source' | 'destination', Record<string, string>>;
  if (to === 'processing') {
    tracking.source =
      t.type === 'on_ramp' ? fiatTracking(record.sourceSide.network, t.id) : { transactionId: transactionHash(record.sourceSide.network, `${t.id}:in`) };
  }
  if (to === 'succeeded') {
    tracking.destination =
      t.type === 'on_ramp' ? { transactionId: transactionHash(t.destination.network ?? '', `${t.id}:out`) } : fiatTracking(t.destination.network ?? '', t.id);
    if (record.deferredFees) {
      next.fees = record.deferredFees;
      delete record.deferredFees;
    }
  }
  next.tracking = tracking;
  if (to === 'canceled' && t.fees) next.fees = zeroFees(t.fees);
  record.resource = next;
  ctx.webhooks.send(`transfer.${to}`, next);
  if (to === 'fundsReceived' || to === 'processing') ctx.autopilot.transferMoved(t.id);
  return true;
}

/** Auto-pilot's step: fundsReceived -> processing -> succeeded. */
export function stepTransfer(ctx: Context, record: TransferRecord): void {
  const status = record.resource.status;
  if (status === 'fundsReceived') moveTransfer(ctx, record, 'processing');
  else if (status === 'processing') moveTransfer(ctx, record, 'succeeded');
}
