/**
 * The shared create schemas, made stricter where onboarding needs more than
 * SpherePay's minimum: every field here is a verification criterion, so
 * asking for it now saves a second round. Built from the shared shapes, so
 * anything the server accepts differently still comes from `spherepay/`.
 */
import * as z from 'zod/mini';
import { Address, Country, IsoDate, Phone, Text } from '../../../contract/spherepay/common.ts';
import { STATE_COUNTRIES, needsPostalCode } from '../../../contract/countries.ts';
import {
  BusinessAddress, BusinessCustomerCreate, BusinessInformation, IndividualCustomerCreate, PersonalInformation, ResidentialAddress, TaxIdType, checkTaxRules,
} from '../../../contract/spherepay/customer.ts';
import { BusinessRepresentativeCreate, RepresentationDetails } from '../../../contract/spherepay/onboarding.ts';

const pushTo = (ctx: { issues: unknown[] }, input: unknown) => ({
  push: (i: { message: string; path: PropertyKey[] }) => ctx.issues.push({ code: 'custom', input, ...i }),
});

const STATE_MESSAGE = 'Enter the state or province';
const POSTAL_MESSAGE = 'Enter the postal code';
/**
 * A state and a postal code are needed where addresses have them; the shared
 * schema (SpherePay's) enforces the state for the USA only and never the postal code.
 */
const withState = <T extends z.ZodMiniType<Address>>(schema: T) =>
  schema.check(
    z.refine<Address>((a) => !STATE_COUNTRIES.includes(a.country) || !!a.state?.trim(), { message: STATE_MESSAGE, path: ['state'] }),
    z.refine<Address>((a) => !needsPostalCode(a.country) || !!a.postalCode?.trim(), { message: POSTAL_MESSAGE, path: ['postalCode'] }),
  );

/**
 * A number a phone can ring: North American numbers (+1) have ten digits
 * after the code; elsewhere at least six follow the country code.
 */
const PlausiblePhone = z.string().check(
  z.superRefine((v, ctx) => {
    // A length problem is named as such before the shared schema's general "international number" message.
    const digits = v.slice(1);
    if (/^\+\d+$/.test(v) && (v.startsWith('+1') ? digits.length !== 11 : digits.length < 8 || digits.length > 15)) {
      ctx.issues.push({ code: 'custom', input: v, message: 'This number is too short or too long for its country code' });
      return;
    }
    const checked = Phone.safeParse(v);
    if (!checked.success) for (const issue of checked.error.issues) ctx.issues.push({ code: 'custom', input: v, message: issue.message });
  }),
);

/** People opening an account must be adults. */
export function ageOn(dateOfBirth: string, today = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}
const AdultDateOfBirth = IsoDate.check(
  z.refine((v: string) => ageOn(v) >= 18, { message: 'You must be 18 or older' }),
  z.refine((v: string) => ageOn(v) <= 120, { message: 'Check the year of birth' }),
);

const RequiredTax = z.strictObject({
  ...PersonalInformation.shape,
  taxIdentificationNumber: Text(64),
  taxIdentificationNumberType: TaxIdType,
  taxIdentificationNumberCountry: Country,
});

export const IndividualProfile = z
  .strictObject({
    ...IndividualCustomerCreate.shape,
    phone: PlausiblePhone,
    address: withState(ResidentialAddress),
    personalInformation: z.strictObject({ ...RequiredTax.shape, firstName: Text(100), lastName: Text(100), dateOfBirth: AdultDateOfBirth }),
  })
  .check(z.superRefine((v, ctx) => checkTaxRules(v, pushTo(ctx, v))));

const RequiredBusinessInformation = z.strictObject(
  Object.fromEntries(Object.keys(BusinessInformation.shape).map((k) => [k, (BusinessInformation.shape as Record<string, z.ZodMiniOptional>)[k]!.def.innerType])) as {
    [K in keyof typeof BusinessInformation.shape]-?: (typeof BusinessInformation.shape)[K]['def']['innerType'];
  },
);

export const BusinessProfile = z.strictObject({
  ...BusinessCustomerCreate.shape,
  phone: PlausiblePhone,
  addresses: z.tuple([withState(BusinessAddress), withState(BusinessAddress)]),
  businessInformation: RequiredBusinessInformation,
});

/** A representative: contact, address and tax id now, so their own profile starts nearly complete. */
export const RepresentativeProfile = z
  .strictObject({
    ...BusinessRepresentativeCreate.shape,
    address: withState(Address),
    dateOfBirth: AdultDateOfBirth,
    personalInformation: RequiredTax,
    representationDetails: z.strictObject({ ...RepresentationDetails.shape, title: Text(100) }),
  })
  .check(
    z.superRefine((v, ctx) => {
      checkTaxRules(v, pushTo(ctx, v));
      const d = v.representationDetails;
      const owns = Number.parseFloat(d.ownershipPercentage ?? '0') >= 25;
      if (!owns && !d.isControlPerson && !d.isSigner) {
        ctx.issues.push({ code: 'custom', input: v, message: 'Add people who own 25% or more, control the company, or sign for it', path: ['representationDetails', 'ownershipPercentage'] });
      }
    }),
  );
