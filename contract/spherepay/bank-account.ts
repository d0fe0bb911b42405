/** Bank accounts (API.md §3): create per currency, patch networks, the resource. */
import * as z from 'zod/mini';
import { Address, BankAccountId, CustomerId, FiatNetwork, OpenEnum, PageQuery, Text, Timestamp, page } from './common.ts';
import { isAbaRoutingNumber, isBic, isIban, normalizeIban } from '../validators.ts';

export const UsdAccountDetails = z.strictObject({
  accountNumber: z.string().check(z.regex(/^\d{4,17}$/, 'accountNumber')),
  routingNumber: z.string().check(z.refine(isAbaRoutingNumber, 'routingNumber')),
  accountType: z.enum(['checking', 'savings']),
});

export const EurAccountDetails = z.strictObject({
  iban: z.string().check(z.refine(isIban, 'iban'), z.overwrite(normalizeIban)),
  bic: z.string().check(z.overwrite((v) => v.trim().toUpperCase()), z.refine(isBic, 'bic')),
});

export const PIX_KEY_TYPES = ['cpf', 'cnpj', 'email', 'phone', 'random'] as const;
export const PixKeyType = z.enum(PIX_KEY_TYPES);

const PIX_KEY_PATTERNS: Record<(typeof PIX_KEY_TYPES)[number], [RegExp, string]> = {
  cpf: [/^\d{11}$/, 'pixCpf'],
  cnpj: [/^\d{14}$/, 'pixCnpj'],
  email: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'emailFormat'],
  phone: [/^\+55\d{10,11}$/, 'pixPhone'],
  random: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'pixRandom'],
};

export const BrlAccountDetails = z
  .strictObject({ pixKey: Text(77), pixKeyType: PixKeyType })
  .check(
    z.superRefine((v, ctx) => {
      const [pattern, message] = PIX_KEY_PATTERNS[v.pixKeyType];
      if (!pattern.test(v.pixKey)) ctx.issues.push({ code: 'custom', message, input: v, path: ['pixKey'] });
    }),
  );

/** `relationship` is documented ("relationship to the customer"; responses show `self`); its other values are unknown. */
export const AccountOwner = z.strictObject({
  accountHolderName: Text(100),
  address: Address,
  relationship: z.optional(z.string().check(z.regex(/^[a-z_]{2,32}$/, 'invalidFormat'))),
});

const base = {
  customerId: CustomerId,
  bankName: Text(100),
  accountName: Text(100),
  accountOwner: AccountOwner,
};

const distinct = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const BankAccountCreate = z.discriminatedUnion('currency', [
  z.strictObject({
    ...base,
    currency: z.literal('usd'),
    accountDetails: UsdAccountDetails,
    networks: z.array(z.enum(['ach', 'wire'])).check(z.minLength(1, 'achOrWire'), z.maxLength(2), z.refine(distinct, 'eachNetworkOnce')),
  }),
  z.strictObject({ ...base, currency: z.literal('eur'), accountDetails: EurAccountDetails, networks: z.tuple([z.literal('sepa')]) }),
  z.strictObject({ ...base, currency: z.literal('brl'), accountDetails: BrlAccountDetails, networks: z.tuple([z.literal('pix')]) }),
]);
export type BankAccountCreate = z.infer<typeof BankAccountCreate>;

export const BankAccountPatch = z.strictObject({
  networks: z.array(FiatNetwork).check(z.minLength(1, 'networkRequired'), z.refine(distinct, 'eachNetworkOnce')),
});
export type BankAccountPatch = z.infer<typeof BankAccountPatch>;

export const BankAccount = z.looseObject({
  id: BankAccountId,
  status: z.optional(OpenEnum),
  bankName: z.optional(z.string()),
  accountName: z.optional(z.string()),
  customerId: CustomerId,
  currency: OpenEnum,
  accountDetails: z.looseObject({
    accountNumber: z.optional(z.string()),
    routingNumber: z.optional(z.union([z.string(), z.number()])),
    accountType: z.optional(z.string()),
    iban: z.optional(z.string()),
    bic: z.optional(z.string()),
    pixKey: z.optional(z.string()),
    pixKeyType: z.optional(z.string()),
  }),
  accountOwner: z.optional(z.looseObject({ accountHolderName: z.optional(z.string()), relationship: z.optional(z.string()) })),
  networks: z.array(OpenEnum),
  created: z.optional(Timestamp),
  updated: z.optional(Timestamp),
});
export type BankAccount = z.infer<typeof BankAccount>;
export const BankAccountList = page(BankAccount);

export const InstrumentListQuery = z.strictObject({ ...PageQuery, customerId: z.optional(CustomerId) });
