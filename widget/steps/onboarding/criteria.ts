/**
 * What the widget does for each verification criterion, by NAME (never by
 * position): how it is grouped in the checklist and which action fulfils it.
 * The names and their document types live in `contract/criteria.ts`. Unknown
 * names fall back to "contact support", so a new SpherePay criterion never
 * blocks the screen.
 *
 * No criterion is routed to the hosted KYC link: SpherePay refuses it while
 * anything is required (API.md D14), so every piece of data is collected here
 * first (create fields, PATCH for individuals, documents, TOS, face, OTP,
 * representatives).
 */
import {
  BUSINESS_DATA_CRITERIA, DOCUMENT_CRITERIA, DOCUMENT_TYPES, HOSTED_CRITERIA, IDENTITY_DOCUMENT_TYPES, INDIVIDUAL_DATA_CRITERIA, OTP_CRITERIA,
  REPRESENTATIVES_CRITERION, REVIEW_CRITERIA, type DetailPart,
} from '../../../contract/criteria.ts';

export type { DetailPart };
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

const IDENTITY_GROUP = 'identity_document';
const TOS_GROUP = 'terms_of_service';

export function criterionView(name: string, kind: string): CriterionView {
  const documentTypes = DOCUMENT_CRITERIA[name];
  if (documentTypes) {
    const identity = documentTypes === IDENTITY_DOCUMENT_TYPES;
    // Identity: the person picks the kind of ID. Otherwise one type: the API reference's spelling, listed first.
    return { group: identity ? IDENTITY_GROUP : name, action: { kind: 'document', documentTypes: identity ? documentTypes : documentTypes.slice(0, 1), identity } };
  }
  const hosted = HOSTED_CRITERIA[name];
  if (hosted) return { group: hosted === 'tos' ? TOS_GROUP : name, action: { kind: 'hosted', link: hosted } };
  const otp = OTP_CRITERIA[name];
  if (otp) return { group: name, action: { kind: 'otp', channel: otp } };
  if (name === REPRESENTATIVES_CRITERION) return { group: name, action: { kind: 'representatives' } };
  if (REVIEW_CRITERIA.includes(name)) return { group: 'review', action: { kind: 'wait' } };
  const part = INDIVIDUAL_DATA_CRITERIA[name];
  if (kind !== 'business' && part) return { group: name, action: { kind: 'details', parts: [part] } };
  // A business's data is given at creation (the form asks every field, so these are complete from the start);
  // SpherePay has no PATCH for it and refuses the KYC link while it is missing (D14): support can help.
  if (kind === 'business' && BUSINESS_DATA_CRITERIA[name]) return { group: 'business_details', action: { kind: 'support' } };
  return { group: name, action: { kind: 'support' } };
}

/** Document types a representative may upload as ID, for pickers. */
export const REPRESENTATIVE_IDENTITY_TYPES: readonly string[] = DOCUMENT_TYPES.business_representative.filter((t) =>
  (IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(t),
);
