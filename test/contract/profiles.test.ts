/** D13: gating reads the profile the currency needs, never simply the first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isApprovedFor, profileFor } from '../../contract/spherepay/profiles.ts';

const p = (name: string, status: string) => ({ name, status });

describe('verification profile per currency (D13)', () => {
  it('reads kyc_profile_a for USD/EUR and kyc_profile_b for BRL/PIX, wherever they sit in the list', () => {
    const customer = { type: 'individual', verificationProfiles: [p('kyc_profile_c', 'incomplete'), p('kyc_profile_b', 'pending'), p('kyc_profile_a', 'approved')] };
    assert.equal(profileFor(customer)?.name, 'kyc_profile_a');
    assert.equal(profileFor(customer, 'usd')?.name, 'kyc_profile_a');
    assert.equal(isApprovedFor(customer, 'eur'), true);
    assert.equal(profileFor(customer, 'brl')?.name, 'kyc_profile_b');
    assert.equal(isApprovedFor(customer, 'BRL'), false);
    assert.equal(isApprovedFor(customer, 'pix'), false);
  });

  it('refuses BRL to an individual without kyc_profile_b, and uses the single profile when no known name exists', () => {
    assert.equal(isApprovedFor({ type: 'individual', verificationProfiles: [p('kyc_profile_a', 'approved')] }, 'brl'), false);
    const single = { type: 'individual', verificationProfiles: [p('kyc_profile_z', 'approved')] };
    assert.equal(profileFor(single, 'usd')?.name, 'kyc_profile_z');
    assert.equal(profileFor({ verificationProfiles: [] }), undefined);
  });

  it('lets a business\'s kyb_profile_a cover every currency', () => {
    const business = { type: 'business', verificationProfiles: [p('ubo_kyc_profile_a', 'pending'), p('kyb_profile_a', 'approved')] };
    for (const currency of ['usd', 'eur', 'brl']) assert.equal(isApprovedFor(business, currency), true, currency);
  });
});
