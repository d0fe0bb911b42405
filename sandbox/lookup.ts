/** Finding records by a path or body id: malformed -> 422, unknown -> 404. */
import type * as z from 'zod/mini';
import { BankAccountId, CustomerId, QuoteId, RepresentativeId, TransferId, WalletId } from '../contract/spherepay/common.ts';
import type { Context } from './context.ts';
import { notFound, parse } from './problems.ts';
import type { CustomerRecord } from './store.ts';
import { refreshCustomer } from './verification.ts';

function find<T>(map: Map<string, T>, schema: z.ZodMiniType, id: unknown, pointer: PropertyKey[]): T {
  const valid = parse(schema, id, pointer) as string;
  const found = map.get(valid);
  if (!found) throw notFound();
  return found;
}

/** The customer, brought up to date with the clock. */
export function findCustomer(ctx: Context, id: unknown, pointer: PropertyKey[] = ['id']): CustomerRecord {
  const record = find(ctx.store.customers, CustomerId, id, pointer);
  refreshCustomer(ctx, record);
  return record;
}

export const findRepresentative = (ctx: Context, id: unknown, pointer: PropertyKey[] = ['id']) =>
  find(ctx.store.representatives, RepresentativeId, id, pointer);
export const findBankAccount = (ctx: Context, id: unknown, pointer: PropertyKey[] = ['id']) =>
  find(ctx.store.bankAccounts, BankAccountId, id, pointer);
export const findWallet = (ctx: Context, id: unknown, pointer: PropertyKey[] = ['id']) => find(ctx.store.wallets, WalletId, id, pointer);
export const findQuote = (ctx: Context, id: unknown, pointer: PropertyKey[] = ['id']) => find(ctx.store.quotes, QuoteId, id, pointer);
export const findTransfer = (ctx: Context, id: unknown, pointer: PropertyKey[] = ['id']) =>
  find(ctx.store.transfers, TransferId, id, pointer);
