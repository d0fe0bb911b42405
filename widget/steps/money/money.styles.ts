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
  dl.summary .fee { padding-left: calc(var(--ramp-space) * 1.5); font-size: 0.9rem; }
  dl.summary dd { overflow-wrap: anywhere; min-width: 0; }
  dl.summary .via { color: var(--ramp-color-text-muted); font-weight: 400; white-space: nowrap; }
  .pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: var(--ramp-space); align-items: start; }
  .estimate { border: 1px solid var(--ramp-color-border); border-radius: var(--ramp-radius); padding: calc(var(--ramp-space) * 1.5); display: grid; gap: var(--ramp-space); }
  .estimate h3 { margin: 0; font-size: 0.95rem; }
  .instrument { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: var(--ramp-space); align-items: center; }
  .instrument .confirm-remove { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: var(--ramp-space); align-items: center; justify-content: flex-end; }
  .wrap { overflow-wrap: anywhere; min-width: 0; }
  .receipt h3 { margin-top: 0; }
  .receipt h4 { font-size: 0.95rem; margin: calc(var(--ramp-space) * 1.5) 0 var(--ramp-space); }
  ol.status-history { margin: 0; padding-left: 1.25rem; display: grid; gap: 4px; }
  ol.status-history time { color: var(--ramp-color-text-muted); font-size: 0.875rem; }
  .detail dd > .wrap { flex: 1; }
  .detail .value { min-width: 0; }
  @container (max-width: 400px) {
    .pair { grid-template-columns: 1fr; }
    dl.summary { grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr); }
  }
  .details { display: grid; gap: var(--ramp-space); margin: 0; }
  .detail { display: grid; gap: 2px; padding-bottom: var(--ramp-space); border-bottom: 1px solid var(--ramp-color-border); }
  .detail dt { font-size: 0.875rem; color: var(--ramp-color-text-muted); }
  .detail dd { margin: 0; display: flex; gap: var(--ramp-space); align-items: center; justify-content: space-between; }
  .detail .value { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
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
