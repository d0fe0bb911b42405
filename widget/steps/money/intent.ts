/**
 * What the person is setting up, kept outside the flow state because it is
 * private to the money steps: the ramp step's draft (so "Back" from a quote
 * restores the choices) and, per quote, the instruments and the
 * Idempotency-Key of the transfer it will create. Keys are generated once
 * per intent so a double click or a retry after a network error reuses them.
 */
import type { RampClient } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import type { Direction } from '../../state/flow.ts';

export interface Draft {
  direction: Direction;
  amount: string;
  bankAccountId?: string;
  walletId?: string;
  /** The stablecoin chosen on the wallet's network. */
  crypto?: string;
  /** The rail chosen on the bank account (ach, wire, sepa, pix). */
  rail?: string;
  /** ACH reference, wire message or SEPA reference for a bank destination. */
  reference?: string;
}

export interface Intent {
  direction: Direction;
  bankAccountId: string;
  walletId: string;
  rail: string;
  idempotencyKey: string;
  reference?: string;
}

// Keyed by the widget instance's client, so two widgets on a page never share a draft.
const drafts = new WeakMap<RampClient, Draft>();
const intents = new Map<string, Intent>();

export const loadDraft = (client: RampClient): Draft | undefined => drafts.get(client);
export const saveDraft = (client: RampClient, draft: Draft) => void drafts.set(client, draft);

export function rememberIntent(quoteId: string, intent: Omit<Intent, 'idempotencyKey'>): Intent {
  const stored = { ...intent, idempotencyKey: newIdempotencyKey() };
  intents.set(quoteId, stored);
  return stored;
}

export const intentFor = (quoteId: string): Intent | undefined => intents.get(quoteId);
export const forgetIntent = (quoteId: string) => void intents.delete(quoteId);

/** Which request field carries the reference for a bank-account destination on `rail`. */
export const REFERENCE_FIELD = { ach: 'achReference', wire: 'wireMessage', sepa: 'sepaReference' } as const;
export type ReferenceRail = keyof typeof REFERENCE_FIELD;
export const hasReference = (rail: string | undefined): rail is ReferenceRail => !!rail && rail in REFERENCE_FIELD;
