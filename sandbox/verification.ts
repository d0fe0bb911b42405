/**
 * Moves verification profiles: which data items a record satisfies, settling
 * document reviews, submitting a satisfied profile for review (`pending`,
 * webhook `customer.kyc.pending`), and the final approve / reject.
 */
import type { Context } from './context.ts';
import { isSatisfied, settleReviews, viewProfile, type ProfileState } from './criteria.ts';
import type { CustomerRecord, RepresentativeRecord } from './store.ts';
import { viewCustomer } from './views.ts';

const has = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Items complete because the data is on the record (as opposed to fulfilled by an action). */
export function customerDataItems(ctx: Context, record: CustomerRecord): Set<string> {
  const items = new Set<string>();
  if (has(record.data.email)) items.add('email_address');
  if (has(record.data.phone)) items.add('phone_number');
  if (record.type === 'individual') {
    if (record.data.address) items.add('residential_address');
    if (has(record.data.personalInformation?.taxIdentificationNumber)) items.add('tax_identification_number');
    return items;
  }
  for (const a of record.data.addresses) items.add(`${a.type}_address`);
  const info = record.data.businessInformation;
  const fields: Record<string, unknown> = {
    legal_name: info.legalName, trade_name: info.tradeName, entity_type: info.entityType, description: info.description,
    naics_code: info.naicsCode, website: info.website, incorporated_on: info.incorporatedOn,
    identification_number: info.identificationNumber, estimated_annual_revenue: info.estimatedAnnualRevenueInUsd,
    expected_monthly_payments: info.expectedMonthlyPaymentsInUsd, account_purpose: info.accountPurpose,
    source_of_funds: info.primarySourceOfFunds, regulated_activities: info.regulatedActivities,
  };
  for (const [item, value] of Object.entries(fields)) if (has(value)) items.add(item);
  const reps = record.representatives.map((id) => ctx.store.representatives.get(id)!);
  if (reps.length > 0 && reps.every((r) => r.profile.status !== 'incomplete')) items.add('business_representatives');
  return items;
}

export function representativeDataItems(rep: RepresentativeRecord): Set<string> {
  const items = new Set<string>(['email_address', 'phone_number', 'residential_address']);
  if (has(rep.data.personalInformation?.taxIdentificationNumber)) items.add('tax_identification_number');
  return items;
}

/**
 * Brings a customer up to date with the clock: ends due document reviews (its
 * own and its representatives'), and submits any profile whose requirements
 * are all met. Call after every change and before every read.
 */
export function refreshCustomer(ctx: Context, record: CustomerRecord): void {
  const now = ctx.clock.now().getTime();
  let open = false;
  if (record.type === 'business') {
    for (const id of record.representatives) {
      const rep = ctx.store.representatives.get(id)!;
      settleReviews(rep.profile, now);
      if (rep.profile.status === 'incomplete' && isSatisfied(rep.profile, representativeDataItems(rep))) rep.profile.status = 'pending';
      open ||= rep.profile.reviewing.size > 0;
    }
  }
  settleReviews(record.profile, now);
  open ||= record.profile.reviewing.size > 0;
  if (open) ctx.reviewing.add(record.id);
  else ctx.reviewing.delete(record.id);

  const submitted = profilesOf(record).filter((p) => p.status === 'incomplete' && isSatisfied(p, customerDataItems(ctx, record)));
  if (submitted.length) {
    for (const p of submitted) p.status = 'pending';
    record.updatedAt = ctx.timestamp();
    ctx.webhooks.send('customer.kyc.pending', viewCustomer(ctx, record));
    ctx.autopilot.customerPending(record.id);
  }
}

/** Settles every customer with a review whose time may have come. */
export function refreshDue(ctx: Context): void {
  for (const id of [...ctx.reviewing]) {
    const record = ctx.store.customers.get(id);
    if (record) refreshCustomer(ctx, record);
    else ctx.reviewing.delete(id);
  }
}

/** The customer's profiles: the main one, and an individual's `kyc_profile_b` (D13). */
export const profilesOf = (record: CustomerRecord): ProfileState[] => (record.profileB ? [record.profile, record.profileB] : [record.profile]);

/**
 * SpherePay's review outcome for the pending profiles (all, or only the one
 * named), so each profile can be approved on its own. Returns false when
 * there is no such pending profile.
 */
export function decide(ctx: Context, record: CustomerRecord, outcome: 'approved' | 'rejected', only?: string): boolean {
  refreshCustomer(ctx, record);
  const deciding = profilesOf(record).filter((p) => p.status === 'pending' && (!only || p.name === only));
  if (!deciding.length) return false;
  for (const p of deciding) p.status = outcome;
  if (record.type === 'business') {
    for (const id of record.representatives) {
      const rep = ctx.store.representatives.get(id)!;
      if (rep.profile.status === 'pending') rep.profile.status = outcome;
    }
  }
  record.updatedAt = ctx.timestamp();
  ctx.webhooks.send(outcome === 'approved' ? 'customer.kyc.successful' : 'customer.kyc.rejected', viewCustomer(ctx, record));
  return true;
}

/** D7/D13: the profile the currency needs is approved (BRL/PIX: `kyc_profile_b`; a business's `kyb_profile_a` covers all). */
export function isApprovedFor(record: CustomerRecord, currency: string): boolean {
  const brl = currency === 'brl' || currency === 'pix';
  const profile = brl && record.type === 'individual' ? record.profileB : record.profile;
  return profile?.status === 'approved';
}

export const profileView = (ctx: Context, record: CustomerRecord) => viewProfile(record.profile, customerDataItems(ctx, record));
