/**
 * What the person is setting up, kept outside the flow state because it is
 * private to the money steps: the ramp step's draft (so "Back" from a quote
 * or a reload restores the choices) and, per quote, the instruments and the
 * Idempotency-Key of the transfer it will create. Keys are generated once
 * per intent so a double click or a retry after a network error reuses them.
 */
import { newIdempotencyKey } from '../../api/client.ts';
import type { Direction } from '../../state/flow.ts';

export interface Draft {
  direction: Direction;
  amount: string;
  /** The fiat side's currency and the stablecoin side's network, chosen on the amount screen. */
  fiat?: string;
  network?: string;
  bankAccountId?: string;
  walletId?: string;
  /** The stablecoin chosen on the wallet's network. */
  crypto?: string;
  /** The rail chosen on the bank account (ach, wire, sepa, pix). */
  rail?: string;
  /** ACH reference, wire message or SEPA reference for a bank destination. */
  reference?: string;
  /** Set when the person had moved on to choosing instruments (so Back from a quote, or a reload, returns there). */
  stage?: 'instruments';
}

export interface Intent {
  direction: Direction;
  bankAccountId: string;
  walletId: string;
  rail: string;
  idempotencyKey: string;
  reference?: string;
}

const intents = new Map<string, Intent>();

/**
 * Drafts live in sessionStorage (per customer) so a reload keeps what was
 * typed; they hold choices and an amount only, never secrets. Storage that
 * is unavailable (private mode, sandboxed iframe) just means no draft.
 */
const draftKey = (customerId: string) => `sphere-ramp:money-draft:${customerId}`;

export function loadDraft(customerId: string | undefined): Draft | undefined {
  if (!customerId) return undefined;
  try {
    const raw = sessionStorage.getItem(draftKey(customerId));
    const draft = raw ? (JSON.parse(raw) as Partial<Draft>) : undefined;
    if (!draft || (draft.direction !== 'on-ramp' && draft.direction !== 'off-ramp')) return undefined;
    return { ...draft, direction: draft.direction, amount: typeof draft.amount === 'string' ? draft.amount : '' };
  } catch {
    return undefined;
  }
}

export function saveDraft(customerId: string | undefined, draft: Draft) {
  if (!customerId) return;
  try {
    sessionStorage.setItem(draftKey(customerId), JSON.stringify(draft));
  } catch {
    // No storage: the draft lives only as long as the step.
  }
}

export function clearDraft(customerId: string | undefined) {
  if (!customerId) return;
  try {
    sessionStorage.removeItem(draftKey(customerId));
  } catch {
    // Nothing stored.
  }
}

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
