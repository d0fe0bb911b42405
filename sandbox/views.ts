/** Records -> the resources the API returns (what GET shows, and webhooks carry). */
import type { Customer } from '../contract/spherepay/customer.ts';
import type { BusinessRepresentative } from '../contract/spherepay/onboarding.ts';
import type { Context } from './context.ts';
import { viewProfile } from './criteria.ts';
import type { CustomerRecord, RepresentativeRecord } from './store.ts';
import { customerDataItems, profilesOf, representativeDataItems } from './verification.ts';

/** `personalInformation` is echoed without the tax number itself. */
function withoutTaxNumber<T extends { taxIdentificationNumber?: string }>(info: T | undefined) {
  if (!info) return null;
  const { taxIdentificationNumber: _omitted, ...rest } = info;
  return rest;
}

export function viewCustomer(ctx: Context, record: CustomerRecord): Customer {
  const common = {
    id: record.id,
    type: record.type,
    email: record.data.email,
    phone: record.data.phone,
    tosStatus: record.tosAccepted ? 'approved' : 'incomplete',
    verificationProfiles: profilesOf(record).map((p) => viewProfile(p, customerDataItems(ctx, record))),
    meta: { ...record.meta },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  if (record.type === 'individual') {
    const info = record.data.personalInformation;
    return {
      ...common,
      firstName: info?.firstName ?? null,
      lastName: info?.lastName ?? null,
      dateOfBirth: info?.dateOfBirth ?? null,
      address: { ...record.data.address },
      personalInformation: withoutTaxNumber(info),
    };
  }
  const info = record.data.businessInformation;
  return {
    ...common,
    businessLegalName: info.legalName ?? null,
    businessTradeName: info.tradeName ?? null,
    addresses: record.data.addresses.map((a) => ({ ...a })),
    businessInformation: { ...info },
  };
}

export function viewRepresentative(rep: RepresentativeRecord): BusinessRepresentative {
  const { personalInformation, representationDetails, address, ...person } = rep.data;
  return {
    id: rep.id,
    customerId: rep.customerId,
    type: 'individual',
    ...person,
    address: { ...address },
    personalInformation: withoutTaxNumber(personalInformation),
    representationDetails: { ...representationDetails },
    verificationProfiles: [viewProfile(rep.profile, representativeDataItems(rep))],
    createdAt: rep.createdAt,
    updatedAt: rep.updatedAt,
  };
}
