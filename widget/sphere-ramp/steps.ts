/**
 * Which element renders each step, and how to load it. Steps are loaded on
 * demand so the first screen ships only what it needs.
 */
import type { StepId } from '../state/flow.ts';

export interface StepView {
  tag: string;
  load: () => Promise<unknown>;
}

export const STEP_VIEWS: Partial<Record<StepId, StepView>> = {
  profile: { tag: 'sphere-ramp-profile', load: () => import('../steps/onboarding/profile-step.ts') },
  verification: { tag: 'sphere-ramp-verification', load: () => import('../steps/onboarding/verification-step.ts') },
  review: { tag: 'sphere-ramp-review', load: () => import('../steps/onboarding/review-step.ts') },
  rejected: { tag: 'sphere-ramp-rejected', load: () => import('../steps/onboarding/rejected-step.ts') },
  ramp: { tag: 'sphere-ramp-ramp', load: () => import('../steps/money/ramp-step.ts') },
  quote: { tag: 'sphere-ramp-quote', load: () => import('../steps/money/quote-step.ts') },
  transfer: { tag: 'sphere-ramp-transfer', load: () => import('../steps/money/transfer-step.ts') },
  history: { tag: 'sphere-ramp-history', load: () => import('../steps/money/history-step.ts') },
};
