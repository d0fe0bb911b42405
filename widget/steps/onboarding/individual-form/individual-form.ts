/** The individual's profile: contact, residential address, identity and tax id -> `POST /v2/customer`. */
import { LitElement, html, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { Customer } from '../../../../contract/spherepay/customer.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { customerCreated } from '../customer-created.ts';
import { addressFields, completePhone, phoneField, syncTax, taxFields } from '../fields.ts';
import { errorNotice } from '../notice.ts';
import { IndividualProfile } from '../profile-schemas.ts';

export class IndividualForm extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  private form = new FormController(this, () => IndividualProfile, { '/type': 'individual' });
  private country = '';

  private create = new Task(this, {
    task: async ([body]: [unknown], { signal }) =>
      this.ctx.client.request('/api/v2/customer', { method: 'POST', body, schema: Customer, signal }),
    autoRun: false,
    onComplete: (customer) => customerCreated(this.ctx, customer),
    onError: (err) => this.form.applyServerError(err),
  });

  protected override willUpdate(_changed: PropertyValues): void {
    const country = String(this.form.get('/address/country') ?? '');
    if (country !== this.country) {
      this.country = country;
      syncTax(this.form, '/personalInformation', country, this.ctx.messages.onboarding);
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    completePhone(this.form, '/phone', this.country);
    if (!this.form.validate()) return;
    void this.create.run([this.form.body()]);
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const locale = this.ctx.locale;
    const busy = this.create.status === TaskStatus.PENDING;
    return html`<form novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
      <fieldset>
        <legend>${m.contactLegend}</legend>
        <div class="row">
          ${this.form.field('/personalInformation/firstName', m.firstName, { autocomplete: 'given-name' })}
          ${this.form.field('/personalInformation/lastName', m.lastName, { autocomplete: 'family-name' })}
        </div>
        ${this.form.field('/email', m.email, { type: 'email', autocomplete: 'email', inputmode: 'email' })}
        ${phoneField(this.form, '/phone', m, locale, this.country)}
      </fieldset>
      <fieldset>
        <legend>${m.residenceLegend}</legend>
        ${addressFields(this.form, '/address', m, locale)}
      </fieldset>
      <fieldset>
        <legend>${m.identityLegend}</legend>
        ${this.form.field('/personalInformation/dateOfBirth', m.dateOfBirth, { type: 'date', autocomplete: 'bday' })}
        ${taxFields(this.form, '/personalInformation', m, locale, this.country)}
      </fieldset>
      ${this.create.status === TaskStatus.ERROR ? errorNotice(this.create.error, this.ctx, () => void this.create.run()) : ''}
      <div class="actions">
        <button type="submit" part="submit" ?disabled=${busy}>${busy ? m.creating : this.ctx.messages.common.continue}</button>
      </div>
    </form>`;
  }
}
