/**
 * Building blocks shared by every SpherePay v2 schema. Written against
 * `zod/mini` so the browser bundle stays small; the server uses the same files.
 */
import * as z from 'zod/mini';
import { AMOUNT_PATTERN, isPositive } from '../money.ts';

export const idPattern = (prefix: string, length?: number) =>
  new RegExp(`^${prefix}_[a-z0-9]${length ? `{${length}}` : '+'}$`);

const id = (prefix: string, length?: number) =>
  z.string().check(z.regex(idPattern(prefix, length), `Must be a ${prefix} id`));

export const CustomerId = id('customer');
export const TransferId = id('payout', 24);
export const BankAccountId = id('bankAccount');
export const WalletId = id('wallet');
export const QuoteId = id('quote');
export const RepresentativeId = id('associatedPerson');
export const EventId = id('evt');

/** ISO-8601 with milliseconds and a trailing Z, as SpherePay writes them. */
export const Timestamp = z.string();

/** A request amount: `^\d+(\.\d{2})?$`, greater than zero. */
export const Amount = z.string().check(
  z.regex(AMOUNT_PATTERN, 'Must be an amount such as "100.00"'),
  z.refine((v) => !AMOUNT_PATTERN.test(v) || isPositive(v), 'Must be greater than zero'),
);
/** An amount in a response (may be zero). */
export const MoneyString = z.string();
/** Basis points as an integer string, at most 10000. */
export const Bps = z.string().check(
  z.regex(/^\d+$/, 'Must be a whole number of basis points'),
  z.refine((v) => !/^\d+$/.test(v) || BigInt(v) <= 10000n, 'Must be at most 10000'),
);

export const Country = z.string().check(z.regex(/^[A-Z]{3}$/, 'Must be an ISO 3166-1 alpha-3 country code'));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDate = z.string().check(
  z.regex(ISO_DATE, 'Must be a date as YYYY-MM-DD'),
  // Date.parse rolls 2023-02-30 over to March 2: a real date survives the round trip unchanged.
  z.refine((v) => {
    if (!ISO_DATE.test(v)) return true; // the pattern has said it
    const ms = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v;
  }, 'Must be a real date'),
);
export const Email = z.string().check(
  z.maxLength(254, 'Must be at most 254 characters'),
  z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Invalid email format'),
);
export const Phone = z.string().check(
  z.regex(/^\+(?:[0-9]){6,14}[0-9]$/, 'Must be an international number such as +14155550123'),
);
const text = (max = 255) =>
  z.string().check(z.trim(), z.minLength(1, 'Required'), z.maxLength(max, `Must be at most ${max} characters`));
export const Text = text;

export const Address = z.strictObject({
  line1: text(),
  line2: z.optional(z.string().check(z.maxLength(255))),
  city: text(),
  state: z.optional(z.string().check(z.maxLength(10))),
  postalCode: z.optional(z.string().check(z.maxLength(20))),
  country: Country,
});
export type Address = z.infer<typeof Address>;

/** `meta`: values must be null or primitive. */
export const Meta = z.record(z.string(), z.nullable(z.union([z.string(), z.number(), z.boolean()])));

export const FiatCurrency = z.enum(['usd', 'eur', 'brl']);
export const CryptoCurrency = z.enum(['usdc', 'usdt', 'eurc']);
export const FiatNetwork = z.enum(['ach', 'wire', 'sepa', 'pix']);
export const WalletNetwork = z.enum(['arbitrum', 'avalanche', 'base', 'ethereum', 'optimism', 'polygon', 'sol', 'tron', 'starknet']);
/** The transfer schema's wallet networks additionally list `fogo`. */
export const TransferWalletNetwork = z.enum([...WalletNetwork.options, 'fogo']);
export type FiatCurrency = z.infer<typeof FiatCurrency>;
export type CryptoCurrency = z.infer<typeof CryptoCurrency>;
export type FiatNetwork = z.infer<typeof FiatNetwork>;
export type WalletNetwork = z.infer<typeof WalletNetwork>;

/** ProblemDetails: the error body of every v2 endpoint, and of the proxy. */
export const ProblemDetails = z.looseObject({
  status: z.number(),
  code: z.optional(z.string()),
  detail: z.string(),
  correlationId: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ detail: z.string(), pointer: z.string() }))),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const Pagination = z.object({
  page: z.number(),
  limit: z.number(),
  total: z.number(),
  totalPages: z.number(),
  hasNext: z.boolean(),
  hasPrevious: z.boolean(),
});
export type Pagination = z.infer<typeof Pagination>;

/** `{ data, pagination }`: transfers, bank accounts, wallets. */
export const page = <T extends z.ZodMiniType>(item: T) => z.object({ data: z.array(item), pagination: Pagination });

const digits = z.string().check(z.regex(/^\d+$/, 'Must be a whole number'));
/** `page` and `limit` query parameters (strings, as in the OpenAPI). */
export const PageQuery = {
  page: z.optional(digits.check(z.refine((v) => !/^\d+$/.test(v) || Number(v) >= 1, 'Must be at least 1'))),
  limit: z.optional(digits.check(z.refine((v) => !/^\d+$/.test(v) || (Number(v) >= 1 && Number(v) <= 100), 'Must be between 1 and 100'))),
};
