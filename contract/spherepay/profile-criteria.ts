/**
 * A profile's criteria whichever documented shape it comes in (nested under
 * `criteria`, flat on the profile, or missing: D11). Kept apart from the
 * schemas so the widget's shell can read profiles without loading zod.
 */
import type { Criteria, VerificationProfile } from './customer.ts';

export function criteriaOf(profile: VerificationProfile | undefined): Criteria {
  const c = profile?.criteria ?? profile ?? {};
  return { complete: c.complete ?? [], pending: c.pending ?? [], required: c.required ?? [], errors: c.errors ?? [] };
}
