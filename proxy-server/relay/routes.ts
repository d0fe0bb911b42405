/**
 * The relay's allowlist: exactly the SpherePay v2 calls the widget needs,
 * and for each how the session's customer is forced and checked. Anything
 * not listed here is 404.
 */
import * as z from 'zod/mini';
import { BankAccountCreate, BankAccountPatch, InstrumentListQuery } from '../../contract/spherepay/bank-account.ts';
import { CustomerPatch } from '../../contract/spherepay/customer.ts';
import { BusinessRepresentativeCreate, OtpSendRequest, OtpVerifyRequest } from '../../contract/spherepay/onboarding.ts';
import { QuoteCreate, QuoteUpdate } from '../../contract/spherepay/quote.ts';
import { TransferCreate, TransferListQuery } from '../../contract/spherepay/transfer.ts';
import { WalletCreate } from '../../contract/spherepay/wallet.ts';
import type { ResourceKind } from '../store/store.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reference {
  kind: ResourceKind;
  id: unknown;
  pointer: string;
}

export interface RelayRoute {
  method: Method;
  /** Express path under `/api/v2`; `:id` is the only parameter. */
  path: string;
  /** What `:id` names. */
  id?: ResourceKind | 'customer';
  /** Request body schema; routes without one take no body. */
  body?: z.ZodMiniType;
  /** Body field that must name the session's customer (filled in when omitted). */
  bodyCustomer?: 'customerId' | 'customer';
  query?: z.ZodMiniType;
  queryCustomer?: 'customerId' | 'customer';
  /** Other ids the body refers to; each must be the customer's. */
  refs?: (body: any) => Reference[];
  /** What comes back: one resource or a `{data}` list of them, or the customer itself. */
  returns?: { kind: ResourceKind; list?: boolean } | { kind: 'customer' };
  idempotency?: 'required' | 'optional';
  /** Money movement: written to the audit log. */
  audit?: boolean;
  /** The session's money policy applies (fees filled in; limits, directions, currencies enforced). */
  policy?: 'quote' | 'transfer';
}

/** A body-less POST may still arrive as `{}`. */
const NoBody = z.optional(z.strictObject({}));
const link = (name: string): RelayRoute => ({ method: 'POST', path: `/customer/:id/${name}`, id: 'customer', body: NoBody });
const endpointKind = (e: { type?: string }): ResourceKind => (e?.type === 'wallet' ? 'wallet' : 'bankAccount');

export const RELAY_ROUTES: readonly RelayRoute[] = [
  { method: 'GET', path: '/customer/:id', id: 'customer', returns: { kind: 'customer' } },
  { method: 'PATCH', path: '/customer/:id', id: 'customer', body: CustomerPatch, returns: { kind: 'customer' } },
  link('tos-link'),
  link('kyc-link'),
  link('face-verification-link'),
  { method: 'POST', path: '/customer/:id/otp-send', id: 'customer', body: OtpSendRequest },
  { method: 'POST', path: '/customer/:id/otp-verify', id: 'customer', body: OtpVerifyRequest },
  { method: 'POST', path: '/business-representative', body: BusinessRepresentativeCreate, bodyCustomer: 'customerId', returns: { kind: 'representative' } },
  { method: 'POST', path: '/business-representative/:id/face-verification-link', id: 'representative', body: NoBody },
  { method: 'POST', path: '/bank-account', body: BankAccountCreate, bodyCustomer: 'customerId', returns: { kind: 'bankAccount' }, idempotency: 'optional' },
  { method: 'GET', path: '/bank-account', query: InstrumentListQuery, queryCustomer: 'customerId', returns: { kind: 'bankAccount', list: true } },
  { method: 'GET', path: '/bank-account/:id', id: 'bankAccount', returns: { kind: 'bankAccount' } },
  { method: 'PATCH', path: '/bank-account/:id', id: 'bankAccount', body: BankAccountPatch, returns: { kind: 'bankAccount' } },
  { method: 'DELETE', path: '/bank-account/:id', id: 'bankAccount' },
  { method: 'POST', path: '/wallet', body: WalletCreate, bodyCustomer: 'customerId', returns: { kind: 'wallet' }, idempotency: 'optional' },
  { method: 'GET', path: '/wallet', query: InstrumentListQuery, queryCustomer: 'customerId', returns: { kind: 'wallet', list: true } },
  { method: 'GET', path: '/wallet/:id', id: 'wallet', returns: { kind: 'wallet' } },
  { method: 'DELETE', path: '/wallet/:id', id: 'wallet' },
  { method: 'POST', path: '/quote', body: QuoteCreate, bodyCustomer: 'customerId', returns: { kind: 'quote' }, idempotency: 'optional', policy: 'quote' },
  { method: 'GET', path: '/quote/:id', id: 'quote', returns: { kind: 'quote' } },
  { method: 'PUT', path: '/quote/:id', id: 'quote', body: QuoteUpdate, returns: { kind: 'quote' } },
  {
    method: 'POST', path: '/transfer', body: TransferCreate, bodyCustomer: 'customer', returns: { kind: 'transfer' }, idempotency: 'required', audit: true, policy: 'transfer',
    refs: (b) => [
      { kind: endpointKind(b.source), id: b.source?.id, pointer: '/source/id' },
      { kind: endpointKind(b.destination), id: b.destination?.id, pointer: '/destination/id' },
      ...(b.quoteId !== undefined ? [{ kind: 'quote' as const, id: b.quoteId, pointer: '/quoteId' }] : []),
    ],
  },
  { method: 'GET', path: '/transfer', query: TransferListQuery, queryCustomer: 'customer', returns: { kind: 'transfer', list: true } },
  { method: 'GET', path: '/transfer/:id', id: 'transfer', returns: { kind: 'transfer' } },
  { method: 'DELETE', path: '/transfer/:id', id: 'transfer', returns: { kind: 'transfer' }, audit: true },
];
