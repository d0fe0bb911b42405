/**
 * Which verification profile a currency needs (API.md D13). A customer may
 * hold several profiles; gating reads the one the currency needs, never
 * simply the first.
 */
import type { VerificationProfile } from './customer.ts';

export const PROFILE_NAMES = {
  /** Individuals, USD/EUR. */
  individual: 'kyc_profile_a',
  /** Individuals, BRL/PIX: a separate onboarding path. */
  individualBrl: 'kyc_profile_b',
  /** Businesses, every currency (no business BRL profile is documented). */
  business: 'kyb_profile_a',
  /** Business representatives. */
  representative: 'ubo_kyc_profile_a',
} as const;

/** Currencies (fiat or crypto side of a pair) that need the BRL profile. */
const BRL = new Set(['brl', 'pix']);

interface HasProfiles {
  type?: string;
  verificationProfiles?: readonly VerificationProfile[];
}

/**
 * The profile that decides whether `customer` may use `currency` (the fiat
 * currency or rail; omitted = the customer's main profile). Undefined when
 * the customer has no such profile: BRL for someone without `kyc_profile_b`.
 */
export function profileFor(customer: HasProfiles, currency?: string): VerificationProfile | undefined {
  const profiles = customer.verificationProfiles ?? [];
  const named = (name: string) => profiles.find((p) => p.name === name);
  const business = named(PROFILE_NAMES.business);
  if (business || customer.type === 'business') return business ?? main(profiles);
  if (currency && BRL.has(currency.toLowerCase())) return named(PROFILE_NAMES.individualBrl);
  return named(PROFILE_NAMES.individual) ?? main(profiles);
}

/** Without a known name: the single profile, else the first that is not the BRL one. */
function main(profiles: readonly VerificationProfile[]): VerificationProfile | undefined {
  if (profiles.length <= 1) return profiles[0];
  return profiles.find((p) => p.name !== PROFILE_NAMES.individualBrl) ?? profiles[0];
}

export const isApprovedFor = (customer: HasProfiles, currency?: string) => profileFor(customer, currency)?.status === 'approved';
