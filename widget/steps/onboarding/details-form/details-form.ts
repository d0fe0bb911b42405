/**
 * An individual's missing profile data (email, phone, address, tax id,
 * name, date of birth), filled in where the checklist asks for it and sent
 * with `PATCH /v2/customer/{id}`. Only the parts still required are shown;
 * the address travels along with tax fields, as the API requires.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { Customer, CustomerPatch } from '../../../../contract/spherepay/customer.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import type { DetailPart } from '../criteria.ts';
import { addressFields, completePhone, phoneField, syncTax, taxFields } from '../fields.ts';
import { errorNotice } from '../notice.ts';

const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const;

export class DetailsForm extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  @property({ attribute: false }) parts: DetailPart[] = [];

  private form = new FormController(this, () => CustomerPatch);
  private prefilled = false;

  private save = new Task(this, {
    task: async ([body]: [unknown], { signal }) =>
      this.ctx.client.request(`/api/v2/customer/${this.ctx.state.customer!.id}`, { method: 'PATCH', body, schema: Customer, signal }),
    autoRun: false,
    onComplete: (customer) => {
      this.ctx.announce(this.ctx.messages.onboarding.saved);
      this.ctx.set({ customer });
    },
    onError: (err) => this.form.applyServerError(err),
  });

  protected override willUpdate(): void {
    const customer = this.ctx.state.customer;
    // The current address comes along (tax fields need it); the person sees it when it is what is missing.
    if (!this.prefilled && customer?.address) {
      this.prefilled = true;
      for (const key of ADDRESS_KEYS) {
        const value = customer.address[key];
        if (typeof value === 'string' && value) this.form.set(`/address/${key}`, value);
      }
    }
    if (this.parts.includes('tax')) syncTax(this.form, '/personalInformation', this.country(), this.ctx.messages.onboarding);
  }

  private country() {
    return String(this.form.get('/address/country') ?? '');
  }

  private submit(e: Event) {
    e.preventDefault();
    if (this.parts.includes('phone')) completePhone(this.form, '/phone', this.country());
    if (this.form.validate()) void this.save.run([this.form.body()]);
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const has = (p: DetailPart) => this.parts.includes(p);
    const busy = this.save.status === TaskStatus.PENDING;
    return html`<form class="stack" novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
      ${has('name')
        ? html`<div class="row">${this.form.field('/personalInformation/firstName', m.firstName, { autocomplete: 'given-name' })}
            ${this.form.field('/personalInformation/lastName', m.lastName, { autocomplete: 'family-name' })}</div>`
        : nothing}
      ${has('email') ? this.form.field('/email', m.email, { type: 'email', autocomplete: 'email' }) : nothing}
      ${has('phone') ? phoneField(this.form, '/phone', m, this.ctx.locale, this.country() || undefined) : nothing}
      ${has('address') || (has('tax') && !this.ctx.state.customer?.address) ? addressFields(this.form, '/address', m, this.ctx.locale) : nothing}
      ${has('dateOfBirth') ? this.form.field('/personalInformation/dateOfBirth', m.dateOfBirth, { type: 'date', autocomplete: 'bday' }) : nothing}
      ${has('tax') ? taxFields(this.form, '/personalInformation', m, this.ctx.locale, this.country()) : nothing}
      ${this.save.status === TaskStatus.ERROR ? errorNotice(this.save.error, this.ctx, () => void this.save.run()) : nothing}
      <div class="actions"><button type="submit" ?disabled=${busy}>${busy ? m.saving : m.save}</button></div>
    </form>`;
  }
}
