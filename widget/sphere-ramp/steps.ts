/**
 * Which element renders each step, and how to load it. Steps are loaded on
 * demand so the first screen ships only what it needs.
 */
import type { Area } from '../i18n/messages.ts';
import type { StepId } from '../state/flow.ts';

export interface StepView {
  tag: string;
  /** Whose strings the step speaks. */
  area: Area;
  load: () => Promise<unknown>;
}

export const STEP_VIEWS: Partial<Record<StepId, StepView>> = {
  profile: { tag: 'sphere-ramp-profile', area: 'onboarding', load: () => import('../steps/onboarding/profile-step.ts') },
  verification: { tag: 'sphere-ramp-verification', area: 'onboarding', load: () => import('../steps/onboarding/verification-step.ts') },
  review: { tag: 'sphere-ramp-review', area: 'onboarding', load: () => import('../steps/onboarding/review-step.ts') },
  rejected: { tag: 'sphere-ramp-rejected', area: 'onboarding', load: () => import('../steps/onboarding/rejected-step.ts') },
  ramp: { tag: 'sphere-ramp-ramp', area: 'money', load: () => import('../steps/money/ramp-step.ts') },
  quote: { tag: 'sphere-ramp-quote', area: 'money', load: () => import('../steps/money/quote-step.ts') },
  transfer: { tag: 'sphere-ramp-transfer', area: 'money', load: () => import('../steps/money/transfer-step.ts') },
  history: { tag: 'sphere-ramp-history', area: 'money', load: () => import('../steps/money/history-step.ts') },
};
