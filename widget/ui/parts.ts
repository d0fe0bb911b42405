/**
 * Every `::part()` name a page can style on `<sphere-ramp>`, with what it
 * is: the documentation of part-names.ts (the names, all the browser needs).
 * The type makes the two agree: a name without a description, or a
 * description without a name, does not compile. The README table and the
 * `@csspart` tags of custom-elements.json are checked against it
 * (test/contract), and so is every `part="..."` in the widget's templates.
 */
import type { PartName } from './part-names.ts';

export const PARTS = {
  base: 'The card around everything.',
  header: 'The title row.',
  body: 'The current step.',
  'sandbox-badge': 'The "Sandbox" label shown against the sandbox.',
  field: 'Each form field (label, control, hint, error).',
  kind: 'The individual / business choice on the first screen.',
  submit: 'The main button of a form or step.',
  error: 'An error notice inside a step.',
  'drop-zone': 'The drop area of a document upload.',
  upload: 'The upload button.',
  'open-hosted': 'The button that opens a hosted page (terms, face check).',
  'otp-send': 'The button that sends a one-time code.',
  'otp-verify': 'The button that checks a one-time code.',
  'add-representative': 'The button that adds a business representative.',
  'sandbox-controls': 'Sandbox-only controls (approve, fund, advance).',
  'quote-summary': 'The quote\'s amounts, rate and fees.',
  countdown: 'The time left on a quote.',
  'quote-expired': 'The notice shown when a quote expired.',
  status: 'The transfer\'s current status.',
  timeline: 'The transfer\'s status timeline.',
  'deposit-pending': 'Deposit details not available yet, with a button to check again.',
  'deposit-warning': 'What to send, exactly (amount, network or rail).',
  'memo-warning': 'The notice that the memo / reference is required.',
  'copy-button': 'Each copy button on the deposit instructions.',
  qr: 'The QR code of a deposit address or PIX code.',
  transfers: 'The list of past transfers.',
  estimate: 'The live estimate on the amount screen.',
  'amount-summary': 'The amount chosen, above the bank account and wallet choices.',
  receipt: 'A transfer\'s receipt (amounts, fees, rate, source and destination, times, ids).',
  'status-history': 'The statuses a transfer went through, with their times.',
  retry: 'The "Try again" button after a session could not be renewed.',
  'share-hosted': 'The button that gets a representative their own verification link.',
} as const satisfies Record<PartName, string>;
