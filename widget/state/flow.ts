/**
 * The flow's state: what the widget knows about the person's session,
 * customer and money movement. One place holds it (the root element); every
 * step reads it through `rampContext` and changes it through `RampContext.set`.
 * Which step is shown is derived from it (`deriveStep`), never stored.
 */
import type { Customer, VerificationProfile } from '../../contract/spherepay/customer.ts';
import type { BankAccount } from '../../contract/spherepay/bank-account.ts';
import type { Wallet } from '../../contract/spherepay/wallet.ts';
import type { Quote } from '../../contract/spherepay/quote.ts';
import type { Transfer } from '../../contract/spherepay/transfer.ts';
import type { SessionPolicy } from '../../contract/proxy-api.ts';

export type Direction = 'on-ramp' | 'off-ramp';

/** What the host preset through attributes. */
export interface Presets {
  direction?: Direction;
  amount?: string;
  sourceCurrency?: string;
  destinationCurrency?: string;
  network?: string;
  externalId?: string;
  /** false when the host turned quotes off: transfers then float. */
  quotes: boolean;
}

/** Where the person chose to be in the money part of the flow. */
export type MoneyView = 'ramp' | 'history';

export interface FlowState {
  /** undefined while the session is being obtained; null when it failed. */
  session: { customerId: string | null; expiresAt?: string; policy?: SessionPolicy } | null | undefined;
  /** undefined = not loaded yet; null = the person has no customer yet. */
  customer: Customer | null | undefined;
  bankAccounts: BankAccount[] | undefined;
  wallets: Wallet[] | undefined;
  /** The quote being shown (locked rate), until a transfer redeems it. */
  quote: Quote | undefined;
  /** The transfer being followed (deposit instructions + live status). */
  transfer: Transfer | undefined;
  moneyView: MoneyView;
  presets: Presets;
  /** The proxy offers sandbox controls (approve, simulate deposit). */
  sandbox: boolean;
  /** Live events are flowing; when false, steps poll. */
  live: boolean;
}

export const initialFlowState = (presets: Presets): FlowState => ({
  session: undefined,
  customer: undefined,
  bankAccounts: undefined,
  wallets: undefined,
  quote: undefined,
  transfer: undefined,
  moneyView: 'ramp',
  presets,
  sandbox: false,
  live: false,
});

export type StepId =
  | 'loading'        // obtaining the session or the customer
  | 'session-error'  // no session could be obtained
  | 'profile'        // no customer yet: individual or business, then the form
  | 'verification'   // criteria still required: the checklist and its actions
  | 'review'         // all submitted; SpherePay is reviewing (pending)
  | 'rejected'
  | 'ramp'           // approved: direction, amount, instruments
  | 'quote'          // a locked quote to confirm
  | 'transfer'       // deposit instructions and live status
  | 'history';

/** The profile that decides the customer's state (the first; most integrations have one). */
export const primaryProfile = (customer: Customer): VerificationProfile | undefined => customer.verificationProfiles[0];

export function deriveStep(state: FlowState): StepId {
  if (state.session === null) return 'session-error';
  if (state.session === undefined || state.customer === undefined) return 'loading';
  if (state.customer === null) return 'profile';
  const status = primaryProfile(state.customer)?.status ?? 'incomplete';
  if (status === 'rejected') return 'rejected';
  if (status === 'pending') return 'review';
  if (status !== 'approved') return 'verification';
  if (state.transfer) return 'transfer';
  if (state.quote) return 'quote';
  return state.moneyView;
}
