/** The business's profile: contact, business information, registered and operating addresses -> `POST /v2/customer`. */
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { Customer } from '../../../../contract/spherepay/customer.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { customerCreated } from '../customer-created.ts';
import { addressFields, completePhone, phoneField } from '../fields.ts';
import { errorNotice } from '../notice.ts';
import { BusinessProfile } from '../profile-schemas.ts';

const REGISTERED = '/addresses/0';
const OPERATING = '/addresses/1';
const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const;

export class BusinessForm extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  /** The operating address is the registered one: copied on submit, not asked twice. */
  @state() private sameAddress = true;

  private form = new FormController(this, () => BusinessProfile, {
    '/type': 'business',
    [`${REGISTERED}/type`]: 'registered',
    [`${OPERATING}/type`]: 'operating',
  });

  private create = new Task(this, {
    task: async ([body]: [unknown], { signal }) =>
      this.ctx.client.request('/api/v2/customer', { method: 'POST', body, schema: Customer, signal }),
    autoRun: false,
    onComplete: (customer) => customerCreated(this.ctx, customer),
    onError: (err) => this.form.applyServerError(err),
  });

  private submit(e: Event) {
    e.preventDefault();
    if (this.sameAddress) for (const key of ADDRESS_KEYS) this.form.set(`${OPERATING}/${key}`, this.form.get(`${REGISTERED}/${key}`));
    completePhone(this.form, '/phone', String(this.form.get(`${REGISTERED}/country`) ?? ''));
    if (!this.form.validate()) {
      // An error in the hidden copy is an error in the address it was copied from.
      if (this.sameAddress) this.form.focusFirstError();
      return;
    }
    void this.create.run([this.form.body()]);
  }

  private select(pointer: string, label: string, values: readonly string[], labels: Record<string, string>, hint?: string) {
    return this.form.field(pointer, label, { options: values.map((v) => ({ value: v, label: labels[v] ?? v })), hint });
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const b = m.business;
    const locale = this.ctx.locale;
    const busy = this.create.status === TaskStatus.PENDING;
    const info = (key: string) => `/businessInformation/${key}`;
    return html`<form novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
      <fieldset>
        <legend>${b.companyLegend}</legend>
        ${this.form.field(info('legalName'), b.legalName, { autocomplete: 'organization' })}
        ${this.form.field(info('tradeName'), b.tradeName, { hint: b.tradeNameHint })}
        ${this.select(info('entityType'), b.entityType, Object.keys(b.entityTypes), b.entityTypes)}
        ${this.form.field(info('description'), b.description, { hint: b.descriptionHint })}
        <div class="row">
          ${this.form.field(info('naicsCode'), b.naicsCode, { inputmode: 'numeric', hint: b.naicsHint })}
          ${this.form.field(info('incorporatedOn'), b.incorporatedOn, { type: 'date' })}
        </div>
        ${this.form.field(info('website'), b.website, { autocomplete: 'url', placeholder: 'https://' })}
        <div class="row">
          ${this.select(info('identificationNumberType'), b.idType, Object.keys(b.idTypes), b.idTypes)}
          ${this.form.field(info('identificationNumber'), b.idNumber, { autocomplete: 'off' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${b.contactLegend}</legend>
        ${this.form.field('/email', m.email, { type: 'email', autocomplete: 'email', inputmode: 'email' })}
        ${phoneField(this.form, '/phone', m, locale, String(this.form.get(`${REGISTERED}/country`) ?? '') || undefined)}
      </fieldset>
      <fieldset>
        <legend>${b.registeredLegend}</legend>
        ${addressFields(this.form, REGISTERED, m, locale)}
        <label class="checkbox"><input type="checkbox" .checked=${this.sameAddress} @change=${(e: Event) => (this.sameAddress = (e.target as HTMLInputElement).checked)} />
          ${b.sameAddress}</label>
      </fieldset>
      ${this.sameAddress ? nothing : html`<fieldset><legend>${b.operatingLegend}</legend>${addressFields(this.form, OPERATING, m, locale)}</fieldset>`}
      <fieldset>
        <legend>${b.activityLegend}</legend>
        ${this.select(info('estimatedAnnualRevenueInUsd'), b.annualRevenue, Object.keys(b.revenueBrackets), b.revenueBrackets)}
        ${this.select(info('expectedMonthlyPaymentsInUsd'), b.monthlyPayments, Object.keys(b.monthlyBrackets), b.monthlyBrackets)}
        ${this.select(info('accountPurpose'), b.accountPurpose, Object.keys(b.purposes), b.purposes)}
        ${this.select(info('primarySourceOfFunds'), b.sourceOfFunds, Object.keys(b.sources), b.sources)}
        ${this.form.field(info('regulatedActivities'), b.regulatedActivities, { hint: b.regulatedHint })}
      </fieldset>
      ${this.create.status === TaskStatus.ERROR ? errorNotice(this.create.error, this.ctx, () => void this.create.run()) : nothing}
      <div class="actions">
        <button type="submit" part="submit" ?disabled=${busy}>${busy ? m.creating : this.ctx.messages.common.continue}</button>
      </div>
    </form>`;
  }
}
