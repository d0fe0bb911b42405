/** `/v2/customer`: create, get, list, patch (API.md §1). */
import { Router } from 'express';
import { CustomerCreate, CustomerListQuery, CustomerPatch, type PersonalInformation } from '../contract/spherepay/customer.ts';
import type { Context } from './context.ts';
import { PROFILE_NAMES } from '../contract/spherepay/profiles.ts';
import { newProfile, profileItems, twinProfile, unknownRequireWords, type ProfileState } from './criteria.ts';
import { findCustomer } from './lookup.ts';
import { newestFirst, paginate } from './pagination.ts';
import { badRequest, invalid, parse } from './problems.ts';
import type { CustomerRecord } from './store.ts';
import { profilesOf, refreshCustomer } from './verification.ts';
import { viewCustomer } from './views.ts';

/** Identity fields locked once the profile has been submitted (§1.4). */
const LOCKED: readonly (keyof PersonalInformation)[] = [
  'firstName', 'lastName', 'middleName', 'dateOfBirth',
  'taxIdentificationNumber', 'taxIdentificationNumberType', 'taxIdentificationNumberCountry',
];

function requireWords(meta: Record<string, unknown> | undefined): string | undefined {
  const value = meta?.sandboxRequire;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(['meta', 'sandboxRequire'], 'Must be a comma-separated list');
  const unknown = unknownRequireWords(value);
  if (unknown.length) throw invalid(['meta', 'sandboxRequire'], `Unknown requirement: ${unknown.join(', ')}`);
  return value;
}

/** An individual: `kyc_profile_a` and its BRL twin `kyc_profile_b` (D13). */
function individual(base: Omit<CustomerRecord, 'type' | 'data' | 'profile'>, data: Extract<CustomerRecord, { type: 'individual' }>['data'], profile: ProfileState): CustomerRecord {
  return { ...base, type: 'individual', data, profile, profileB: twinProfile(PROFILE_NAMES.individualBrl, profile) };
}

export function customersRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/customer', (req, res) => {
    const body = parse(CustomerCreate, req.body);
    const require = requireWords(body.meta);
    const now = ctx.timestamp();
    const base = {
      id: ctx.id('customer'),
      seq: ctx.store.nextSeq(),
      meta: body.meta ?? {},
      createdAt: now,
      updatedAt: now,
      tosAccepted: false,
      otpSent: new Map<string, number>(),
      identitySides: new Map<string, Set<string>>(),
      documents: [],
    };
    const { type: _type, meta: _meta, ...data } = body;
    const record: CustomerRecord =
      body.type === 'individual'
        ? individual(base, data as Extract<CustomerRecord, { type: 'individual' }>['data'], newProfile(PROFILE_NAMES.individual, profileItems('individual', require)))
        : { ...base, type: 'business', data: data as Extract<CustomerRecord, { type: 'business' }>['data'], representatives: [], profile: newProfile(PROFILE_NAMES.business, profileItems('business', require)) };
    ctx.store.customers.set(record.id, record);
    refreshCustomer(ctx, record);
    res.status(201).json(viewCustomer(ctx, record));
  });

  router.get('/v2/customer', (req, res) => {
    const query = parse(CustomerListQuery, { ...req.query });
    const matches = newestFirst(ctx.store.customers.values()).filter(
      (c) => (!query.type || c.type === query.type) && (!query.status || profilesOf(c).some((p) => p.status === query.status)),
    );
    const { data, pagination } = paginate(matches, query);
    res.json({ customers: data.map((c) => viewCustomer(ctx, c)), pagination });
  });

  router.get('/v2/customer/:id', (req, res) => {
    res.json(viewCustomer(ctx, findCustomer(ctx, req.params.id)));
  });

  router.patch('/v2/customer/:id', (req, res) => {
    const record = findCustomer(ctx, req.params.id);
    if (record.type !== 'individual') throw badRequest('Business customers are updated through the KYC link');
    const body = parse(CustomerPatch, req.body);
    if (record.profile.status !== 'incomplete' && body.personalInformation) {
      const current = record.data.personalInformation ?? {};
      for (const key of LOCKED) {
        const next = body.personalInformation[key];
        if (next !== undefined && next !== current[key]) {
          throw badRequest('Identity fields cannot change once verification has been submitted', ['personalInformation', key]);
        }
      }
    }
    if (body.address !== undefined) record.data.address = body.address;
    if (body.personalInformation) record.data.personalInformation = { ...record.data.personalInformation, ...body.personalInformation };
    if (body.meta !== undefined) record.meta = body.meta;
    record.updatedAt = ctx.timestamp();
    refreshCustomer(ctx, record);
    res.json(viewCustomer(ctx, record));
  });

  return router;
}
