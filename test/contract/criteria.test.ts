/**
 * Criterion names and what each side does with them: the widget's mapping to
 * actions and its checklist (widget/steps/onboarding, pure modules without
 * DOM or Lit), and the sandbox's criteria engine (sandbox/criteria.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDENTITY_DOCUMENT_TYPES } from '../../contract/spherepay/document.ts';
import type { VerificationProfile } from '../../contract/spherepay/customer.ts';
import { criterionView } from '../../widget/steps/onboarding/criteria.ts';
import { checklist, needsAction } from '../../widget/steps/onboarding/checklist.ts';
import {
  BUSINESS_BASE_ITEMS, DOCUMENT_REVIEW_SECONDS, INDIVIDUAL_BASE_ITEMS, SANDBOX_REQUIRE_WORDS, fulfil, isSatisfied, newProfile,
  profileItems, settleReviews, startReview, unknownRequireWords, viewProfile,
} from '../../sandbox/criteria.ts';

describe('criterion names -> widget actions', () => {
  it('asks for an identity document under every name SpherePay has used', () => {
    for (const name of ['identity_document', 'photo_id', 'identification_document']) {
      for (const kind of ['individual', 'business'] as const) {
        assert.deepEqual(criterionView(name, kind), {
          group: 'identity_document', action: { kind: 'document', documentTypes: IDENTITY_DOCUMENT_TYPES, identity: true },
        }, `${name} (${kind})`);
      }
    }
  });

  it('sends terms of service and the master service agreement to one hosted page', () => {
    const tos = criterionView('terms_of_service', 'business');
    const msa = criterionView('master_service_agreement', 'business');
    assert.deepEqual(tos, { group: 'terms_of_service', action: { kind: 'hosted', link: 'tos' } });
    assert.deepEqual(msa, tos);
  });

  it('maps hosted checks, OTP, representatives and documents by name', () => {
    const cases: [string, unknown][] = [
      ['liveness_check', { kind: 'hosted', link: 'face' }],
      ['email_verification', { kind: 'otp', channel: 'email' }],
      ['phone_verification', { kind: 'otp', channel: 'phone' }],
      ['business_representatives', { kind: 'representatives' }],
      ['liveness_report_document', { kind: 'document', documentTypes: ['liveness_report'], identity: false }],
      ['incorporation_cert_document', { kind: 'document', documentTypes: ['incorporation_cert'], identity: false }],
      ['shareholder_registry_document', { kind: 'document', documentTypes: ['shareholder_registry'], identity: false }],
      ['proof_of_address_document', { kind: 'document', documentTypes: ['proof_of_address'], identity: false }],
      ['identity_verification', { kind: 'wait' }],
      ['kyc_a_approval', { kind: 'wait' }],
    ];
    for (const [name, action] of cases) assert.deepEqual(criterionView(name, 'individual').action, action, name);
  });

  it('lets an individual fill in missing data items in the widget, older names included', () => {
    const cases: [string, string][] = [
      ['email_address', 'email'], ['phone_number', 'phone'], ['residential_address', 'address'], ['address_of_residence', 'address'],
      ['tax_identification_number', 'tax'], ['first_name', 'name'], ['last_name', 'name'], ['date_of_birth', 'dateOfBirth'],
    ];
    for (const [name, part] of cases) {
      assert.deepEqual(criterionView(name, 'individual'), { group: name, action: { kind: 'details', parts: [part] } }, name);
    }
  });

  it('sends a business\'s missing data to the hosted KYB page (businesses cannot PATCH)', () => {
    for (const name of [...BUSINESS_BASE_ITEMS.filter((n) => !n.endsWith('_document') && n !== 'business_representatives'), 'email_address', 'phone_number']) {
      assert.deepEqual(criterionView(name, 'business'), { group: 'business_details', action: { kind: 'hosted', link: 'kyc' } }, name);
    }
  });

  it('falls back to "contact support" for a name it does not know, never blocking the screen', () => {
    for (const name of ['brand_new_criterion', 'kyc_z_approval', '', 'IDENTITY_DOCUMENT']) {
      for (const kind of ['individual', 'business'] as const) {
        assert.deepEqual(criterionView(name, kind), { group: name, action: { kind: 'support' } }, `${name} (${kind})`);
      }
    }
    // A business data item on an individual is not something the person can fill in here.
    assert.deepEqual(criterionView('legal_name', 'individual').action, { kind: 'support' });
  });

  it('has an action for every item the sandbox can ask for', () => {
    const items = new Set([...profileItems('individual', SANDBOX_REQUIRE_WORDS.join(',')), ...profileItems('business', SANDBOX_REQUIRE_WORDS.join(','))]);
    for (const item of items) {
      const kind = (BUSINESS_BASE_ITEMS as readonly string[]).includes(item) && !(INDIVIDUAL_BASE_ITEMS as readonly string[]).includes(item) ? 'business' : 'individual';
      assert.notEqual(criterionView(item, kind).action.kind, 'support', `${item} (${kind})`);
    }
  });
});

describe('the checklist of a verification profile', () => {
  const profile = (criteria: VerificationProfile['criteria'], status: VerificationProfile['status'] = 'incomplete'): VerificationProfile =>
    ({ name: 'kyc_profile_a', status, criteria });

  it('one entry per group, with the worst status of its items', () => {
    const entries = checklist(profile({ complete: ['terms_of_service'], pending: [], required: ['master_service_agreement'], errors: [] }), 'business');
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.names.sort(), ['master_service_agreement', 'terms_of_service']);
    assert.equal(entries[0]!.status, 'required');
    assert.deepEqual(entries[0]!.action, { kind: 'hosted', link: 'tos' });
  });

  it('puts errors first, then what is required, then what is pending, then what is done', () => {
    const entries = checklist(profile({
      complete: ['email_address', 'phone_number'],
      pending: ['proof_of_address_document'],
      required: ['liveness_check', 'residential_address'],
      errors: [{ name: 'identity_document', message: 'blurry' }],
    }), 'individual');
    assert.deepEqual(entries.map((e) => [e.group, e.status]), [
      ['identity_document', 'error'],
      ['liveness_check', 'required'],
      ['residential_address', 'required'],
      ['proof_of_address_document', 'pending'],
      ['email_address', 'complete'],
      ['phone_number', 'complete'],
    ]);
    assert.deepEqual(entries.filter(needsAction).map((e) => e.group), ['identity_document', 'liveness_check', 'residential_address']);
  });

  it('carries error messages, and an empty one where SpherePay named the item only', () => {
    const entries = checklist(profile({
      complete: [], pending: [], required: ['identity_document'],
      errors: ['photo_id', { name: 'identity_document', message: 'expired' }, { name: 'liveness_check' }],
    }), 'individual');
    const id = entries.find((e) => e.group === 'identity_document')!;
    assert.equal(id.status, 'error');
    assert.deepEqual(id.names.sort(), ['identity_document', 'photo_id']);
    assert.deepEqual(id.errors.sort(), ['', 'expired']);
    assert.deepEqual(entries.find((e) => e.group === 'liveness_check')!.errors, ['']);
  });

  it('shows an unknown criterion as an entry with the support action rather than dropping it', () => {
    const entries = checklist(profile({ complete: [], pending: [], required: ['brand_new_criterion'], errors: [] }), 'individual');
    assert.deepEqual(entries, [{ group: 'brand_new_criterion', names: ['brand_new_criterion'], status: 'required', errors: [], action: { kind: 'support' } }]);
    assert.equal(needsAction(entries[0]!), true);
  });

  it('is empty for a profile with nothing listed, and needs nothing of the person when all is done', () => {
    assert.deepEqual(checklist(profile({ complete: [], pending: [], required: [], errors: [] }), 'individual'), []);
    const done = checklist(profile({ complete: ['email_address', 'identity_document'], pending: ['kyc_a_approval'], required: [], errors: [] }, 'pending'), 'individual');
    assert.equal(done.filter(needsAction).length, 0);
  });
});

describe('sandbox criteria engine', () => {
  it('asks individuals for TOS and a face check by default, businesses for TOS and the MSA', () => {
    assert.deepEqual(profileItems('individual', undefined), [...INDIVIDUAL_BASE_ITEMS, 'terms_of_service', 'liveness_check']);
    assert.deepEqual(profileItems('business', undefined), [...BUSINESS_BASE_ITEMS, 'terms_of_service', 'master_service_agreement']);
  });

  it('adds what meta.sandboxRequire names, in a fixed order whatever the order of the words', () => {
    assert.deepEqual(profileItems('individual', 'none'), [...INDIVIDUAL_BASE_ITEMS]);
    assert.deepEqual(profileItems('individual', ' otp , liveness_check'), [...INDIVIDUAL_BASE_ITEMS, 'liveness_check', 'email_verification', 'phone_verification']);
    assert.deepEqual(profileItems('individual', 'liveness_check,otp'), profileItems('individual', 'otp,liveness_check'));
    assert.deepEqual(profileItems('individual', 'tos,tos,terms_of_service'), [...INDIVIDUAL_BASE_ITEMS, 'terms_of_service']);
    // Items that do not apply to the kind are ignored rather than refused.
    assert.deepEqual(profileItems('business', 'liveness_check'), [...BUSINESS_BASE_ITEMS]);
    assert.deepEqual(profileItems('individual', 'master_service_agreement'), [...INDIVIDUAL_BASE_ITEMS]);
  });

  it('names the words it does not know, so creation can refuse them', () => {
    assert.deepEqual(unknownRequireWords(' tos, selfie ,none,,kyc '), ['selfie', 'kyc']);
    assert.deepEqual(unknownRequireWords(SANDBOX_REQUIRE_WORDS.join(',')), []);
    assert.deepEqual(unknownRequireWords('constructor,toString'), ['constructor', 'toString']);
  });

  it('moves a document from required to pending, then to complete when its review ends', () => {
    const p = newProfile('kyc_profile_a', profileItems('individual', 'none'));
    const data = new Set(['email_address', 'phone_number', 'residential_address', 'tax_identification_number']);
    const t0 = 1_000_000;
    assert.deepEqual(viewProfile(p, data).criteria.required, ['identity_document']);
    assert.equal(isSatisfied(p, data), false);

    startReview(p, 'identity_document', t0);
    assert.deepEqual(viewProfile(p, data).criteria, { complete: [...data], pending: ['identity_document'], required: [], errors: [] });
    assert.equal(isSatisfied(p, data), false, 'an item under review is not done');

    assert.equal(settleReviews(p, t0 + DOCUMENT_REVIEW_SECONDS * 1000 - 1), false);
    assert.deepEqual(viewProfile(p, data).criteria.pending, ['identity_document']);
    assert.equal(settleReviews(p, t0 + DOCUMENT_REVIEW_SECONDS * 1000), true);
    assert.deepEqual(viewProfile(p, data).criteria.complete, [...INDIVIDUAL_BASE_ITEMS]);
    assert.equal(isSatisfied(p, data), true);
    assert.equal(settleReviews(p, t0 + 10_000_000), false, 'nothing left to settle');
  });

  it('ends a failed review with an error and the item required again; a new upload clears the error', () => {
    const p = newProfile('kyc_profile_a', ['identity_document']);
    startReview(p, 'identity_document', 0, 'document_blurry');
    settleReviews(p, DOCUMENT_REVIEW_SECONDS * 1000);
    assert.deepEqual(viewProfile(p, new Set()).criteria, {
      complete: [], pending: [], required: ['identity_document'], errors: [{ name: 'identity_document', message: 'document_blurry' }],
    });
    startReview(p, 'identity_document', 5000);
    assert.deepEqual(viewProfile(p, new Set()).criteria, { complete: [], pending: ['identity_document'], required: [], errors: [] });
  });

  it('fulfils an item outright (hosted pages, OTP), ending any review and error', () => {
    const p = newProfile('kyc_profile_a', ['terms_of_service', 'identity_document']);
    startReview(p, 'identity_document', 0, 'expired');
    fulfil(p, 'identity_document');
    fulfil(p, 'terms_of_service');
    fulfil(p, 'not_in_this_profile');
    settleReviews(p, 10_000_000);
    assert.deepEqual(viewProfile(p, new Set()).criteria, { complete: ['terms_of_service', 'identity_document'], pending: [], required: [], errors: [] });
    assert.equal(isSatisfied(p, new Set()), true);
  });

  it('ignores a review of an item the profile does not list or has already fulfilled', () => {
    const p = newProfile('kyc_profile_a', ['identity_document']);
    startReview(p, 'proof_of_address_document', 0);
    fulfil(p, 'identity_document');
    startReview(p, 'identity_document', 0, 'blurry');
    settleReviews(p, 10_000_000);
    assert.deepEqual(viewProfile(p, new Set()).criteria, { complete: ['identity_document'], pending: [], required: [], errors: [] });
  });

  it('counts a data item complete only while the record holds the data', () => {
    const p = newProfile('kyc_profile_a', ['email_address', 'residential_address']);
    assert.deepEqual(viewProfile(p, new Set(['email_address'])).criteria.required, ['residential_address']);
    assert.equal(isSatisfied(p, new Set(['email_address', 'residential_address'])), true);
    assert.equal(isSatisfied(p, new Set(['email_address'])), false);
  });

  it('hands out copies: changing a view does not change the profile', () => {
    const p = newProfile('kyc_profile_a', ['identity_document']);
    startReview(p, 'identity_document', 0, 'blurry');
    settleReviews(p, 10_000);
    const view = viewProfile(p, new Set());
    (view.criteria.errors[0] as { message: string }).message = 'changed';
    view.criteria.required.push('extra');
    assert.deepEqual(viewProfile(p, new Set()).criteria, {
      complete: [], pending: [], required: ['identity_document'], errors: [{ name: 'identity_document', message: 'blurry' }],
    });
  });
});
