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
  profile: { tag: 'sphere-ramp-profile', area: 'profile', load: () => import('../steps/onboarding/profile-step/define.ts') },
  verification: { tag: 'sphere-ramp-verification', area: 'onboarding', load: () => import('../steps/onboarding/verification-step/define.ts') },
  review: { tag: 'sphere-ramp-review', area: 'onboarding', load: () => import('../steps/onboarding/review-step/define.ts') },
  rejected: { tag: 'sphere-ramp-rejected', area: 'onboarding', load: () => import('../steps/onboarding/rejected-step/define.ts') },
  ramp: { tag: 'sphere-ramp-ramp', area: 'money', load: () => import('../steps/money/ramp-step/define.ts') },
  quote: { tag: 'sphere-ramp-quote', area: 'money', load: () => import('../steps/money/quote-step/define.ts') },
  transfer: { tag: 'sphere-ramp-transfer', area: 'money', load: () => import('../steps/money/transfer-step/define.ts') },
  history: { tag: 'sphere-ramp-history', area: 'money', load: () => import('../steps/money/history-step/define.ts') },
};
