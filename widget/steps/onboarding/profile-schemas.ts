/**
 * The shared create schemas, made stricter where onboarding needs more than
 * SpherePay's minimum: every field here is a verification criterion, so
 * asking for it now saves a second round. Built from the shared shapes, so
 * anything the server accepts differently still comes from `spherepay/`.
 */
import * as z from 'zod/mini';
import { Address, Country, IsoDate, Text } from '../../../contract/spherepay/common.ts';
import { STATE_COUNTRIES } from '../../../contract/countries.ts';
import {
  BusinessAddress, BusinessCustomerCreate, BusinessInformation, IndividualCustomerCreate, PersonalInformation, ResidentialAddress, TaxIdType, checkTaxRules,
} from '../../../contract/spherepay/customer.ts';
import { BusinessRepresentativeCreate, RepresentationDetails } from '../../../contract/spherepay/onboarding.ts';

const pushTo = (ctx: { issues: unknown[] }, input: unknown) => ({
  push: (i: { message: string; path: PropertyKey[] }) => ctx.issues.push({ code: 'custom', input, ...i }),
});

const STATE_MESSAGE = 'Enter the state or province';
/** A state is needed where addresses have one (the shared schema leaves `state` optional, D11; the form still asks). */
const withState = <T extends z.ZodMiniType<Address>>(schema: T) =>
  schema.check(z.refine<Address>((a) => !STATE_COUNTRIES.includes(a.country) || !!a.state?.trim(), { message: STATE_MESSAGE, path: ['state'] }));

const RequiredTax = z.strictObject({
  ...PersonalInformation.shape,
  taxIdentificationNumber: Text(64),
  taxIdentificationNumberType: TaxIdType,
  taxIdentificationNumberCountry: Country,
});

export const IndividualProfile = z
  .strictObject({
    ...IndividualCustomerCreate.shape,
    address: withState(ResidentialAddress),
    personalInformation: z.strictObject({ ...RequiredTax.shape, firstName: Text(100), lastName: Text(100), dateOfBirth: IsoDate }),
  })
  .check(z.superRefine((v, ctx) => checkTaxRules(v, pushTo(ctx, v))));

const RequiredBusinessInformation = z.strictObject(
  Object.fromEntries(Object.keys(BusinessInformation.shape).map((k) => [k, (BusinessInformation.shape as Record<string, z.ZodMiniOptional>)[k]!.def.innerType])) as {
    [K in keyof typeof BusinessInformation.shape]-?: (typeof BusinessInformation.shape)[K]['def']['innerType'];
  },
);

export const BusinessProfile = z.strictObject({
  ...BusinessCustomerCreate.shape,
  addresses: z.tuple([withState(BusinessAddress), withState(BusinessAddress)]),
  businessInformation: RequiredBusinessInformation,
});

/** A representative: contact, address and tax id now, so their own profile starts nearly complete. */
export const RepresentativeProfile = z
  .strictObject({
    ...BusinessRepresentativeCreate.shape,
    address: withState(Address),
    // SpherePay takes a representative without names (D11); the form asks, so the UBO's own checks start complete.
    firstName: Text(100),
    lastName: Text(100),
    dateOfBirth: IsoDate,
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
