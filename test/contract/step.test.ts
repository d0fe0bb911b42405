/**
 * Which screen the widget shows, derived from the flow state
 * (widget/state/flow.ts: pure, type-only imports, no DOM or Lit).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Customer, VerificationStatus } from '../../contract/spherepay/customer.ts';
import type { Quote } from '../../contract/spherepay/quote.ts';
import type { Transfer } from '../../contract/spherepay/transfer.ts';
import { deriveStep, initialFlowState, type FlowState } from '../../widget/state/flow.ts';

const customer = (status: VerificationStatus | undefined): Customer => ({
  id: 'customer_a1b2c3d4e5f60718293a4b5c',
  type: 'individual',
  email: 'ana@example.com',
  phone: '+447911123456',
  verificationProfiles: status
    ? [{ name: 'kyc_profile_a', status, criteria: { complete: [], pending: [], required: [], errors: [] } }]
    : [],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});
const quote = { id: 'quote_1' } as Quote;
const transfer = { id: 'payout_1' } as Transfer;
const session = { customerId: 'customer_a1b2c3d4e5f60718293a4b5c' };

const state = (patch: Partial<FlowState>): FlowState => ({ ...initialFlowState({ quotes: true }), ...patch });

describe('step derivation', () => {
  it('loads while the session or the customer is not known yet', () => {
    assert.equal(deriveStep(initialFlowState({ quotes: true })), 'loading');
    assert.equal(deriveStep(state({ session: undefined, customer: customer('approved') })), 'loading');
    assert.equal(deriveStep(state({ session, customer: undefined })), 'loading');
  });

  it('says so when no session could be obtained, whatever else is known', () => {
    assert.equal(deriveStep(state({ session: null })), 'session-error');
    assert.equal(deriveStep(state({ session: null, customer: customer('approved'), transfer })), 'session-error');
  });

  it('asks for a profile when the person has no customer yet', () => {
    assert.equal(deriveStep(state({ session: { customerId: null }, customer: null })), 'profile');
  });

  it('follows the verification status', () => {
    const cases: [VerificationStatus | undefined, string][] = [
      ['incomplete', 'verification'], [undefined, 'verification'], ['pending', 'review'], ['rejected', 'rejected'], ['approved', 'ramp'],
    ];
    for (const [status, step] of cases) assert.equal(deriveStep(state({ session, customer: customer(status) })), step, String(status));
  });

  it('an unknown status keeps the person on the checklist rather than letting money move', () => {
    const odd = customer('approved');
    odd.verificationProfiles[0]!.status = 'under_manual_review' as VerificationStatus;
    assert.equal(deriveStep(state({ session, customer: odd })), 'verification');
  });

  it('once approved: the transfer being followed, else the quote to confirm, else where the person chose to be', () => {
    const approved = customer('approved');
    assert.equal(deriveStep(state({ session, customer: approved })), 'ramp');
    assert.equal(deriveStep(state({ session, customer: approved, moneyView: 'history' })), 'history');
    assert.equal(deriveStep(state({ session, customer: approved, quote })), 'quote');
    assert.equal(deriveStep(state({ session, customer: approved, quote, moneyView: 'history' })), 'quote');
    assert.equal(deriveStep(state({ session, customer: approved, transfer })), 'transfer');
    assert.equal(deriveStep(state({ session, customer: approved, quote, transfer })), 'transfer');
  });

  it('shows no money screen to a customer who is not approved, even with a quote or transfer in hand', () => {
    for (const status of ['incomplete', 'pending', 'rejected'] as const) {
      const step = deriveStep(state({ session, customer: customer(status), quote, transfer, moneyView: 'history' }));
      assert.ok(!['ramp', 'quote', 'transfer', 'history'].includes(step), `${status}: ${step}`);
    }
  });
});
