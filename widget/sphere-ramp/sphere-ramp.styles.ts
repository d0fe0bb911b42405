import { css } from 'lit';

export const rootStyles = css`
  :host {
    display: block;
    max-width: var(--ramp-max-width);
    font-family: var(--ramp-font-family);
    font-size: var(--ramp-font-size);
    /* Its own, like the font: the /embed page (and many hosts) would leave the browser's tight default. */
    line-height: 1.5;
    color: var(--ramp-color-text);
    /* The card adapts to the width it is given, not the viewport's: an embed may sit in a narrow column. */
    container-type: inline-size;
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
  /* 320-420 px: the padding goes to the content, long values wrap instead of overflowing. */
  @container (max-width: 420px) {
    [part='base'] { padding: calc(var(--ramp-space) * 1.5); border-radius: calc(var(--ramp-radius) * 0.6); }
    [part='header'] { margin-bottom: var(--ramp-space); }
  }
  .center { display: grid; justify-items: center; gap: var(--ramp-space); padding: calc(var(--ramp-space) * 4) 0; }
`;
