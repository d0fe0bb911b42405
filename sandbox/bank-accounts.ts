/**
 * `/v2/bank-account` (API.md §3): create for an approved customer, get, list
 * newest first, patch networks. Account numbers and IBANs are shown masked
 * to their last four characters; routing numbers and BICs in clear.
 */
import { Router } from 'express';
import { BankAccountCreate, BankAccountPatch, InstrumentListQuery, type BankAccount } from '../contract/spherepay/bank-account.ts';
import { CURRENCY_RAILS } from '../contract/spherepay/matrix.ts';
import type { Context } from './context.ts';
import { findBankAccount, findCustomer } from './lookup.ts';
import { newestFirst, paginate } from './pagination.ts';
import { badRequest, notApproved, parse } from './problems.ts';
import { isApproved } from './verification.ts';
import { refuseWhileInUse } from './instrument-delete.ts';

export const mask = (value: string) => `****${value.slice(-4)}`;

function maskedDetails(body: BankAccountCreate): BankAccount['accountDetails'] {
  switch (body.currency) {
    case 'usd':
      return { ...body.accountDetails, accountNumber: mask(body.accountDetails.accountNumber) };
    case 'eur':
      return { iban: mask(body.accountDetails.iban), bic: body.accountDetails.bic };
    case 'brl':
      return { ...body.accountDetails };
  }
}

export function bankAccountsRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/bank-account', (req, res) => {
    const body = parse(BankAccountCreate, req.body);
    const customer = findCustomer(ctx, body.customerId, ['customerId']);
    if (!isApproved(customer)) throw notApproved();
    const now = ctx.timestamp();
    const resource: BankAccount = {
      id: ctx.id('bankAccount'),
      status: 'active',
      bankName: body.bankName,
      accountName: body.accountName,
      customerId: customer.id,
      currency: body.currency,
      accountDetails: maskedDetails(body),
      accountOwner: { accountHolderName: body.accountOwner.accountHolderName, relationship: 'self' },
      networks: [...body.networks],
      created: now,
      updated: now,
    };
    ctx.store.bankAccounts.set(resource.id, { seq: ctx.store.nextSeq(), resource });
    ctx.webhooks.send('bankAccount.create', resource);
    res.status(201).json(resource);
  });

  router.get('/v2/bank-account', (req, res) => {
    const query = parse(InstrumentListQuery, { ...req.query });
    if (query.customerId) findCustomer(ctx, query.customerId, ['customerId']);
    const matches = newestFirst(ctx.store.bankAccounts.values()).filter((b) => !query.customerId || b.resource.customerId === query.customerId);
    const { data, pagination } = paginate(matches, query);
    res.json({ data: data.map((b) => b.resource), pagination });
  });

  router.get('/v2/bank-account/:id', (req, res) => {
    res.json(findBankAccount(ctx, req.params.id).resource);
  });

  router.delete('/v2/bank-account/:id', (req, res) => {
    const { resource } = findBankAccount(ctx, req.params.id);
    refuseWhileInUse(ctx, resource.id);
    ctx.store.bankAccounts.delete(resource.id);
    res.json({ ok: true });
  });

  router.patch('/v2/bank-account/:id', (req, res) => {
    const record = findBankAccount(ctx, req.params.id);
    const { networks } = parse(BankAccountPatch, req.body);
    const rails = CURRENCY_RAILS[record.resource.currency];
    const wrong = networks.findIndex((n) => !rails.includes(n));
    if (wrong >= 0) throw badRequest(`A ${record.resource.currency.toUpperCase()} account takes ${rails.join(' or ')}`, ['networks', wrong]);
    record.resource = { ...record.resource, networks, updated: ctx.timestamp() };
    res.json(record.resource);
  });

  return router;
}
