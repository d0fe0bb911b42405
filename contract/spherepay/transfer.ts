/** Transfers (API.md §6): floating and quote variants, the payout object. */
import * as z from 'zod/mini';
import {
  Amount, Bps, CustomerId, FiatCurrency, FiatNetwork, MoneyString, PageQuery, QuoteId, Text, Timestamp,
  TransferId, TransferWalletNetwork, CryptoCurrency, page,
} from './common.ts';
import { Fees } from './quote.ts';

/** Every v2 status (§6.2); `pendingFunding` is the only cancelable one. */
export const TRANSFER_STATUSES = [
  'pendingFunding', 'pendingReview', 'fundsReceived', 'processing', 'succeeded', 'returned', 'pendingRefundInformation',
  'failed', 'canceled', 'refunded', 'unexpectedError', 'failedPrecondition', 'expired', 'undeliverable',
] as const;
export const TransferStatus = z.enum(TRANSFER_STATUSES);
export type TransferStatus = z.infer<typeof TransferStatus>;

export const TERMINAL_STATUSES: readonly TransferStatus[] = ['succeeded', 'canceled', 'refunded', 'expired', 'undeliverable'];

/** Which status may follow which (the sandbox's lifecycle; §6.2). */
export const NEXT_STATUSES: Record<TransferStatus, readonly TransferStatus[]> = {
  pendingFunding: ['pendingReview', 'fundsReceived', 'canceled', 'expired'],
  pendingReview: ['fundsReceived', 'failedPrecondition', 'failed'],
  fundsReceived: ['processing', 'pendingReview', 'failed'],
  processing: ['succeeded', 'failed', 'unexpectedError', 'returned'],
  succeeded: [],
  returned: ['pendingRefundInformation', 'refunded'],
  pendingRefundInformation: ['refunded'],
  failed: ['pendingRefundInformation', 'refunded'],
  canceled: ['returned', 'pendingRefundInformation'],
  refunded: [],
  unexpectedError: ['pendingRefundInformation', 'refunded'],
  failedPrecondition: ['pendingRefundInformation', 'refunded'],
  expired: [],
  undeliverable: [],
};

const Reference = {
  achReference: z.optional(Text(10)),
  wireMessage: z.optional(Text(105)),
  sepaReference: z.optional(z.string().check(z.minLength(6, 'sepaReferenceLength'), z.maxLength(140, 'sepaReferenceLength'))),
};

export const TransferEndpoint = z.strictObject({
  type: z.enum(['wallet', 'bank_account']),
  id: z.string().check(z.regex(/^(wallet|bankAccount)_[a-z0-9]+$/, 'instrumentId')),
  currency: z.optional(z.union([FiatCurrency, CryptoCurrency])),
  network: z.optional(z.union([FiatNetwork, TransferWalletNetwork])),
  ...Reference,
});

/**
 * One request schema for both variants: floating-rate (amount, currencies and
 * networks) or quote (`quoteId`, no amount). One object keeps error pointers
 * precise where a union would report only "invalid input".
 */
export const TransferCreate = z
  .strictObject({
    customer: CustomerId,
    amount: z.optional(Amount),
    quoteId: z.optional(QuoteId),
    source: TransferEndpoint,
    destination: TransferEndpoint,
    integratorFixedFee: z.optional(Amount),
    integratorBpsFeeRate: z.optional(Bps),
    externalId: z.optional(Text(255)),
  })
  .check(
    z.superRefine((v, ctx) => {
      const issue = (path: PropertyKey[], message: string) => ctx.issues.push({ code: 'custom', input: v, path, message });
      const kind = (e: { type: string; id: string }, at: string) => {
        const prefix = e.type === 'wallet' ? 'wallet_' : 'bankAccount_';
        if (!e.id.startsWith(prefix)) issue([at, 'id'], 'instrumentId');
      };
      kind(v.source, 'source');
      kind(v.destination, 'destination');
      if (v.source.type === v.destination.type) issue(['destination', 'type'], 'transferSides');
      if (v.quoteId) {
        if (v.amount !== undefined) issue(['amount'], 'quoteNoAmount');
        for (const at of ['source', 'destination'] as const) {
          if (v[at].currency !== undefined) issue([at, 'currency'], 'quoteNoCurrency');
          if (v[at].network !== undefined) issue([at, 'network'], 'quoteNoCurrency');
        }
        if (v.integratorFixedFee !== undefined || v.integratorBpsFeeRate !== undefined) {
          issue([v.integratorFixedFee !== undefined ? 'integratorFixedFee' : 'integratorBpsFeeRate'], 'quoteNoFees');
        }
      } else {
        if (v.amount === undefined) issue(['amount'], 'required');
        for (const at of ['source', 'destination'] as const) {
          if (v[at].currency === undefined) issue([at, 'currency'], 'required');
          if (v[at].network === undefined) issue([at, 'network'], 'required');
        }
      }
      if (v.source.type === 'bank_account') {
        for (const key of ['achReference', 'wireMessage', 'sepaReference'] as const) {
          if (v.source[key] !== undefined) issue(['source', key], 'referenceOnBank');
        }
      }
    }),
  );
export type TransferCreate = z.infer<typeof TransferCreate>;

export const BankDepositDetails = z.looseObject({
  bankName: z.optional(z.string()),
  accountHolderName: z.optional(z.string()),
  accountType: z.optional(z.string()),
  accountNumber: z.optional(z.string()),
  routingNumber: z.optional(z.union([z.string(), z.number()])),
  bic: z.optional(z.string()),
  iban: z.optional(z.string()),
  pixKey: z.optional(z.string()),
  brCode: z.optional(z.string()),
  bankAddress: z.optional(z.string()),
  beneficiaryAddress: z.optional(z.string()),
  memo: z.optional(z.string()),
});

/** Off-ramp deposit instructions: the sandbox's decision D9. */
export const WalletDepositDetails = z.looseObject({
  address: z.string(),
  network: z.string(),
  currency: z.string(),
  amount: MoneyString,
  memo: z.optional(z.string()),
});

export const DepositAccount = z.union([
  z.looseObject({ type: z.literal('bank_account'), bankDetails: BankDepositDetails }),
  z.looseObject({ type: z.literal('wallet'), walletDetails: WalletDepositDetails }),
]);
export type DepositAccount = z.infer<typeof DepositAccount>;

export const TransferType = z.enum(['on_ramp', 'off_ramp', 'unmatched_deposit', 'microdeposit']);

export const Transfer = z.looseObject({
  id: TransferId,
  type: TransferType,
  status: TransferStatus,
  customer: CustomerId,
  externalId: z.optional(z.nullable(z.string())),
  amount: z.optional(MoneyString),
  source: z.looseObject({
    id: z.string(),
    type: z.string(),
    currency: z.optional(z.string()),
    network: z.optional(z.string()),
    amount: z.optional(MoneyString),
  }),
  destination: z.looseObject({
    id: z.string(),
    type: z.string(),
    currency: z.optional(z.string()),
    network: z.optional(z.string()),
    amount: z.optional(MoneyString),
    exchangeRate: z.optional(z.string()),
  }),
  depositAccount: z.optional(z.nullable(DepositAccount)),
  fees: z.optional(Fees),
  quote: z.optional(z.nullable(z.looseObject({ id: QuoteId, expiresAt: Timestamp }))),
  tracking: z.optional(z.looseObject({})),
  created: Timestamp,
  updated: Timestamp,
});
export type Transfer = z.infer<typeof Transfer>;
export const TransferList = page(Transfer);

/** The list filter `type` is camelCase while the object is snake_case. */
export const TRANSFER_TYPE_FILTER = { onRamp: 'on_ramp', offRamp: 'off_ramp', onChain: 'on_chain', microdeposit: 'microdeposit', unmatchedDeposit: 'unmatched_deposit' } as const;

export const TransferListQuery = z.strictObject({
  ...PageQuery,
  customer: z.optional(CustomerId),
  status: z.optional(TransferStatus),
  type: z.optional(z.enum(['onRamp', 'offRamp', 'onChain', 'microdeposit', 'unmatchedDeposit'])),
  sort: z.optional(z.string().check(z.regex(/^-?(created|updated|status|type|amount)(,-?(created|updated|status|type|amount))*$/, 'sortFormat'))),
});


