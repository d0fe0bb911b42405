/**
 * Which element renders each step, and how to load it. Steps are loaded on
 * demand so the first screen ships only what it needs.
 */
import type { Area } from '../i18n/messages.ts';
import type { StepId } from '../state/flow.ts';

export interface StepView {
  tag: string;
  /** Whose strings the step speaks (forms also say validation messages). */
  areas: readonly Area[];
  load: () => Promise<unknown>;
}

const ONBOARDING: readonly Area[] = ['onboarding', 'validation'];
const MONEY: readonly Area[] = ['money', 'validation'];

export const STEP_VIEWS: Partial<Record<StepId, StepView>> = {
  // The first screen: its own strings only; the forms ask for onboarding and validation when chosen.
  profile: { tag: 'sphere-ramp-profile', areas: ['profile'], load: () => import('../steps/onboarding/profile-step/define.ts') },
  verification: { tag: 'sphere-ramp-verification', areas: ONBOARDING, load: () => import('../steps/onboarding/verification-step/define.ts') },
  review: { tag: 'sphere-ramp-review', areas: ONBOARDING, load: () => import('../steps/onboarding/review-step/define.ts') },
  rejected: { tag: 'sphere-ramp-rejected', areas: ONBOARDING, load: () => import('../steps/onboarding/rejected-step/define.ts') },
  ramp: { tag: 'sphere-ramp-ramp', areas: MONEY, load: () => import('../steps/money/ramp-step/define.ts') },
  quote: { tag: 'sphere-ramp-quote', areas: MONEY, load: () => import('../steps/money/quote-step/define.ts') },
  transfer: { tag: 'sphere-ramp-transfer', areas: MONEY, load: () => import('../steps/money/transfer-step/define.ts') },
  history: { tag: 'sphere-ramp-history', areas: MONEY, load: () => import('../steps/money/history-step/define.ts') },
};
