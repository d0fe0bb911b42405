/**
 * Verification criteria by name (API.md §1.2, spherepay/docs/002) and the
 * document types that fulfil them: the one home the sandbox and the widget
 * both read, so a name is spelled once. Older names the docs still show are
 * listed beside the current ones so reading them never breaks (D11).
 */

/** Identity documents: an individual's or a representative's ID. */
export const IDENTITY_DOCUMENT_TYPES = ['drivers', 'id_card', 'passport', 'residence_permit'] as const;

/** Document types per upload target; business types include the guides' spelling `incorporation_certificate`. */
export const DOCUMENT_TYPES = {
  individual: [...IDENTITY_DOCUMENT_TYPES, 'liveness_report'],
  business: ['incorporation_cert', 'incorporation_certificate', 'shareholder_registry', 'directors_registry', 'proof_of_address'],
  business_representative: [...IDENTITY_DOCUMENT_TYPES, 'proof_of_address', 'liveness_report'],
} as const;

/** Two-sided identity documents; a passport has one side (`side` stays optional in requests, D11). */
export const TWO_SIDED_DOCUMENT_TYPES: readonly string[] = ['drivers', 'id_card', 'residence_permit'];

/** Criteria fulfilled by an upload, and the document types that fulfil each (older names included). */
export const DOCUMENT_CRITERIA: Readonly<Record<string, readonly string[]>> = {
  identity_document: IDENTITY_DOCUMENT_TYPES,
  photo_id: IDENTITY_DOCUMENT_TYPES,
  identification_document: IDENTITY_DOCUMENT_TYPES,
  liveness_report_document: ['liveness_report'],
  incorporation_cert_document: ['incorporation_cert', 'incorporation_certificate'],
  shareholder_registry_document: ['shareholder_registry'],
  proof_of_address_document: ['proof_of_address'],
};

/** The current criterion a document type fulfils (what the sandbox moves along). */
export function criterionOfDocument(documentType: string): string | undefined {
  if ((IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(documentType)) return 'identity_document';
  return Object.entries(DOCUMENT_CRITERIA).find(([name, types]) => name !== 'photo_id' && name !== 'identification_document' && types.includes(documentType))?.[0];
}

/** Which part of an individual's data fulfils each data criterion (older names included). */
export type DetailPart = 'email' | 'phone' | 'address' | 'tax' | 'name' | 'dateOfBirth';
export const INDIVIDUAL_DATA_CRITERIA: Readonly<Record<string, DetailPart>> = {
  email_address: 'email',
  phone_number: 'phone',
  residential_address: 'address',
  address_of_residence: 'address',
  tax_identification_number: 'tax',
  first_name: 'name',
  last_name: 'name',
  date_of_birth: 'dateOfBirth',
};

/** Business data criteria and the create-body field that fulfils each (§1.1; note the three renamed ones). */
export const BUSINESS_DATA_CRITERIA: Readonly<Record<string, string>> = {
  email_address: 'email',
  phone_number: 'phone',
  operating_address: 'addresses.operating',
  registered_address: 'addresses.registered',
  legal_name: 'legalName',
  trade_name: 'tradeName',
  entity_type: 'entityType',
  description: 'description',
  naics_code: 'naicsCode',
  website: 'website',
  incorporated_on: 'incorporatedOn',
  identification_number: 'identificationNumber',
  estimated_annual_revenue: 'estimatedAnnualRevenueInUsd',
  expected_monthly_payments: 'expectedMonthlyPaymentsInUsd',
  account_purpose: 'accountPurpose',
  source_of_funds: 'primarySourceOfFunds',
  regulated_activities: 'regulatedActivities',
};

/** Criteria fulfilled on a hosted page: the terms (and the MSA that follows them) and the face check. */
export const HOSTED_CRITERIA: Readonly<Record<string, 'tos' | 'face'>> = {
  terms_of_service: 'tos',
  master_service_agreement: 'tos',
  liveness_check: 'face',
};

/** Criteria fulfilled by a one-time code. */
export const OTP_CRITERIA: Readonly<Record<string, 'email' | 'phone'>> = {
  email_verification: 'email',
  phone_verification: 'phone',
};

/** Every representative registered and verified (§2.7). */
export const REPRESENTATIVES_CRITERION = 'business_representatives';

/** Items SpherePay resolves itself during review (seen in examples): nothing to do but wait. */
export const REVIEW_CRITERIA: readonly string[] = ['identity_verification', 'kyc_a_approval'];

/** What the sandbox's profiles always need (the §1.2 tables). */
export const INDIVIDUAL_BASE_CRITERIA = [
  'email_address', 'phone_number', 'residential_address', 'tax_identification_number', 'identity_document',
] as const;
export const BUSINESS_BASE_CRITERIA = [
  'email_address', 'phone_number', 'operating_address', 'registered_address', 'legal_name', 'trade_name', 'entity_type',
  'description', 'naics_code', 'website', 'incorporated_on', 'identification_number', 'estimated_annual_revenue',
  'expected_monthly_payments', 'account_purpose', 'source_of_funds', 'regulated_activities', REPRESENTATIVES_CRITERION,
  'incorporation_cert_document', 'shareholder_registry_document', 'proof_of_address_document',
] as const;
export const UBO_CRITERIA = [
  'email_address', 'phone_number', 'residential_address', 'tax_identification_number', 'identity_document', 'liveness_check',
] as const;
/** The "enhanced" items, in display order. */
export const ENHANCED_CRITERIA = [
  'terms_of_service', 'master_service_agreement', 'liveness_check', 'liveness_report_document', 'email_verification', 'phone_verification',
] as const;
