/** Hosted links, OTP, and business representatives (API.md §2.2-2.7). */
import * as z from 'zod/mini';
import { Address, CustomerId, Email, IsoDate, Phone, RepresentativeId, Text, Timestamp, tolerantList } from './common.ts';
import { PersonalInformation, VerificationProfile, checkTaxRules } from './customer.ts';

/** `POST /v2/customer/{id}/tos-link`: 201, the field is `link`. */
export const TosLink = z.looseObject({ link: z.string(), expiresAt: z.optional(Timestamp) });
export type TosLink = z.infer<typeof TosLink>;

/** KYC link and face-verification link: `url`. */
export const HostedLink = z.looseObject({ url: z.string(), expiresAt: z.optional(Timestamp) });
export type HostedLink = z.infer<typeof HostedLink>;

export const OtpChannel = z.enum(['email', 'phone']);
export type OtpChannel = z.infer<typeof OtpChannel>;
export const OtpSendRequest = z.strictObject({ type: OtpChannel });
export const OtpSendResponse = z.looseObject({ customerId: CustomerId, expiresAt: Timestamp });
export const OtpVerifyRequest = z.strictObject({
  type: OtpChannel,
  code: z.string().check(z.minLength(1, 'otpCodeRequired'), z.maxLength(10)),
});
export const OtpVerifyResponse = z.looseObject({ customerId: CustomerId, verifiedAt: Timestamp });

export const Percentage = z.string().check(
  z.regex(/^\d{1,3}(\.\d{1,2})?$/, 'percentage'),
  z.refine((v) => Number.parseFloat(v) <= 100, 'percentageMax'),
);

export const RepresentationDetails = z.strictObject({
  roles: z.array(z.string().check(z.regex(/^[a-z_]{2,32}$/, 'unknownRole'))).check(z.minLength(1, 'rolesRequired')),
  ownershipPercentage: z.optional(Percentage),
  isControlPerson: z.optional(z.boolean()),
  isSigner: z.optional(z.boolean()),
  relationshipEstablishedAt: z.optional(IsoDate),
  title: z.optional(Text(100)),
});

export const BusinessRepresentativeCreate = z
  .strictObject({
    customerId: CustomerId,
    type: z.literal('individual'),
    email: Email,
    phone: Phone,
    address: Address,
    personalInformation: z.optional(PersonalInformation),
    // Names and representationDetails are optional in the docs (the minimal example omits them, D11).
    firstName: z.optional(Text(100)),
    lastName: z.optional(Text(100)),
    middleName: z.optional(Text(100)),
    dateOfBirth: z.optional(IsoDate),
    representationDetails: z.optional(RepresentationDetails),
  })
  .check(
    z.superRefine((value, ctx) =>
      checkTaxRules(value, { push: (i) => ctx.issues.push({ code: 'custom', input: value, ...i }) }),
    ),
  );
export type BusinessRepresentativeCreate = z.infer<typeof BusinessRepresentativeCreate>;

export const BusinessRepresentative = z.looseObject({
  id: RepresentativeId,
  customerId: CustomerId,
  type: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  firstName: z.optional(z.nullable(z.string())),
  lastName: z.optional(z.nullable(z.string())),
  address: z.optional(z.nullable(z.looseObject({}))),
  representationDetails: z.optional(z.nullable(z.looseObject({}))),
  verificationProfiles: z.optional(tolerantList(VerificationProfile)),
  createdAt: z.optional(Timestamp),
  updatedAt: z.optional(Timestamp),
});
export type BusinessRepresentative = z.infer<typeof BusinessRepresentative>;
