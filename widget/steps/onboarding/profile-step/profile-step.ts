/**
 * The first onboarding step: an individual or a business, then the form for
 * that kind. Creating the customer moves the flow on (the step is derived
 * from `state.customer`).
 */
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';

type Kind = 'individual' | 'business';

export class ProfileStep extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  @state() private kind?: Kind;

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const choice = (kind: Kind, label: string, hint: string) => html`<label class="choice">
      <input type="radio" name="kind" value=${kind} .checked=${this.kind === kind} @change=${() => (this.kind = kind)} />
      <span><strong>${label}</strong><br /><span class="muted">${hint}</span></span>
    </label>`;
    return html`<h2 tabindex="-1">${m.profileTitle}</h2>
      <p class="muted">${m.profileIntro}</p>
      <fieldset part="kind">
        <legend>${m.kindLegend}</legend>
        ${choice('individual', m.kindIndividual, m.kindIndividualHint)} ${choice('business', m.kindBusiness, m.kindBusinessHint)}
      </fieldset>
      ${this.kind === 'individual' ? html`<sphere-ramp-individual-form></sphere-ramp-individual-form>` : nothing}
      ${this.kind === 'business' ? html`<sphere-ramp-business-form></sphere-ramp-business-form>` : nothing}`;
  }
}
