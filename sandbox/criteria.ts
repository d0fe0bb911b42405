/**
 * The verification criteria engine (spherepay/docs/002): each profile lists
 * the items it needs; data items are complete while the data is there, the
 * rest are fulfilled by documents, hosted pages and OTP. Documents wait in
 * `pending` for DOCUMENT_REVIEW_SECONDS of clock time before they complete
 * (or fail, for files the sandbox treats as blurry).
 */
import {
  BUSINESS_BASE_CRITERIA, ENHANCED_CRITERIA, INDIVIDUAL_BASE_CRITERIA, UBO_CRITERIA,
} from '../contract/criteria.ts';
import type { Criteria, VerificationProfile, VerificationStatus } from '../contract/spherepay/customer.ts';

export const DOCUMENT_REVIEW_SECONDS = 2;

export interface CriterionError {
  name: string;
  message: string;
}

export interface ProfileState {
  name: string;
  status: VerificationStatus;
  /** Every item this profile needs, in display order. */
  items: readonly string[];
  /** Items fulfilled by an action (documents, links, OTP). */
  fulfilled: Set<string>;
  /** Items under review: epoch ms when the review ends, and the error it ends with, if any. */
  reviewing: Map<string, { until: number; error?: string }>;
  errors: CriterionError[];
}

export const UBO_ITEMS = UBO_CRITERIA;

/** `meta.sandboxRequire` words and the enhanced items they add. */
const ENHANCED: Record<string, { individual: string[]; business: string[] }> = {
  tos: { individual: ['terms_of_service'], business: ['terms_of_service', 'master_service_agreement'] },
  terms_of_service: { individual: ['terms_of_service'], business: ['terms_of_service', 'master_service_agreement'] },
  master_service_agreement: { individual: [], business: ['master_service_agreement'] },
  liveness_check: { individual: ['liveness_check'], business: [] },
  liveness_report_document: { individual: ['liveness_report_document'], business: [] },
  otp: { individual: ['email_verification', 'phone_verification'], business: ['email_verification', 'phone_verification'] },
  email_verification: { individual: ['email_verification'], business: ['email_verification'] },
  phone_verification: { individual: ['phone_verification'], business: ['phone_verification'] },
};
const ENHANCED_ORDER: readonly string[] = ENHANCED_CRITERIA;
export const SANDBOX_REQUIRE_WORDS = [...Object.keys(ENHANCED), 'none'];

export const DEFAULT_REQUIRE = { individual: 'tos,liveness_check', business: 'tos' } as const;

/** Unknown words, so creation can refuse them with a pointer. */
export function unknownRequireWords(value: string): string[] {
  return words(value).filter((w) => !SANDBOX_REQUIRE_WORDS.includes(w));
}

const words = (value: string) => value.split(',').map((w) => w.trim()).filter(Boolean);

export function profileItems(kind: 'individual' | 'business', sandboxRequire: string | undefined): string[] {
  const base: readonly string[] = kind === 'individual' ? INDIVIDUAL_BASE_CRITERIA : BUSINESS_BASE_CRITERIA;
  const extra = new Set(words(sandboxRequire ?? DEFAULT_REQUIRE[kind]).flatMap((w) => ENHANCED[w]?.[kind] ?? []));
  return [...base, ...ENHANCED_ORDER.filter((item) => extra.has(item))];
}

export function newProfile(name: string, items: readonly string[]): ProfileState {
  return { name, status: 'incomplete', items, fulfilled: new Set(), reviewing: new Map(), errors: [] };
}

/**
 * A second profile fed by the same onboarding (D13: individuals hold
 * `kyc_profile_a` and `kyc_profile_b`): it shares the items, fulfilments,
 * reviews and errors of `of`, and keeps its own status, so each is approved
 * on its own.
 */
export function twinProfile(name: string, of: ProfileState): ProfileState {
  const twin = { name, status: 'incomplete', items: of.items, fulfilled: of.fulfilled, reviewing: of.reviewing } as ProfileState;
  Object.defineProperty(twin, 'errors', { get: () => of.errors, set: (v: CriterionError[]) => (of.errors = v), enumerable: true });
  return twin;
}

/** Starts a document review: the item leaves `required` (and its old error) for `pending`. */
export function startReview(profile: ProfileState, item: string, nowMs: number, error?: string): void {
  if (!profile.items.includes(item) || profile.fulfilled.has(item)) return;
  profile.errors = profile.errors.filter((e) => e.name !== item);
  profile.reviewing.set(item, { until: nowMs + DOCUMENT_REVIEW_SECONDS * 1000, ...(error ? { error } : {}) });
}

export function fulfil(profile: ProfileState, item: string): void {
  if (!profile.items.includes(item)) return;
  profile.reviewing.delete(item);
  profile.errors = profile.errors.filter((e) => e.name !== item);
  profile.fulfilled.add(item);
}

/** Ends reviews whose time has come. Returns whether anything changed. */
export function settleReviews(profile: ProfileState, nowMs: number): boolean {
  let changed = false;
  for (const [item, review] of profile.reviewing) {
    if (review.until > nowMs) continue;
    changed = true;
    profile.reviewing.delete(item);
    if (review.error) profile.errors.push({ name: item, message: review.error });
    else profile.fulfilled.add(item);
  }
  return changed;
}

/** The profile as the API shows it, given which data items the record currently satisfies. */
export function viewProfile(profile: ProfileState, dataItems: ReadonlySet<string>): VerificationProfile & { criteria: Criteria } {
  const complete: string[] = [];
  const pending: string[] = [];
  const required: string[] = [];
  for (const item of profile.items) {
    if (profile.fulfilled.has(item) || dataItems.has(item)) complete.push(item);
    else if (profile.reviewing.has(item)) pending.push(item);
    else required.push(item);
  }
  return { name: profile.name, status: profile.status, criteria: { complete, pending, required, errors: profile.errors.map((e) => ({ ...e })) } };
}

/** Everything done and nothing under review: the profile is ready to be submitted. */
export const isSatisfied = (profile: ProfileState, dataItems: ReadonlySet<string>) =>
  profile.items.every((item) => profile.fulfilled.has(item) || dataItems.has(item));
