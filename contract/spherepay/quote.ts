/** Quotes (API.md §5): a rate locked for 30, 60 or 300 seconds, single use. */
import * as z from 'zod/mini';
import { Amount, Bps, CustomerId, MoneyString, OpenEnum, PageQuery, QuoteId, Timestamp, tolerantList } from './common.ts';
import { CURRENCIES, NETWORKS } from './networks.ts';

export const Endpoint = z.strictObject({
  currency: z.enum(CURRENCIES),
  network: z.enum(NETWORKS),
});
export type Endpoint = z.infer<typeof Endpoint>;

export const QUOTE_DURATIONS = [30, 60, 300] as const;

export const QuoteCreate = z.strictObject({
  amount: Amount,
  customerId: CustomerId,
  source: Endpoint,
  destination: Endpoint,
  quoteDurationSeconds: z.optional(z.union(QUOTE_DURATIONS.map((d) => z.literal(d)))),
  integratorBpsFeeRate: z.optional(Bps),
});
export type QuoteCreate = z.infer<typeof QuoteCreate>;

/** `PUT /v2/quote/{id}`: only an active quote moves, and never back. */
export const QuoteUpdate = z.strictObject({ status: z.enum(['used', 'expired']) });

/** A fee; `bpsAmount` (and the parts) are absent in some documented examples (D11). */
export const Fee = z.looseObject({
  fixedAmount: z.optional(MoneyString),
  bpsRate: z.optional(z.string()),
  bpsAmount: z.optional(MoneyString),
  totalAmount: MoneyString,
  currency: z.optional(z.string()),
});
export type Fee = z.infer<typeof Fee>;
export const Fees = z.looseObject({ integratorFee: z.optional(Fee), platformFee: z.optional(Fee) });
export type Fees = z.infer<typeof Fees>;

export const QuoteStatus = z.enum(['active', 'used', 'expired']);
export type QuoteStatus = z.infer<typeof QuoteStatus>;

export const Quote = z.looseObject({
  id: QuoteId,
  type: OpenEnum,
  customerId: CustomerId,
  status: z.optional(OpenEnum),
  fees: Fees,
  source: z.looseObject({ currency: z.string(), network: z.string(), amount: MoneyString }),
  destination: z.looseObject({ currency: z.string(), network: z.string(), amount: MoneyString, exchangeRate: z.string() }),
  expiresAt: Timestamp,
  created: z.optional(Timestamp),
  updated: z.optional(Timestamp),
});
export type Quote = z.infer<typeof Quote>;

/** Quotes list: `page`, `limit`, `total` (and the rest) at the top level. */
export const QuoteList = z.looseObject({
  data: tolerantList(Quote),
  page: z.optional(z.number()),
  limit: z.optional(z.number()),
  total: z.optional(z.number()),
  totalPages: z.optional(z.number()),
  hasNext: z.optional(z.boolean()),
  hasPrevious: z.optional(z.boolean()),
});

export const QuoteListQuery = z.strictObject({ ...PageQuery, customerId: z.optional(CustomerId), status: z.optional(QuoteStatus) });
