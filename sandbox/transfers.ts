/**
 * `/v2/transfer` (API.md §6): floating-rate and quote variants, on-ramp
 * (bank_account -> wallet) and off-ramp (wallet -> bank_account), list with
 * filters and sort, cancel while `pendingFunding`.
 */
import { Router } from 'express';
import { compare } from '../contract/money.ts';
import type { Fees, Quote } from '../contract/spherepay/quote.ts';
import { TRANSFER_TYPE_FILTER, TransferCreate, TransferListQuery, type Transfer } from '../contract/spherepay/transfer.ts';
import type { Context } from './context.ts';
import { offRampDeposit, onRampDeposit } from './deposit-account.ts';
import { moveTransfer } from './lifecycle.ts';
import { findBankAccount, findCustomer, findQuote, findTransfer, findWallet } from './lookup.ts';
import { paginate } from './pagination.ts';
import { price, route, type Route } from './pricing.ts';
import { badRequest, invalid, notApproved, notFound, parse } from './problems.ts';
import { currentQuote } from './quotes.ts';
import type { TransferRecord } from './store.ts';
import { isApprovedFor } from './verification.ts';

type Endpoint = TransferCreate['source'];
const REFERENCE_RAIL = { achReference: 'ach', wireMessage: 'wire', sepaReference: 'sepa' } as const;

export function transfersRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/transfer', (req, res) => {
    const body = parse(TransferCreate, req.body);
    const customer = findCustomer(ctx, body.customer, ['customer']);
    if (!isApprovedFor(customer, 'usd') && !isApprovedFor(customer, 'brl')) throw notApproved();
    const onRamp = body.source.type === 'bank_account';
    const [bankAt, walletAt] = onRamp ? (['source', 'destination'] as const) : (['destination', 'source'] as const);
    const bankEnd = body[bankAt];
    const walletEnd = body[walletAt];
    // Another customer's instrument is reported like an unknown one: existence is not revealed.
    const bank = findBankAccount(ctx, bankEnd.id, [bankAt, 'id']).resource;
    if (bank.customerId !== customer.id) throw notFound();
    const wallet = findWallet(ctx, walletEnd.id, [walletAt, 'id']).resource;
    if (wallet.customerId !== customer.id) throw notFound();

    let quote: Quote | undefined;
    let r: Route;
    let amount: string;
    let fees: Fees;
    let destinationAmount: string;
    if (body.quoteId) {
      const record = findQuote(ctx, body.quoteId, ['quoteId']);
      quote = currentQuote(ctx, record);
      if (quote.customerId !== customer.id) throw notFound();
      if (quote.status !== 'active') throw invalid('/quoteId', quote.status === 'used' ? 'The quote was already used' : 'The quote has expired');
      r = route(quote.source, quote.destination);
      // Currency and network may be echoed beside the quote (D11); they must be the quote's.
      for (const at of ['source', 'destination'] as const) {
        for (const key of ['currency', 'network'] as const) {
          const echoed = body[at][key];
          if (echoed !== undefined && echoed !== quote[at][key]) throw badRequest(`Does not match the quote (${quote[at][key]})`, `/${at}/${key}`);
        }
      }
      if (r.type !== (onRamp ? 'on_ramp' : 'off_ramp')) throw badRequest(`The quote is for an ${r.type.replace('_', '-')}`, '/source/type');
      amount = quote.source.amount;
      fees = quote.fees;
      destinationAmount = quote.destination.amount;
    } else {
      r = route({ currency: body.source.currency!, network: body.source.network! }, { currency: body.destination.currency!, network: body.destination.network! });
      if (r.brl && body.integratorFixedFee !== undefined) throw badRequest('BRL transfers take only integratorBpsFeeRate', '/integratorFixedFee');
      amount = body.amount!;
      ({ fees, destinationAmount } = price(amount, body.source.currency!, r, {
        ...(body.integratorFixedFee ? { fixed: body.integratorFixedFee } : {}),
        ...(body.integratorBpsFeeRate ? { bps: body.integratorBpsFeeRate } : {}),
      }));
    }
    if (!isApprovedFor(customer, r.fiat.currency)) throw notApproved();
    if (bank.currency !== r.fiat.currency) throw badRequest(`The bank account holds ${bank.currency}, not ${r.fiat.currency}`, `/${bankAt}/id`);
    if (!bank.networks.includes(r.fiat.network as never)) throw badRequest(`The bank account is not enabled for ${r.fiat.network}`, `/${bankAt}/id`);
    if (wallet.network !== r.crypto.network) throw badRequest(`The wallet is on ${wallet.network}, not ${r.crypto.network}`, `/${walletAt}/id`);
    checkReferences(body.destination, r);

    if (quote) {
      const record = ctx.store.quotes.get(quote.id)!;
      record.resource = { ...quote, status: 'used', updated: ctx.timestamp() };
    }
    const id = ctx.id('payout');
    const now = ctx.timestamp();
    const references = Object.fromEntries(Object.keys(REFERENCE_RAIL).flatMap((k) => (body.destination[k as keyof Endpoint] ? [[k, body.destination[k as keyof Endpoint]]] : [])));
    const sourceSide = { currency: (onRamp ? r.fiat : r.crypto).currency, network: (onRamp ? r.fiat : r.crypto).network, amount };
    // `source` is `{id, type}` only and there is no top-level amount, as in every v2 example (D12).
    const source = { id: body.source.id, type: body.source.type };
    const destination = {
      id: body.destination.id, type: body.destination.type, currency: (onRamp ? r.crypto : r.fiat).currency, network: (onRamp ? r.crypto : r.fiat).network,
      amount: destinationAmount, exchangeRate: r.rate, ...references,
    };
    // Floating-rate BRL fees are settled at execution (API.md §6.1), so they appear only at `succeeded`.
    const deferFees = r.brl && !quote;
    const resource: Transfer = {
      id,
      type: r.type,
      status: 'pendingFunding',
      customer: customer.id,
      externalId: body.externalId ?? null,
      source,
      destination,
      depositAccount: onRamp ? onRampDeposit(r.fiat.currency, amount) : offRampDeposit(id, r.crypto.network, r.crypto.currency, amount),
      ...(deferFees ? {} : { fees }),
      quote: quote ? { id: quote.id, expiresAt: quote.expiresAt } : null,
      tracking: { source: {}, destination: {} },
      created: now,
      updated: now,
    };
    const record: TransferRecord = { seq: ctx.store.nextSeq(), resource, sourceSide, ...(deferFees ? { deferredFees: fees } : {}) };
    ctx.store.transfers.set(id, record);
    ctx.webhooks.send('transfer.pendingFunding', resource);
    res.status(201).json(resource);
  });

  router.get('/v2/transfer', (req, res) => {
    const query = parse(TransferListQuery, { ...req.query });
    const type = query.type ? TRANSFER_TYPE_FILTER[query.type] : undefined;
    const matches = [...ctx.store.transfers.values()].filter(
      ({ resource: t }) => (!query.customer || t.customer === query.customer) && (!query.status || t.status === query.status) && (!type || t.type === type),
    );
    matches.sort(sorter(query.sort ?? '-created'));
    const { data, pagination } = paginate(matches, query);
    res.json({ data: data.map((t) => t.resource), pagination });
  });

  router.get('/v2/transfer/:id', (req, res) => {
    res.json(findTransfer(ctx, req.params.id).resource);
  });

  router.delete('/v2/transfer/:id', (req, res) => {
    const record = findTransfer(ctx, req.params.id);
    if (record.resource.status !== 'pendingFunding' || !moveTransfer(ctx, record, 'canceled')) {
      throw invalid('/status', `Only a transfer in pendingFunding can be canceled; this one is ${record.resource.status}`);
    }
    res.json(record.resource);
  });

  return router;
}

/** References ride on a fiat destination and must match its rail. */
function checkReferences(destination: Endpoint, r: Route) {
  for (const [key, rail] of Object.entries(REFERENCE_RAIL) as [keyof typeof REFERENCE_RAIL, string][]) {
    if (destination[key] === undefined) continue;
    if (destination.type !== 'bank_account') throw invalid(`/destination/${key}`, 'References go on a bank-account destination');
    if (r.fiat.network !== rail) throw invalid(`/destination/${key}`, `Only for ${rail} transfers; this one uses ${r.fiat.network}`);
  }
}

type SortKey = 'created' | 'updated' | 'status' | 'type' | 'amount';

function sorter(sort: string) {
  const keys = sort.split(',').map((k) => ({ key: k.replace(/^-/, '') as SortKey, dir: k.startsWith('-') ? -1 : 1 }));
  return (a: TransferRecord, b: TransferRecord) => {
    for (const { key, dir } of keys) {
      const x = a.resource;
      const y = b.resource;
      const c = key === 'amount' ? compare(a.sourceSide.amount, b.sourceSide.amount) : String(x[key]).localeCompare(String(y[key]));
      if (c !== 0) return c * dir;
    }
    // Equal timestamps keep creation order, in the direction of the first key.
    return (a.seq - b.seq) * keys[0]!.dir;
  };
}
