/** Transfers (API.md §6): floating and quote variants, the payout object. */
import * as z from 'zod/mini';
import {
  Amount, Bps, CustomerId, FiatCurrency, FiatNetwork, MoneyString, OpenEnum, PageQuery, QuoteId, Text, Timestamp,
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
/** Statuses are read open (D11): an unknown one is not terminal, so the transfer keeps being followed. */
export const isTerminalStatus = (status: string) => (TERMINAL_STATUSES as readonly string[]).includes(status);
export const isKnownStatus = (status: string): status is TransferStatus => (TRANSFER_STATUSES as readonly string[]).includes(status);

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
        // `currency`/`network` may be echoed beside a quote (docs/001: "same structure"); the sandbox checks they match it.
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
export type BankDepositDetails = z.infer<typeof BankDepositDetails>;

/** Off-ramp deposit keys (D9): every one optional, read from whichever documented shape is present. */
export const WalletDepositDetails = z.looseObject({
  address: z.optional(z.string()),
  network: z.optional(z.string()),
  currency: z.optional(z.string()),
  amount: z.optional(z.string()),
  memo: z.optional(z.string()),
});
export type WalletDepositDetails = z.infer<typeof WalletDepositDetails>;

/** `depositAccount`: the bank variant, the wallet variant (D9), or a flat object; the type is open. */
export const DepositAccount = z.looseObject({
  type: z.optional(OpenEnum),
  bankDetails: z.optional(BankDepositDetails),
  walletDetails: z.optional(WalletDepositDetails),
  ...WalletDepositDetails.shape,
});
export type DepositAccount = z.infer<typeof DepositAccount>;

export const TransferType = z.enum(['on_ramp', 'off_ramp', 'unmatched_deposit', 'microdeposit']);

/**
 * The payout object, read tolerantly (D10-D12): prefix ids, open `type`,
 * `status` and networks; `source` is `{id, type}` in every v2 example, so
 * amounts shown come from the request or the quote, never from here.
 */
export const Transfer = z.looseObject({
  id: TransferId,
  type: OpenEnum,
  status: OpenEnum,
  customer: CustomerId,
  externalId: z.optional(z.nullable(z.string())),
  source: z.looseObject({ id: z.optional(z.string()), type: z.optional(z.string()) }),
  destination: z.looseObject({
    id: z.optional(z.string()),
    type: z.optional(z.string()),
    currency: z.optional(z.string()),
    network: z.optional(z.string()),
    amount: z.optional(MoneyString),
    exchangeRate: z.optional(z.string()),
  }),
  depositAccount: z.optional(z.nullable(DepositAccount)),
  /** The lifecycle page's off-ramp shape: `instructions.depositInstructions` (D9). */
  instructions: z.optional(z.nullable(z.looseObject({ depositInstructions: z.optional(z.nullable(WalletDepositDetails)) }))),
  fees: z.optional(z.nullable(Fees)),
  quote: z.optional(z.nullable(z.looseObject({ id: z.optional(z.string()), expiresAt: z.optional(Timestamp) }))),
  tracking: z.optional(z.nullable(z.looseObject({}))),
  created: z.optional(Timestamp),
  updated: z.optional(Timestamp),
});
export type Transfer = z.infer<typeof Transfer>;
export const TransferList = page(Transfer);

/** What to send where: the bank details of an on-ramp, or the wallet deposit of an off-ramp, whichever shape carried them (D9). */
export type DepositDetails =
  | { kind: 'bank'; details: BankDepositDetails }
  | { kind: 'wallet'; details: WalletDepositDetails }
  | undefined;

export function depositDetails(t: Pick<Transfer, 'depositAccount' | 'instructions'>): DepositDetails {
  const account = t.depositAccount;
  if (account?.bankDetails) return { kind: 'bank', details: account.bankDetails };
  if (account?.walletDetails) return { kind: 'wallet', details: account.walletDetails };
  const fromInstructions = t.instructions?.depositInstructions;
  if (fromInstructions) return { kind: 'wallet', details: fromInstructions };
  if (account && (account.address || account.network)) {
    const { address, network, currency, amount, memo } = account;
    return { kind: 'wallet', details: { address, network, currency, amount, memo } };
  }
  return undefined;
}

/** The list filter `type` is camelCase while the object is snake_case. */
export const TRANSFER_TYPE_FILTER = { onRamp: 'on_ramp', offRamp: 'off_ramp', onChain: 'on_chain', microdeposit: 'microdeposit', unmatchedDeposit: 'unmatched_deposit' } as const;

export const TransferListQuery = z.strictObject({
  ...PageQuery,
  customer: z.optional(CustomerId),
  status: z.optional(TransferStatus),
  type: z.optional(z.enum(['onRamp', 'offRamp', 'onChain', 'microdeposit', 'unmatchedDeposit'])),
  sort: z.optional(z.string().check(z.regex(/^-?(created|updated|status|type|amount)(,-?(created|updated|status|type|amount))*$/, 'sortFormat'))),
});


