/**
 * `/v2/wallet` (API.md §4): no approval needed (D7). An address that is not
 * valid for its network is 400 `address/invalid` (as SpherePay documents);
 * a body of the wrong shape is 422.
 */
import { Router } from 'express';
import { InstrumentListQuery } from '../contract/spherepay/bank-account.ts';
import { issuesToErrors, problem, REPORT_INPUT } from '../contract/spherepay/problem.ts';
import { WalletCreate, type Wallet } from '../contract/spherepay/wallet.ts';
import type { Context } from './context.ts';
import { findCustomer, findWallet } from './lookup.ts';
import { newestFirst, paginate } from './pagination.ts';
import { HttpProblem, parse } from './problems.ts';
import { refuseWhileInUse } from './instrument-delete.ts';

export function walletsRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/wallet', (req, res) => {
    const checked = WalletCreate.safeParse(req.body, REPORT_INPUT);
    if (!checked.success) {
      const issues = checked.error.issues;
      const onlyAddress = issues.every((i) => i.code === 'custom' && i.path.length === 1 && i.path[0] === 'address');
      if (onlyAddress) throw new HttpProblem(problem(400, 'address/invalid', 'Invalid address for the network', issuesToErrors(issues)));
    }
    const body = parse(WalletCreate, req.body);
    const customer = findCustomer(ctx, body.customerId, ['customerId']);
    const now = ctx.timestamp();
    const resource: Wallet = { id: ctx.id('wallet'), address: body.address, network: body.network, customerId: customer.id, created: now, updated: now };
    ctx.store.wallets.set(resource.id, { seq: ctx.store.nextSeq(), resource });
    ctx.webhooks.send('wallet.create', resource);
    res.status(201).json(resource);
  });

  router.get('/v2/wallet', (req, res) => {
    const query = parse(InstrumentListQuery, { ...req.query });
    if (query.customerId) findCustomer(ctx, query.customerId, ['customerId']);
    const matches = newestFirst(ctx.store.wallets.values()).filter((w) => !query.customerId || w.resource.customerId === query.customerId);
    const { data, pagination } = paginate(matches, query);
    res.json({ data: data.map((w) => w.resource), pagination });
  });

  router.get('/v2/wallet/:id', (req, res) => {
    res.json(findWallet(ctx, req.params.id).resource);
  });

  router.delete('/v2/wallet/:id', (req, res) => {
    const { resource } = findWallet(ctx, req.params.id);
    refuseWhileInUse(ctx, resource.id);
    ctx.store.wallets.delete(resource.id);
    res.json({ ok: true });
  });

  return router;
}
