/** PLACEHOLDER scaffold (to be replaced by the step's real implementation). */
import { LitElement, html } from 'lit';
import { consume } from '@lit/context';
import { rampContext, type RampContext } from '../../state/context.ts';
import { stepStyles } from '../../ui/styles.ts';
import { defineElement } from '../../ui/define.ts';

export class TransferStep extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  protected override render() {
    return html`<h2 tabindex="-1">${this.ctx.messages.money.transferTitle}</h2>`;
  }
}

defineElement('sphere-ramp-transfer', TransferStep);
