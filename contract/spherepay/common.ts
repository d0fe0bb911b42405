/**
 * Building blocks shared by every SpherePay v2 schema. Written against
 * `zod/mini` so the browser bundle stays small; the server uses the same files.
 */
import * as z from 'zod/mini';
import { AMOUNT_PATTERN, isPositive } from '../money.ts';
import { CRYPTO_CURRENCIES, FIAT_CURRENCIES, FIAT_NETWORKS, TRANSFER_WALLET_NETWORKS, WALLET_NETWORKS } from './networks.ts';

/**
 * Ids are a prefix and `[a-z0-9]+`, no fixed length anywhere (D10): SpherePay
 * shows payout ids with 24 and with 32 hex characters.
 */
export const idPattern = (prefix: string) => new RegExp(`^${prefix}_[a-z0-9]+$`);

const id = (prefix: string) => z.string().check(z.regex(idPattern(prefix), 'invalidFormat'));

export const CustomerId = id('customer');
export const TransferId = id('payout');
export const BankAccountId = id('bankAccount');
export const WalletId = id('wallet');
export const QuoteId = id('quote');
export const RepresentativeId = id('associatedPerson');

/** ISO-8601 with milliseconds and a trailing Z, as SpherePay writes them. */
export const Timestamp = z.string();

/** A request amount: `^\d+(\.\d{2})?$`, greater than zero. */
export const Amount = z.string().check(
  z.regex(AMOUNT_PATTERN, 'amountFormat'),
  z.refine((v) => !AMOUNT_PATTERN.test(v) || isPositive(v), 'amountPositive'),
);
/** An amount in a response (may be zero). */
export const MoneyString = z.string();
/** Basis points as an integer string, at most 10000. */
export const Bps = z.string().check(
  z.regex(/^\d+$/, 'basisPoints'),
  z.refine((v) => !/^\d+$/.test(v) || BigInt(v) <= 10000n, 'basisPointsMax'),
);

export const Country = z.string().check(z.regex(/^[A-Z]{3}$/, 'countryCode'));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDate = z.string().check(
  z.regex(ISO_DATE, 'dateFormat'),
  // Date.parse rolls 2023-02-30 over to March 2: a real date survives the round trip unchanged.
  z.refine((v) => {
    if (!ISO_DATE.test(v)) return true; // the pattern has said it
    const ms = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v;
  }, 'dateReal'),
);
export const Email = z.string().check(
  z.maxLength(254),
  z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'emailFormat'),
);
export const Phone = z.string().check(
  z.regex(/^\+(?:[0-9]){6,14}[0-9]$/, 'phoneE164'),
);
const text = (max = 255) =>
  z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max));
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

/** The currency and network lists live once, in `matrix.ts`; these are their request-side enums. */
export const FiatCurrency = z.enum(FIAT_CURRENCIES);
export const CryptoCurrency = z.enum(CRYPTO_CURRENCIES);
export const FiatNetwork = z.enum(FIAT_NETWORKS);
export const WalletNetwork = z.enum(WALLET_NETWORKS);
/** The transfer schema's wallet networks additionally list `fogo`. */
export const TransferWalletNetwork = z.enum(TRANSFER_WALLET_NETWORKS);
/**
 * A response enum is open (D11): any string is read, and known values are
 * only a hint for labels. Requests keep the closed enums above.
 */
export const OpenEnum = z.string();
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
  errors: z.optional(z.array(z.looseObject({ detail: z.string(), pointer: z.optional(z.string()) }))),
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

/**
 * A response list that keeps every item it can read and drops only the odd
 * one (D11): one item in an unexpected shape never hides the others.
 */
export const tolerantList = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.array(z.unknown()),
    z.transform((items): z.infer<T>[] =>
      items.flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data as z.infer<T>] : [];
      }),
    ),
  );

/** `{ data, pagination }`: transfers, bank accounts, wallets. Pagination is read when present. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.looseObject({ data: tolerantList(item), pagination: z.optional(z.looseObject(Pagination.shape)) });

const digits = z.string().check(z.regex(/^\d+$/, 'wholeNumber'));
/** `page` and `limit` query parameters (strings, as in the OpenAPI). */
export const PageQuery = {
  page: z.optional(digits.check(z.refine((v) => !/^\d+$/.test(v) || Number(v) >= 1, 'pageMin'))),
  limit: z.optional(digits.check(z.refine((v) => !/^\d+$/.test(v) || (Number(v) >= 1 && Number(v) <= 100), 'limitRange'))),
};
