import { css } from 'lit';

export const rootStyles = css`
  :host {
    display: block;
    max-width: var(--ramp-max-width);
    font-family: var(--ramp-font-family);
    font-size: var(--ramp-font-size);
    color: var(--ramp-color-text);
  }
  [part='base'] {
    background: var(--ramp-color-surface);
    border: 1px solid var(--ramp-color-border);
    border-radius: var(--ramp-radius);
    padding: calc(var(--ramp-space) * 3);
    box-sizing: border-box;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--ramp-space);
    margin-bottom: calc(var(--ramp-space) * 2);
    font-weight: 700;
  }
  [part='sandbox-badge'] {
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 2px 8px;
    border-radius: 999px;
    border: 1px solid var(--ramp-color-warning);
    color: var(--ramp-color-warning);
  }
  .center { display: grid; justify-items: center; gap: var(--ramp-space); padding: calc(var(--ramp-space) * 4) 0; }
`;
