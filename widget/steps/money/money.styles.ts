/** Layout shared by the money steps (choices, summaries, detail lists). Tokens only. */
import { css } from 'lit';

export const moneyStyles = css`
  .choices { display: grid; gap: var(--ramp-space); }
  .choice {
    display: flex; gap: var(--ramp-space); align-items: flex-start;
    border: 1px solid var(--ramp-color-border); border-radius: var(--ramp-radius);
    padding: var(--ramp-space) calc(var(--ramp-space) * 1.5); font-weight: 400; cursor: pointer;
  }
  .choice:has(input:checked) { border-color: var(--ramp-color-primary); box-shadow: inset 0 0 0 1px var(--ramp-color-primary); }
  .choice:has(input:disabled) { cursor: not-allowed; opacity: 0.7; }
  .choice input { margin-top: 0.2rem; }
  .choice strong { display: block; }
  .choice .hint { display: block; }
  dl.summary { display: grid; grid-template-columns: auto 1fr; gap: var(--ramp-space) calc(var(--ramp-space) * 2); margin: 0; }
  dl.summary dt { color: var(--ramp-color-text-muted); }
  dl.summary dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  dl.summary .total { font-weight: 700; }
  .details { display: grid; gap: var(--ramp-space); margin: 0; }
  .detail { display: grid; gap: 2px; padding-bottom: var(--ramp-space); border-bottom: 1px solid var(--ramp-color-border); }
  .detail dt { font-size: 0.875rem; color: var(--ramp-color-text-muted); }
  .detail dd { margin: 0; display: flex; gap: var(--ramp-space); align-items: center; justify-content: space-between; }
  .detail .value { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
  .detail.required dt { color: var(--ramp-color-warning); font-weight: 700; }
  .subform { border: 1px solid var(--ramp-color-border); border-radius: var(--ramp-radius); padding: calc(var(--ramp-space) * 1.5); }
  .countdown { font-variant-numeric: tabular-nums; font-weight: 600; }
  .pager { display: flex; align-items: center; justify-content: space-between; gap: var(--ramp-space); }
  ol.timeline { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--ramp-space); }
  ol.timeline li { display: grid; grid-template-columns: 1.25rem 1fr; gap: var(--ramp-space); align-items: start; }
  ol.timeline .dot { width: 0.9rem; height: 0.9rem; margin-top: 0.2rem; border-radius: 50%; border: 2px solid var(--ramp-color-border); box-sizing: border-box; }
  ol.timeline .done .dot { background: var(--ramp-color-success); border-color: var(--ramp-color-success); }
  ol.timeline .current .dot { border-color: var(--ramp-color-primary); background: var(--ramp-color-primary); }
  ol.timeline .upcoming { color: var(--ramp-color-text-muted); }
  ul.transfers { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--ramp-space); }
  ul.transfers li { display: flex; justify-content: space-between; align-items: center; gap: var(--ramp-space);
    border-bottom: 1px solid var(--ramp-color-border); padding-bottom: var(--ramp-space); }
  .qr { display: grid; justify-items: center; gap: var(--ramp-space); }
  dialog { border: 1px solid var(--ramp-color-border); border-radius: var(--ramp-radius); background: var(--ramp-color-surface); color: var(--ramp-color-text); max-width: 24rem; }
`;
