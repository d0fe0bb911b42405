/**
 * The `::part()` names of `<sphere-ramp>` (what each is: parts.ts, which
 * must describe exactly these). Only the names ship to the browser.
 *
 * Parts of nested elements sit in nested shadow roots, which `::part()` does
 * not cross; every internal element exports this whole list (`exportparts`,
 * set by `defineElement`), so `sphere-ramp::part(field)` reaches a field
 * however deep it is.
 */
export const PART_NAMES = [
  'base',
  'header',
  'body',
  'sandbox-badge',
  'field',
  'kind',
  'submit',
  'error',
  'drop-zone',
  'upload',
  'open-hosted',
  'otp-send',
  'otp-verify',
  'add-representative',
  'sandbox-controls',
  'quote-summary',
  'countdown',
  'quote-expired',
  'status',
  'timeline',
  'deposit-pending',
  'deposit-warning',
  'memo-warning',
  'copy-button',
  'qr',
  'transfers',
  'estimate',
  'amount-summary',
  'receipt',
  'status-history',
  'retry',
  'share-hosted',
] as const;

export type PartName = (typeof PART_NAMES)[number];

/** The `exportparts` value every nested element carries. */
export const EXPORTED_PARTS = PART_NAMES.join(', ');
