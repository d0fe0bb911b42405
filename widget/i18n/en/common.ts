/** English strings used across the widget. */
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
  sessionError: 'We could not start your session. Please reload the page or try again later.',
  /** The site is not set up for the widget (origin not allowed, wrong proxy address, CSP): the person cannot fix it. */
  notAvailableHere: 'Buying and selling is not available on this site right now. Please try again later.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  sandboxBadge: 'Sandbox',
  stepAnnounced: (title: string) => `Now showing: ${title}`,
  verificationStatus: (status: string) => `Verification status: ${status}`,
  liveOff: 'Live updates paused; checking periodically.',
};
