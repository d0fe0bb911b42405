/** The SpherePay v2 schemas: one per resource and request, shared by widget, proxy and sandbox. */
export * from './common.ts';
export * from './customer.ts';
export * from './document.ts';
export * from './onboarding.ts';
export * from './bank-account.ts';
export * from './wallet.ts';
export * from './quote.ts';
export * from './transfer.ts';
export * from './webhook.ts';
export * from './matrix.ts';
export * from './networks.ts';
export * from './profiles.ts';
export * from './problem.ts';
