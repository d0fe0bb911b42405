/**
 * What the widget does for each verification criterion, by NAME (never by
 * position): how it is grouped in the checklist and which action fulfils it.
 * Unknown names fall back to "contact support", so a new SpherePay criterion
 * never blocks the screen. Source: spherepay/docs/002 and API.md §1.2.
 */
import { DOCUMENT_TYPES, IDENTITY_DOCUMENT_TYPES } from '../../../contract/spherepay/document.ts';

export type DetailPart = 'email' | 'phone' | 'address' | 'tax' | 'name' | 'dateOfBirth';
export type HostedKind = 'tos' | 'face' | 'kyc';

export type CriterionAction =
  | { kind: 'details'; parts: DetailPart[] }
  | { kind: 'document'; documentTypes: readonly string[]; identity: boolean }
  | { kind: 'hosted'; link: HostedKind }
  | { kind: 'otp'; channel: 'email' | 'phone' }
  | { kind: 'representatives' }
  | { kind: 'wait' }
  | { kind: 'support' };

export interface CriterionView {
  /** Items sharing a group are one checklist entry with one action (e.g. TOS + MSA: one hosted page). */
  group: string;
  action: CriterionAction;
}

type Kind = 'individual' | 'business';

const BUSINESS_DATA = [
  'legal_name', 'trade_name', 'entity_type', 'description', 'naics_code', 'website', 'incorporated_on', 'identification_number',
  'estimated_annual_revenue', 'expected_monthly_payments', 'account_purpose', 'source_of_funds', 'regulated_activities',
  'operating_address', 'registered_address',
];

/** Individual data items and the profile fields that fulfil them (older names included). */
const INDIVIDUAL_DATA: Record<string, DetailPart> = {
  email_address: 'email',
  phone_number: 'phone',
  residential_address: 'address',
  address_of_residence: 'address',
  tax_identification_number: 'tax',
  first_name: 'name',
  last_name: 'name',
  date_of_birth: 'dateOfBirth',
};

const doc = (documentTypes: readonly string[], identity = false): CriterionAction => ({ kind: 'document', documentTypes, identity });

const FIXED: Record<string, CriterionView> = {
  identity_document: { group: 'identity_document', action: doc(IDENTITY_DOCUMENT_TYPES, true) },
  photo_id: { group: 'identity_document', action: doc(IDENTITY_DOCUMENT_TYPES, true) },
  identification_document: { group: 'identity_document', action: doc(IDENTITY_DOCUMENT_TYPES, true) },
  liveness_report_document: { group: 'liveness_report_document', action: doc(['liveness_report']) },
  liveness_check: { group: 'liveness_check', action: { kind: 'hosted', link: 'face' } },
  terms_of_service: { group: 'terms_of_service', action: { kind: 'hosted', link: 'tos' } },
  master_service_agreement: { group: 'terms_of_service', action: { kind: 'hosted', link: 'tos' } },
  email_verification: { group: 'email_verification', action: { kind: 'otp', channel: 'email' } },
  phone_verification: { group: 'phone_verification', action: { kind: 'otp', channel: 'phone' } },
  business_representatives: { group: 'business_representatives', action: { kind: 'representatives' } },
  incorporation_cert_document: { group: 'incorporation_cert_document', action: doc(['incorporation_cert']) },
  shareholder_registry_document: { group: 'shareholder_registry_document', action: doc(['shareholder_registry']) },
  proof_of_address_document: { group: 'proof_of_address_document', action: doc(['proof_of_address']) },
  identity_verification: { group: 'review', action: { kind: 'wait' } },
  kyc_a_approval: { group: 'review', action: { kind: 'wait' } },
};

export function criterionView(name: string, kind: Kind): CriterionView {
  const fixed = FIXED[name];
  if (fixed) return fixed;
  if (kind === 'individual' && INDIVIDUAL_DATA[name]) return { group: name, action: { kind: 'details', parts: [INDIVIDUAL_DATA[name]] } };
  // Businesses cannot PATCH (API.md §1.4): their data is completed on the hosted KYB page.
  if (kind === 'business' && (BUSINESS_DATA.includes(name) || name === 'email_address' || name === 'phone_number')) {
    return { group: 'business_details', action: { kind: 'hosted', link: 'kyc' } };
  }
  return { group: name, action: { kind: 'support' } };
}

/** Document types a target may upload, for pickers. */
export const REPRESENTATIVE_IDENTITY_TYPES: readonly string[] = DOCUMENT_TYPES.business_representative.filter((t) =>
  (IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(t),
);
