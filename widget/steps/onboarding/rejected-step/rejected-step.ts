/** The profile was rejected: what that means and what happens next (re-review through SpherePay support, docs/002). */
import { LitElement, html } from 'lit';
import { consume } from '@lit/context';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';

const SUPPORT_EMAIL = 'support@spherepay.co';

export class RejectedStep extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  protected override render() {
    const m = this.ctx.messages.onboarding;
    return html`<h2 tabindex="-1">${m.rejectedTitle}</h2>
      <div class="notice danger"><p>${m.rejectedIntro}</p></div>
      <p>${m.rejectedNext}</p>
      <p>${m.customerIdLabel}: <code>${this.ctx.state.customer?.id ?? ''}</code></p>
      <p><a href="mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent(m.reReviewSubject(this.ctx.state.customer?.id ?? ''))}">${SUPPORT_EMAIL}</a></p>`;
  }
}
