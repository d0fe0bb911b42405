/** `/_sandbox/` test controls (not part of SpherePay): approve, reject, fund, advance, clock. */
import { Router } from 'express';
import * as z from 'zod/mini';
import type { Context } from './context.ts';
import { NEXT_STATUSES, TransferStatus } from '../contract/spherepay/transfer.ts';
import { moveTransfer } from './lifecycle.ts';
import { findCustomer, findTransfer } from './lookup.ts';
import { invalid, parse } from './problems.ts';
import { decide, refreshDue } from './verification.ts';
import { viewCustomer } from './views.ts';

const ClockAdvance = z.strictObject({ advanceSeconds: z.number().check(z.nonnegative('Must be zero or more'), z.lte(366 * 86400, 'Must be at most a year')) });

const Advance = z.strictObject({ status: TransferStatus });
/** Optional: decide only this profile (e.g. `kyc_profile_b`); without it every pending profile is decided. */
const Decide = z.optional(z.strictObject({ profile: z.optional(z.string()) }));

export function controlsRouter(ctx: Context): Router {
  const router = Router();

  for (const [action, outcome] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    router.post(`/_sandbox/customer/:id/${action}`, (req, res) => {
      const record = findCustomer(ctx, req.params.id);
      const only = parse(Decide, req.body && Object.keys(req.body).length ? req.body : undefined)?.profile;
      if (!decide(ctx, record, outcome, only)) {
        throw invalid(only ? '/profile' : '/id', `Only a pending profile can be ${outcome}; this one is ${record.profile.status}`);
      }
      res.json(viewCustomer(ctx, record));
    });
  }

  // Funds arriving: a waiting transfer is funded; one canceled before funding returns them.
  router.post('/_sandbox/transfer/:id/fund', (req, res) => {
    const record = findTransfer(ctx, req.params.id);
    const from = record.resource.status;
    const to = from === 'canceled' ? 'returned' : 'fundsReceived';
    if ((from !== 'pendingFunding' && from !== 'canceled') || !moveTransfer(ctx, record, to)) {
      throw invalid('/id', `Only a transfer in pendingFunding (or canceled) can receive funds; this one is ${from}`);
    }
    res.json(record.resource);
  });

  router.post('/_sandbox/transfer/:id/advance', (req, res) => {
    const record = findTransfer(ctx, req.params.id);
    const { status } = parse(Advance, req.body ?? {});
    const from = record.resource.status;
    if (!moveTransfer(ctx, record, status)) {
      throw invalid('/status', `A transfer in ${from} can move to: ${NEXT_STATUSES[from as TransferStatus]?.join(', ') || 'nothing (final)'}`);
    }
    res.json(record.resource);
  });

  router.get('/_sandbox/clock', (_req, res) => {
    res.json({ now: ctx.timestamp() });
  });

  router.post('/_sandbox/clock', (req, res) => {
    const { advanceSeconds } = parse(ClockAdvance, req.body ?? {});
    ctx.clock.advance(advanceSeconds);
    refreshDue(ctx);
    res.json({ now: ctx.timestamp() });
  });

  return router;
}
