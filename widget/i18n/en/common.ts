/** English strings used across the widget, and the type every locale's `common` must match. */
export const common = {
  title: 'Buy and sell stablecoins',
  loading: 'Loading…',
  working: 'Working…',
  retry: 'Try again',
  unexpectedError: 'Something went wrong. Please try again.',
  back: 'Back',
  continue: 'Continue',
  cancel: 'Cancel',
  close: 'Close',
  copy: 'Copy',
  copied: 'Copied',
  required: 'Required',
  optional: 'optional',
  /** A field label's suffix for fields that may stay empty. */
  optionalMark: '(optional)',
  sessionError: 'We could not start your session. Please reload the page or try again later.',
  /** The site is not set up for the widget (origin not allowed, wrong proxy address, CSP): the person cannot fix it. */
  notAvailableHere: 'Buying and selling is not available on this site right now. Please try again later.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  sessionInterrupted: 'Your session was interrupted',
  sessionRetryHint: 'We could not renew your session. Nothing you entered is lost; try again in a moment.',
  sessionStillDown: 'Still no connection. Nothing you entered is lost; try again in a moment.',
  sandboxBadge: 'Sandbox',
  stepAnnounced: (title: string) => `Now showing: ${title}`,
  verificationStatus: (status: string) => `Verification status: ${status}`,
  /** What a failed call says, by kind (widget/api/errors.ts), when the server's words cannot be shown. */
  errors: {
    validation: 'Please check the highlighted fields.',
    'bad-request': 'That combination is not supported.',
    'not-found': 'We could not find that. It may have been removed.',
    conflict: 'This was already done.',
    session: 'Your session has expired.',
    forbidden: 'You are not allowed to do that.',
    'rate-limit': 'Too many requests. Please wait a moment and try again.',
    server: 'The service is having trouble. Please try again.',
    network: 'We could not reach the service. Check your connection and try again.',
    'invalid-response': 'The service sent an unexpected answer. Please try again.',
  },
  /** Known SpherePay and proxy error codes, said in the locale instead of the server's English. */
  errorCodes: {
    'customer/kyc-not-approved': 'Your verification is not approved yet, so money cannot move.',
    'customer/exists': 'An account already exists for you. Reload to continue.',
    'session/conflict': 'This account belongs to someone else. Sign in again.',
    'idempotency/in-progress': 'We are still working on your last request. Please wait a moment.',
    'address/invalid': 'This address is not valid for the network you chose.',
  } as Record<string, string>,
  /** Verification statuses announced to screen readers. */
  verificationStatuses: {
    incomplete: 'information needed',
    pending: 'being reviewed',
    approved: 'approved',
    rejected: 'not approved',
  } as Record<string, string>,
};
