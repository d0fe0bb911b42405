/**
 * Adds one business representative (UBO, control person or signer) with
 * `POST /v2/business-representative`: the person, their home address, tax
 * id and role. Roles follow from what was ticked, so people answer plain
 * questions instead of picking role codes.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { BusinessRepresentative } from '../../../../contract/spherepay/onboarding.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { addressFields, completePhone, phoneField, syncTax, taxFields } from '../fields.ts';
import { errorNotice } from '../notice.ts';
import { RepresentativeProfile } from '../profile-schemas.ts';

const D = '/representationDetails';

export class RepresentativeForm extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  private form = new FormController(this, () => RepresentativeProfile, { '/type': 'individual' });
  private country = '';

  private create = new Task(this, {
    task: async ([body]: [unknown], { signal }) =>
      this.ctx.client.request('/api/v2/business-representative', { method: 'POST', body, schema: BusinessRepresentative, signal }),
    autoRun: false,
    onComplete: (rep) => this.dispatchEvent(new CustomEvent('representative-added', { detail: rep, bubbles: true, composed: true })),
    onError: (err) => this.form.applyServerError(err),
  });

  protected override willUpdate(_changed: PropertyValues): void {
    this.form.set('/customerId', this.ctx.state.customer?.id);
    const country = String(this.form.get('/address/country') ?? '');
    if (country !== this.country) {
      this.country = country;
      syncTax(this.form, '/personalInformation', country, this.ctx.messages.onboarding);
    }
  }

  private roles(): string[] {
    const owns = Number.parseFloat(String(this.form.get(`${D}/ownershipPercentage`) ?? '0')) >= 25;
    const roles = [owns && 'ubo', this.form.get(`${D}/isControlPerson`) === true && 'control_person', this.form.get(`${D}/isSigner`) === true && 'signer'];
    return roles.filter((r): r is string => !!r);
  }

  private submit(e: Event) {
    e.preventDefault();
    completePhone(this.form, '/phone', this.country);
    for (let i = 0; i < 3; i++) this.form.set(`${D}/roles/${i}`, undefined);
    const roles = this.roles();
    (roles.length ? roles : ['ubo']).forEach((role, i) => this.form.set(`${D}/roles/${i}`, role));
    if (this.form.validate()) void this.create.run([this.form.body()]);
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const r = m.reps;
    const busy = this.create.status === TaskStatus.PENDING;
    return html`<form class="stack" novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
      <fieldset>
        <legend>${r.personLegend}</legend>
        <div class="row">
          ${this.form.field('/firstName', m.firstName, { autocomplete: 'off' })}
          ${this.form.field('/lastName', m.lastName, { autocomplete: 'off' })}
        </div>
        ${this.form.field('/email', m.email, { type: 'email', autocomplete: 'off' })}
        ${phoneField(this.form, '/phone', m, this.ctx.locale, this.country || undefined)}
        ${this.form.field('/dateOfBirth', m.dateOfBirth, { type: 'date' })}
      </fieldset>
      <fieldset>
        <legend>${r.roleLegend}</legend>
        ${this.form.field(`${D}/title`, r.title)}
        ${this.form.field(`${D}/ownershipPercentage`, r.ownership, { inputmode: 'decimal', optional: true, hint: r.ownershipHint })}
        ${this.form.checkbox(`${D}/isControlPerson`, r.controlPerson)}
        ${this.form.checkbox(`${D}/isSigner`, r.signer)}
        ${this.form.field(`${D}/relationshipEstablishedAt`, r.since, { type: 'date', optional: true })}
      </fieldset>
      <fieldset>
        <legend>${r.homeLegend}</legend>
        ${addressFields(this.form, '/address', m, this.ctx.locale)}
      </fieldset>
      <fieldset>
        <legend>${r.taxLegend}</legend>
        ${taxFields(this.form, '/personalInformation', m, this.ctx.locale, this.country)}
      </fieldset>
      ${this.create.status === TaskStatus.ERROR ? errorNotice(this.create.error, this.ctx, () => void this.create.run()) : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${r.cancel}</button>
        <button type="submit" part="submit" ?disabled=${busy}>${busy ? m.saving : r.save}</button>
      </div>
    </form>`;
  }
}
