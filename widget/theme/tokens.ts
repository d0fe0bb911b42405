/**
 * Theme tokens. Hosts restyle with `--ramp-*` custom properties on the
 * element; component styles use only these. Light by default, dark with
 * `theme="dark"`, and `theme="auto"` follows the system. Colours are chosen
 * for WCAG AA contrast in both themes.
 */
import { css } from 'lit';

const light = css`
  --ramp-color-primary: var(--ramp-primary, #3b3fd8);
  --ramp-color-on-primary: #ffffff;
  --ramp-color-surface: var(--ramp-surface, #ffffff);
  --ramp-color-surface-raised: #f4f5f9;
  --ramp-color-text: #17181c;
  --ramp-color-text-muted: #50535e;
  --ramp-color-border: #8a8e99;
  --ramp-color-danger: #b3261e;
  --ramp-color-success: #1b6e3a;
  --ramp-color-warning: #7a4b00;
  --ramp-color-focus: #3b3fd8;
`;

const dark = css`
  --ramp-color-primary: var(--ramp-primary-dark, #a9acff);
  --ramp-color-on-primary: #10112a;
  --ramp-color-surface: var(--ramp-surface-dark, #15161b);
  --ramp-color-surface-raised: #22242c;
  --ramp-color-text: #f1f2f6;
  --ramp-color-text-muted: #b9bcc7;
  --ramp-color-border: #7c8190;
  --ramp-color-danger: #ffb4ab;
  --ramp-color-success: #7fd99a;
  --ramp-color-warning: #ffcf7a;
  --ramp-color-focus: #a9acff;
`;

// The colour fragments come last in each block: the build minifies every css`` on its own
// (minify-literals), which drops a fragment's final semicolon, so a declaration after one
// would be swallowed into its last value (it once took the font and the dark color-scheme).
export const tokens = css`
  :host {
    --ramp-font-family: var(--ramp-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --ramp-font-size: 1rem;
    --ramp-radius: var(--ramp-border-radius, 10px);
    --ramp-space: 0.5rem;
    --ramp-max-width: 480px;
    color-scheme: light;
    ${light}
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      ${dark}
    }
  }
`;
