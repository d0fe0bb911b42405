/**
 * What the steps after the first say in English, as one module: the script
 * build loads it as one file with them (smaller compressed than three).
 */
export { onboarding } from './onboarding.ts';
export { money } from './money.ts';
export { validation } from './validation.ts';
