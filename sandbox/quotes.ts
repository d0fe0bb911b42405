/**
 * `/v2/quote` (API.md §5): a rate locked for 30, 60 or 300 seconds (default
 * 60), single use. Expiry is read from the clock: an active quote past
 * `expiresAt` is `expired` from then on.
 */
import { Router } from 'express';
import { QuoteCreate, QuoteListQuery, QuoteUpdate, type Quote } from '../contract/spherepay/quote.ts';
import type { Context } from './context.ts';
import { findCustomer, findQuote } from './lookup.ts';
import { newestFirst, paginate } from './pagination.ts';
import { price, route } from './pricing.ts';
import { invalid, notApproved, parse } from './problems.ts';
import { isApprovedFor } from './verification.ts';

export const DEFAULT_QUOTE_SECONDS = 60;

/** Applies expiry by the clock and returns the quote as it stands now. */
export function currentQuote(ctx: Context, record: { resource: Quote }): Quote {
  const q = record.resource;
  if (q.status === 'active' && Date.parse(q.expiresAt) <= ctx.clock.now().getTime()) {
    record.resource = { ...q, status: 'expired', updated: q.expiresAt };
  }
  return record.resource;
}

export function quotesRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/quote', (req, res) => {
    const body = parse(QuoteCreate, req.body);
    const customer = findCustomer(ctx, body.customerId, ['customerId']);
    if (!isApprovedFor(customer, 'usd') && !isApprovedFor(customer, 'brl')) throw notApproved();
    const r = route(body.source, body.destination);
    if (!isApprovedFor(customer, r.fiat.currency)) throw notApproved();
    const { fees, destinationAmount } = price(body.amount, body.source.currency, r, { ...(body.integratorBpsFeeRate ? { bps: body.integratorBpsFeeRate } : {}) });
    const now = ctx.clock.now();
    const created = now.toISOString();
    const resource: Quote = {
      id: ctx.id('quote'),
      type: r.type,
      customerId: customer.id,
      status: 'active',
      fees,
      source: { ...body.source, amount: body.amount },
      destination: { ...body.destination, amount: destinationAmount, exchangeRate: r.rate },
      expiresAt: new Date(now.getTime() + (body.quoteDurationSeconds ?? DEFAULT_QUOTE_SECONDS) * 1000).toISOString(),
      created,
      updated: created,
    };
    ctx.store.quotes.set(resource.id, { seq: ctx.store.nextSeq(), resource });
    res.status(201).json(resource);
  });

  router.get('/v2/quote', (req, res) => {
    const query = parse(QuoteListQuery, { ...req.query });
    const matches = newestFirst(ctx.store.quotes.values()).filter((q) => {
      const quote = currentQuote(ctx, q);
      return (!query.customerId || quote.customerId === query.customerId) && (!query.status || quote.status === query.status);
    });
    const { data, pagination } = paginate(matches, query);
    res.json({ data: data.map((q) => q.resource), ...pagination });
  });

  router.get('/v2/quote/:id', (req, res) => {
    res.json(currentQuote(ctx, findQuote(ctx, req.params.id)));
  });

  router.put('/v2/quote/:id', (req, res) => {
    const record = findQuote(ctx, req.params.id);
    const { status } = parse(QuoteUpdate, req.body);
    const quote = currentQuote(ctx, record);
    if (quote.status !== 'active') throw invalid('/status', `Only an active quote can change; this one is ${quote.status}`);
    record.resource = { ...quote, status, updated: ctx.timestamp() };
    res.json(record.resource);
  });

  return router;
}
