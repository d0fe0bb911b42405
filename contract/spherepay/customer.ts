/** Customers (API.md §1): create, patch, the resource, verification profiles. */
import * as z from 'zod/mini';
import { Address, Country, CustomerId, Email, IsoDate, Meta, Pagination, Phone, Text, Timestamp, PageQuery, tolerantList } from './common.ts';

export const TaxIdType = z.string().check(z.regex(/^[a-z_]{2,32}$/, 'taxIdType'));

export const PersonalInformation = z.strictObject({
  taxIdentificationNumber: z.optional(Text(64)),
  taxIdentificationNumberType: z.optional(TaxIdType),
  taxIdentificationNumberCountry: z.optional(Country),
  taxIdentificationNumberDescription: z.optional(Text()),
  firstName: z.optional(Text(100)),
  lastName: z.optional(Text(100)),
  middleName: z.optional(Text(100)),
  dateOfBirth: z.optional(IsoDate),
  gender: z.optional(Text(32)),
  countryOfBirth: z.optional(Country),
  nationality: z.optional(Country),
  residencyCountry: z.optional(Country),
  occupationSocCode: z.optional(Text(16)),
  sourceOfFunds: z.optional(Text(64)),
});
export type PersonalInformation = z.infer<typeof PersonalInformation>;

const TAX_FIELDS = ['taxIdentificationNumber', 'taxIdentificationNumberType', 'taxIdentificationNumberCountry'] as const;

/**
 * The tax rules of §1.1: any tax field needs all three and an address; SSN is
 * the type for US residents, passport/national_id/other never are; `other`
 * needs a description; an SSN is nine digits.
 */
export function checkTaxRules(
  value: { personalInformation?: PersonalInformation; address?: Address },
  issues: { push(issue: { message: string; path: PropertyKey[] }): void },
): void {
  const info = value.personalInformation;
  if (!info || !TAX_FIELDS.some((f) => info[f] !== undefined)) return;
  for (const f of TAX_FIELDS) {
    if (info[f] === undefined) issues.push({ message: 'taxFieldsTogether', path: ['personalInformation', f] });
  }
  if (!value.address) issues.push({ message: 'taxNeedsAddress', path: ['address'] });
  const type = info.taxIdentificationNumberType;
  const usResident = value.address?.country === 'USA' || info.taxIdentificationNumberCountry === 'USA';
  if (usResident && type && type !== 'ssn' && type !== 'itin') {
    issues.push({ message: 'usSsnRequired', path: ['personalInformation', 'taxIdentificationNumberType'] });
  }
  if (type === 'ssn' && info.taxIdentificationNumber && !/^\d{3}-?\d{2}-?\d{4}$/.test(info.taxIdentificationNumber)) {
    issues.push({ message: 'ssnFormat', path: ['personalInformation', 'taxIdentificationNumber'] });
  }
  if (type === 'other' && !info.taxIdentificationNumberDescription) {
    issues.push({ message: 'taxDescriptionRequired', path: ['personalInformation', 'taxIdentificationNumberDescription'] });
  }
}

const taxRules = <T extends { personalInformation?: PersonalInformation; address?: Address }>() =>
  z.superRefine<T>((value, ctx) =>
    checkTaxRules(value, { push: (i) => ctx.issues.push({ code: 'custom', input: value, ...i }) }),
  );

/**
 * A residential address. `state` is optional even in the US: SpherePay's own
 * minimal examples omit it (API.md §1.6, D11); the widget's form still asks.
 */
export const ResidentialAddress = Address;

export const IndividualCustomerCreate = z
  .strictObject({
    type: z.literal('individual'),
    email: Email,
    phone: Phone,
    address: ResidentialAddress,
    personalInformation: z.optional(PersonalInformation),
    meta: z.optional(Meta),
  })
  .check(taxRules());

export const BusinessAddress = z.strictObject({
  ...Address.shape,
  type: z.enum(['registered', 'operating']),
});

export const BusinessInformation = z.strictObject({
  legalName: z.optional(Text()),
  tradeName: z.optional(Text()),
  description: z.optional(Text(1000)),
  entityType: z.optional(Text(64)),
  naicsCode: z.optional(z.string().check(z.regex(/^\d{2,10}$/, 'naicsCode'))),
  website: z.optional(z.string().check(z.regex(/^https?:\/\/\S+\.\S+$/, 'website'))),
  incorporatedOn: z.optional(IsoDate),
  identificationNumberType: z.optional(Text(32)),
  identificationNumber: z.optional(Text(64)),
  estimatedAnnualRevenueInUsd: z.optional(Text(64)),
  expectedMonthlyPaymentsInUsd: z.optional(Text(64)),
  accountPurpose: z.optional(Text(255)),
  primarySourceOfFunds: z.optional(Text(255)),
  regulatedActivities: z.optional(Text(1000)),
});
export type BusinessInformation = z.infer<typeof BusinessInformation>;

export const BusinessCustomerCreate = z.strictObject({
  type: z.literal('business'),
  email: Email,
  phone: Phone,
  addresses: z.array(BusinessAddress).check(z.minLength(1, 'addressRequired'), z.maxLength(4)),
  businessInformation: BusinessInformation,
  meta: z.optional(Meta),
});

export const CustomerCreate = z.discriminatedUnion('type', [IndividualCustomerCreate, BusinessCustomerCreate]);
export type CustomerCreate = z.infer<typeof CustomerCreate>;
export type IndividualCustomerCreate = z.infer<typeof IndividualCustomerCreate>;
export type BusinessCustomerCreate = z.infer<typeof BusinessCustomerCreate>;

/** PATCH: individuals only; `meta` replaces the whole object. `email`/`phone` are not in the documented body (§1.4, D11). */
export const CustomerPatch = z
  .strictObject({
    address: z.optional(ResidentialAddress),
    personalInformation: z.optional(PersonalInformation),
    meta: z.optional(Meta),
  })
  .check(taxRules());
export type CustomerPatch = z.infer<typeof CustomerPatch>;

export const VerificationStatus = z.enum(['incomplete', 'pending', 'approved', 'rejected']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** A criterion error: a name, or `{ name, message }` / `{ name, detail }` as in older examples. */
export const CriterionError = z.union([
  z.string(),
  z.looseObject({ name: z.string(), message: z.optional(z.string()), detail: z.optional(z.string()) }),
]);
export type CriterionError = z.infer<typeof CriterionError>;

const names = z.optional(z.array(z.string()));
const CriteriaArrays = { complete: names, pending: names, required: names, errors: z.optional(z.array(CriterionError)) };

/**
 * A verification profile. `status` is open and `criteria` optional (an older
 * example has only `{name, status}`; another puts the four arrays directly on
 * the profile). Read the arrays with `criteriaOf`.
 */
export const VerificationProfile = z.looseObject({
  name: z.string(),
  status: z.string(),
  criteria: z.optional(z.nullable(z.looseObject(CriteriaArrays))),
  ...CriteriaArrays,
});
export type VerificationProfile = z.infer<typeof VerificationProfile>;

export interface Criteria {
  complete: string[];
  pending: string[];
  required: string[];
  errors: CriterionError[];
}

/** The profile's four arrays, from `criteria` or from the profile itself; missing ones are empty. */
export { criteriaOf } from './profile-criteria.ts';

export const Customer = z.looseObject({
  id: CustomerId,
  type: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.nullable(z.string())),
  firstName: z.optional(z.nullable(z.string())),
  lastName: z.optional(z.nullable(z.string())),
  dateOfBirth: z.optional(z.nullable(z.string())),
  businessLegalName: z.optional(z.nullable(z.string())),
  businessTradeName: z.optional(z.nullable(z.string())),
  tosStatus: z.optional(z.string()),
  address: z.optional(z.nullable(z.looseObject(Address.shape))),
  addresses: z.optional(z.array(z.looseObject(BusinessAddress.shape))),
  personalInformation: z.optional(z.nullable(z.looseObject({}))),
  businessInformation: z.optional(z.nullable(z.looseObject({}))),
  verificationProfiles: z.optional(tolerantList(VerificationProfile)),
  meta: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  createdAt: z.optional(Timestamp),
  updatedAt: z.optional(Timestamp),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerList = z.looseObject({ customers: tolerantList(Customer), pagination: z.optional(z.looseObject(Pagination.shape)) });

export const CustomerListQuery = z.strictObject({
  ...PageQuery,
  status: z.optional(VerificationStatus),
  type: z.optional(z.enum(['individual', 'business'])),
});
