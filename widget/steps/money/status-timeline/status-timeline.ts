/**
 * The transfer's lifecycle as an ordered list in plain words: the usual path
 * (deposit, received, processing, delivered), with review or an ending off
 * that path shown where it happened. The current step is `aria-current`.
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import { isKnownStatus, type TransferStatus } from '../../../../contract/spherepay/transfer.ts';
import { statusShort, statusWords } from '../labels.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { moneyStyles } from '../money.styles.ts';

const HAPPY_PATH: readonly TransferStatus[] = ['pendingFunding', 'fundsReceived', 'processing', 'succeeded'];

/** The statuses to list for `status`, and the index of the current one. */
export function timelineFor(status: string): { steps: string[]; current: number } {
  if ((HAPPY_PATH as readonly string[]).includes(status)) return { steps: [...HAPPY_PATH], current: HAPPY_PATH.indexOf(status as TransferStatus) };
  // An unknown status (D11) is shown generically between the deposit and delivery, which stays upcoming.
  if (!isKnownStatus(status)) return { steps: ['pendingFunding', status, 'succeeded'], current: 1 };
  if (status === 'pendingReview') return { steps: ['pendingFunding', 'pendingReview', 'fundsReceived', 'processing', 'succeeded'], current: 1 };
  return { steps: ['pendingFunding', status], current: 1 };
}

export class StatusTimeline extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @property() status: string = 'pendingFunding';

  protected override render() {
    const m = this.ctx.messages.money;
    const { steps, current } = timelineFor(this.status);
    const state = (i: number) => (i < current || (i === current && this.status === 'succeeded') ? 'done' : i === current ? 'current' : 'upcoming');
    return html`<ol class="timeline" part="timeline" aria-label=${m.timelineLabel}>
      ${steps.map((s, i) => html`<li class=${state(i)} data-status=${s} aria-current=${i === current ? 'step' : 'false'}>
        <span class="dot" aria-hidden="true"></span>
        <span><strong>${statusShort(m, s)}</strong>
          <span class="visually-hidden">(${state(i) === 'done' ? m.stepDone : state(i) === 'current' ? m.stepCurrent : m.stepUpcoming})</span>
          ${i === current ? html`<br /><span class="hint">${statusWords(m, s)}</span>` : ''}</span>
      </li>`)}
    </ol>`;
  }
}
