/**
 * `POST /v2/business-representative` (API.md §2.7): a business's UBOs and
 * officers, each with a `ubo_kyc_profile_a`. Owners of 25% or more must carry
 * the `ubo` role, and declared ownership cannot exceed 100% in total.
 */
import { Router } from 'express';
import { BusinessRepresentativeCreate } from '../contract/spherepay/onboarding.ts';
import { compare, add } from '../contract/money.ts';
import type { Context } from './context.ts';
import { UBO_ITEMS, newProfile } from './criteria.ts';
import { findCustomer } from './lookup.ts';
import { badRequest, invalid, parse } from './problems.ts';
import type { RepresentativeRecord } from './store.ts';
import { refreshCustomer } from './verification.ts';
import { viewRepresentative } from './views.ts';

/** Percentages as decimal strings ("12.5" -> "12.50"), compared without floats. */
const percent = (value: string | undefined) => (value === undefined ? '0' : value);

export function representativesRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/business-representative', (req, res) => {
    const body = parse(BusinessRepresentativeCreate, req.body);
    const customer = findCustomer(ctx, body.customerId, ['customerId']);
    if (customer.type !== 'business') throw badRequest('Representatives belong to business customers', '/customerId');
    const details = body.representationDetails;
    // representationDetails is optional (D11): without it nothing is declared.
    const share = percent(details?.ownershipPercentage);
    if (details && compare(share, '25') >= 0 && !details.roles.includes('ubo')) {
      throw invalid('/representationDetails/roles', 'An owner of 25% or more is a beneficial owner: include the "ubo" role');
    }
    const declared = customer.representatives
      .map((id) => percent(ctx.store.representatives.get(id)!.data.representationDetails?.ownershipPercentage))
      .reduce((sum, p) => add(sum, p), share);
    if (compare(declared, '100') > 0) {
      throw invalid('/representationDetails/ownershipPercentage', 'Ownership across representatives cannot exceed 100%');
    }
    const { customerId: _customerId, type: _type, ...data } = body;
    const now = ctx.timestamp();
    const rep: RepresentativeRecord = {
      id: ctx.id('associatedPerson'),
      customerId: customer.id,
      data,
      createdAt: now,
      updatedAt: now,
      profile: newProfile('ubo_kyc_profile_a', UBO_ITEMS),
      identitySides: new Map(),
      documents: [],
    };
    ctx.store.representatives.set(rep.id, rep);
    customer.representatives.push(rep.id);
    refreshCustomer(ctx, customer);
    res.status(201).json(viewRepresentative(rep));
  });

  return router;
}
