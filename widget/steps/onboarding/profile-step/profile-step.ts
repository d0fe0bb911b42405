/**
 * The first onboarding step: an individual or a business, then the form for
 * that kind. Creating the customer moves the flow on (the step is derived
 * from `state.customer`).
 */
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';

type Kind = 'individual' | 'business';

/** The forms are the heavy part of onboarding (schemas, country table): off the first screen. */
const FORMS: Record<Kind, () => Promise<unknown>> = {
  individual: () => import('../individual-form/define.ts'),
  business: () => import('../business-form/define.ts'),
};

/** Loads both forms and their strings once the browser has nothing better to do, so choosing one rarely waits. */
function prefetchWhenIdle(ctx: () => RampContext) {
  const load = () => {
    for (const form of Object.values(FORMS)) void form().catch(() => undefined);
    void Promise.all([ctx().needMessages('onboarding'), ctx().needMessages('validation')]).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}

export class ProfileStep extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  @state() private kind?: Kind;
  @state() private loaded = new Set<Kind>();
  @state() private loadFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchWhenIdle(() => this.ctx);
  }

  private choose(kind: Kind) {
    this.kind = kind;
    this.loadFailed = false;
    Promise.all([FORMS[kind](), this.ctx.needMessages('onboarding'), this.ctx.needMessages('validation')]).then(
      () => (this.loaded = new Set(this.loaded).add(kind)),
      () => (this.loadFailed = true),
    );
  }

  protected override render() {
    const m = this.ctx.messages.profile;
    const choice = (kind: Kind, label: string, hint: string) => html`<label class="choice">
      <input type="radio" name="kind" value=${kind} .checked=${this.kind === kind} @change=${() => this.choose(kind)} />
      <span><strong>${label}</strong><br /><span class="muted">${hint}</span></span>
    </label>`;
    return html`<h2 tabindex="-1">${m.profileTitle}</h2>
      <p class="muted">${m.profileIntro}</p>
      <fieldset part="kind">
        <legend>${m.kindLegend}</legend>
        ${choice('individual', m.kindIndividual, m.kindIndividualHint)} ${choice('business', m.kindBusiness, m.kindBusinessHint)}
      </fieldset>
      ${this.renderForm()}`;
  }

  private renderForm() {
    const kind = this.kind;
    if (!kind) return nothing;
    if (this.loadFailed) return html`<div class="notice danger" role="alert"><p>${this.ctx.messages.common.unexpectedError}</p>
      <button @click=${() => this.choose(kind)}>${this.ctx.messages.common.retry}</button></div>`;
    if (!this.loaded.has(kind)) return html`<div class="center" aria-busy="true"><span class="spinner" aria-hidden="true"></span><p>${this.ctx.messages.common.loading}</p></div>`;
    return kind === 'individual' ? html`<sphere-ramp-individual-form></sphere-ramp-individual-form>` : html`<sphere-ramp-business-form></sphere-ramp-business-form>`;
  }
}
