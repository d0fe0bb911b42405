/** Shared styles for steps: headings, fields, buttons, notices. Tokens only. */
import { css } from 'lit';

export const stepStyles = css`
  :host {
    display: block;
    font-family: var(--ramp-font-family);
    color: var(--ramp-color-text);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 calc(var(--ramp-space) * 2);
  }
  h2:focus { outline: none; }
  h2:focus-visible { outline: 2px solid var(--ramp-color-focus); outline-offset: 2px; }
  h3 { font-size: 1rem; margin: calc(var(--ramp-space) * 2) 0 var(--ramp-space); }
  p { margin: 0 0 var(--ramp-space); line-height: 1.45; }
  .muted { color: var(--ramp-color-text-muted); }
  form, .stack { display: grid; gap: calc(var(--ramp-space) * 1.5); }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: var(--ramp-space); }
  .phone-row { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: var(--ramp-space); }
  .field { display: grid; gap: 4px; }
  label, legend { font-weight: 600; font-size: 0.9rem; }
  fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: var(--ramp-space); }
  input, select, textarea {
    font: inherit;
    color: inherit;
    background: var(--ramp-color-surface);
    border: 1px solid var(--ramp-color-border);
    border-radius: calc(var(--ramp-radius) * 0.6);
    padding: 0.6rem 0.7rem;
    min-height: 44px;
    box-sizing: border-box;
    width: 100%;
  }
  input[type='checkbox'], input[type='radio'] { width: auto; min-height: auto; }
  input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible {
    outline: 2px solid var(--ramp-color-focus);
    outline-offset: 2px;
  }
  [aria-invalid='true'] { border-color: var(--ramp-color-danger); }
  .error { color: var(--ramp-color-danger); font-size: 0.875rem; margin: 0; }
  .hint { color: var(--ramp-color-text-muted); font-size: 0.875rem; margin: 0; }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.6rem 1rem;
    border-radius: var(--ramp-radius);
    border: 1px solid var(--ramp-color-primary);
    background: var(--ramp-color-primary);
    color: var(--ramp-color-on-primary);
    cursor: pointer;
  }
  button.secondary { background: transparent; color: var(--ramp-color-primary); }
  button.link { background: none; border: 0; padding: 0; min-height: auto; color: var(--ramp-color-primary); text-decoration: underline; }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  .actions { display: flex; gap: var(--ramp-space); justify-content: flex-end; flex-wrap: wrap; }
  .notice {
    border-radius: var(--ramp-radius);
    padding: var(--ramp-space) calc(var(--ramp-space) * 1.5);
    background: var(--ramp-color-surface-raised);
    border-left: 4px solid var(--ramp-color-primary);
  }
  .notice.danger { border-left-color: var(--ramp-color-danger); }
  .notice.warning { border-left-color: var(--ramp-color-warning); }
  .notice.success { border-left-color: var(--ramp-color-success); }
  .spinner {
    width: 1.25rem; height: 1.25rem; border-radius: 50%;
    border: 3px solid var(--ramp-color-border); border-top-color: var(--ramp-color-primary);
    animation: spin 0.8s linear infinite; display: inline-block; vertical-align: middle;
  }
  @keyframes spin { to { transform: rotate(360deg); } }
  @container (max-width: 360px) { .row { grid-template-columns: minmax(0, 1fr); } .actions > button { flex: 1 1 auto; } }
  @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
`;
