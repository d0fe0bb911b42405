/**
 * The sandbox's state: plain in-memory maps, one per resource. Records keep
 * what the API never shows (full account numbers, profile internals);
 * `views.ts` turns them into the resources GET returns.
 */
import type { BankAccount } from '../contract/spherepay/bank-account.ts';
import type { BusinessCustomerCreate, IndividualCustomerCreate } from '../contract/spherepay/customer.ts';
import type { Document } from '../contract/spherepay/document.ts';
import type { BusinessRepresentativeCreate } from '../contract/spherepay/onboarding.ts';
import type { Quote } from '../contract/spherepay/quote.ts';
import type { Transfer } from '../contract/spherepay/transfer.ts';
import type { Wallet } from '../contract/spherepay/wallet.ts';
import type { ProfileState } from './criteria.ts';

export type IndividualData = Omit<IndividualCustomerCreate, 'type' | 'meta'>;
export type BusinessData = Omit<BusinessCustomerCreate, 'type' | 'meta'>;

interface Verifiable {
  profile: ProfileState;
  /** Sides uploaded per identity document type, e.g. drivers -> {front}. */
  identitySides: Map<string, Set<string>>;
  documents: Document[];
}

export type CustomerRecord = Verifiable & {
  id: string;
  seq: number;
  meta: Record<string, string | number | boolean | null>;
  createdAt: string;
  updatedAt: string;
  tosAccepted: boolean;
  /** OTP channel -> epoch ms when the last code sent expires. */
  otpSent: Map<string, number>;
  /** Individuals: `kyc_profile_b`, the BRL/PIX profile, approved on its own (D13). */
  profileB?: ProfileState;
} & ({ type: 'individual'; data: IndividualData } | { type: 'business'; data: BusinessData; representatives: string[] });

export interface RepresentativeRecord extends Verifiable {
  id: string;
  customerId: string;
  data: Omit<BusinessRepresentativeCreate, 'customerId' | 'type'>;
  createdAt: string;
  updatedAt: string;
}

export interface BankAccountRecord {
  seq: number;
  resource: BankAccount;
}

export interface HostedToken {
  kind: 'tos' | 'kyc' | 'face';
  targetId: string;
  expiresAt: number;
  used: boolean;
}

export interface TransferRecord {
  seq: number;
  resource: Transfer;
  /**
   * The source side as requested: the resource shows `source: {id, type}`
   * only, as every v2 example does (D12); sorting and tracking use this.
   */
  sourceSide: { currency: string; network: string; amount: string };
  /** Fees withheld from the view until settlement (floating BRL). */
  deferredFees?: Transfer['fees'];
}

export interface Store {
  customers: Map<string, CustomerRecord>;
  representatives: Map<string, RepresentativeRecord>;
  bankAccounts: Map<string, BankAccountRecord>;
  wallets: Map<string, { seq: number; resource: Wallet }>;
  quotes: Map<string, { seq: number; resource: Quote }>;
  transfers: Map<string, TransferRecord>;
  hostedTokens: Map<string, HostedToken>;
  /** Monotonic insertion counter: a stable "newest first" when timestamps tie. */
  nextSeq(): number;
}

export function createStore(): Store {
  let seq = 0;
  return {
    customers: new Map(),
    representatives: new Map(),
    bankAccounts: new Map(),
    wallets: new Map(),
    quotes: new Map(),
    transfers: new Map(),
    hostedTokens: new Map(),
    nextSeq: () => ++seq,
  };
}
