/**
 * Adds a bank account: USD (ACH and/or wire, ABA-checked routing number),
 * EUR (IBAN with mod-97, grouped for reading, and BIC) or BRL (PIX key and
 * type), plus the owner and their address. Validated with the shared
 * `BankAccountCreate` schema; fires `instrument-added` with the new account.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { BankAccount, BankAccountCreate, PIX_KEY_TYPES } from '../../../../contract/spherepay/bank-account.ts';
import { formatIban } from '../../../../contract/validators.ts';
import { countryOptions, needsPostalCode } from '../../../../contract/countries.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { moneyStyles } from '../money.styles.ts';

type Currency = 'usd' | 'eur' | 'brl';
const DETAIL_FIELDS: Record<Currency, string[]> = {
  usd: ['/accountDetails/accountNumber', '/accountDetails/routingNumber', '/accountDetails/accountType'],
  eur: ['/accountDetails/iban', '/accountDetails/bic'],
  brl: ['/accountDetails/pixKey', '/accountDetails/pixKeyType'],
};

export class BankAccountForm extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  /** Currency to start with (from the presets). */
  @property() currency: Currency = 'usd';

  @state() private usdNetworks: ('ach' | 'wire')[] = ['ach'];
  @state() private sending = false;
  @state() private formError?: string;

  private form = new FormController(this, () => BankAccountCreate);

  override connectedCallback(): void {
    super.connectedCallback();
    const customer = this.ctx.state.customer;
    // A business's address is its registered one (customers of type business have `addresses`, not `address`).
    const business = customer?.addresses?.find((a) => a.type === 'registered') ?? customer?.addresses?.[0];
    const address = customer?.address ?? (business ? { line1: business.line1, line2: business.line2, city: business.city, state: business.state, postalCode: business.postalCode, country: business.country } : undefined);
    const holder = [customer?.firstName, customer?.lastName].filter(Boolean).join(' ') || customer?.businessLegalName;
    this.form.reset({
      '/customerId': customer?.id ?? '',
      '/currency': this.currency,
      ...(typeof holder === 'string' && holder ? { '/accountOwner/accountHolderName': holder } : {}),
      ...(address ? Object.fromEntries(Object.entries(address).filter(([, v]) => typeof v === 'string' && v).map(([k, v]) => [`/accountOwner/address/${k}`, v as string])) : {}),
    });
    this.syncNetworks();
  }

  private get selected(): Currency {
    return (this.form.get('/currency') as Currency | undefined) ?? 'usd';
  }

  /** `networks` is an array the form cannot express with optional checkboxes; keep it compact here. */
  private syncNetworks() {
    const list = this.selected === 'usd' ? this.usdNetworks : this.selected === 'eur' ? ['sepa'] : ['pix'];
    this.form.set('/networks/0', list[0]);
    this.form.set('/networks/1', list[1]);
  }

  private setCurrency(currency: Currency) {
    this.form.set('/currency', currency);
    for (const [c, fields] of Object.entries(DETAIL_FIELDS)) if (c !== currency) for (const f of fields) this.form.set(f, undefined);
    this.syncNetworks();
  }

  private toggleNetwork(network: 'ach' | 'wire', on: boolean) {
    const set = new Set(this.usdNetworks);
    if (on) set.add(network);
    else set.delete(network);
    this.usdNetworks = (['ach', 'wire'] as const).filter((n) => set.has(n));
    this.syncNetworks();
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.sending) return;
    this.formError = undefined;
    const valid = this.form.validate();
    const parsed = BankAccountCreate.safeParse(this.form.body());
    const postal = this.postalMissing();
    if (!valid || !parsed.success || postal) {
      // Problems with no field of their own (the owner's address as a whole) must still be said.
      const shown = new Set(Array.from(this.renderRoot.querySelectorAll('[data-pointer]'), (e) => e.getAttribute('data-pointer')));
      const errors = [...this.form.errors().keys()];
      const hidden = errors.filter((p) => !shown.has(p));
      const m = this.ctx.messages.money;
      this.formError = hidden.some((p) => p.startsWith('/accountOwner')) ? m.ownerAddressMissing : postal ? m.postalCodeMissing : hidden.length ? m.formIncomplete : undefined;
      // validate() focuses the first field in error; with none shown, the message itself takes focus.
      if (this.formError && errors.length === hidden.length) await this.focusFormError(postal && !hidden.length);
      return;
    }
    this.sending = true;
    try {
      const account = await this.ctx.client.request('/api/v2/bank-account', { method: 'POST', body: parsed.data, schema: BankAccount });
      const m = this.ctx.messages.money;
      this.ctx.set({ bankAccounts: [account, ...(this.ctx.state.bankAccounts ?? []).filter((a) => a.id !== account.id)] });
      this.ctx.emit('ramp-instrument-added', { kind: 'bankAccount', id: account.id, currency: account.currency, network: account.networks.join(',') });
      this.ctx.announce(m.bankAccountAdded);
      this.dispatchEvent(new CustomEvent('instrument-added', { detail: { id: account.id } }));
    } catch (err) {
      this.formError = this.form.formMessage(err, this.ctx.messages.common.unexpectedError);
    } finally {
      this.sending = false;
    }
  }

  /** The owner's country has postal codes and none was given (SpherePay's schema does not ask for one). */
  private postalMissing(): boolean {
    const country = String(this.form.get('/accountOwner/address/country') ?? '');
    return needsPostalCode(country) && !String(this.form.get('/accountOwner/address/postalCode') ?? '').trim();
  }

  private async focusFormError(postal: boolean) {
    await this.updateComplete;
    const target = postal ? this.renderRoot.querySelector<HTMLElement>('[data-pointer="/accountOwner/address/postalCode"]') : this.renderRoot.querySelector<HTMLElement>('[data-form-error]');
    target?.focus();
  }

  protected override render() {
    const m = this.ctx.messages.money;
    const c = this.ctx.messages.common;
    const f = this.form;
    const currency = this.selected;
    const currencyOptions = (['usd', 'eur', 'brl'] as const).map((v) => ({ value: v, label: `${m.currencies[v]} (${v.toUpperCase()})` }));
    return html`<form class="subform" novalidate @submit=${this.submit} aria-labelledby="bank-form-title">
      <h3 id="bank-form-title">${m.addBankAccount}</h3>
      <div class="field" part="field">
        <label for="bank-currency">${m.bankCurrency}</label>
        <select id="bank-currency" data-pointer="/currency" .value=${currency} @change=${(e: Event) => this.setCurrency((e.target as HTMLSelectElement).value as Currency)}>
          ${currencyOptions.map((o) => html`<option value=${o.value} ?selected=${o.value === currency}>${o.label}</option>`)}
        </select>
      </div>
      ${f.field('/bankName', m.bankName, { autocomplete: 'off' })}
      ${f.field('/accountName', m.accountName, { hint: m.accountNameHint })}
      ${currency === 'usd' ? this.renderUsd() : currency === 'eur' ? this.renderEur() : this.renderBrl()}
      <fieldset>
        <legend>${m.accountOwner}</legend>
        ${f.field('/accountOwner/accountHolderName', m.accountHolderName, { autocomplete: 'name' })}
        ${f.field('/accountOwner/address/line1', m.line1, { autocomplete: 'address-line1' })}
        ${f.field('/accountOwner/address/line2', m.line2, { autocomplete: 'address-line2', optional: true })}
        <div class="row">
          ${f.field('/accountOwner/address/city', m.city, { autocomplete: 'address-level2' })}
          ${f.field('/accountOwner/address/state', m.state, { autocomplete: 'address-level1', optional: true })}
        </div>
        <div class="row">
          ${f.field('/accountOwner/address/postalCode', m.postalCode, { autocomplete: 'postal-code', optional: !needsPostalCode(String(f.get('/accountOwner/address/country') ?? '')) })}
          ${f.field('/accountOwner/address/country', m.country, { options: countryOptions(this.ctx.locale), autocomplete: 'country' })}
        </div>
      </fieldset>
      ${this.formError ? html`<p class="notice danger" role="alert" tabindex="-1" data-form-error>${this.formError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${c.cancel}</button>
        <button type="submit" part="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>${this.sending ? m.saving : m.save}</button>
      </div>
    </form>`;
  }

  private renderUsd() {
    const m = this.ctx.messages.money;
    const f = this.form;
    const error = f.error('/networks');
    return html`
      <fieldset aria-describedby=${error ? 'networks-error' : nothing}>
        <legend>${m.usdNetworks}</legend>
        ${(['ach', 'wire'] as const).map((n) => html`<label class="checkbox"><input type="checkbox" data-pointer=${`/networks/${n}`} .checked=${this.usdNetworks.includes(n)}
          @change=${(e: Event) => this.toggleNetwork(n, (e.target as HTMLInputElement).checked)} /> ${m.networks[n]}</label>`)}
        ${error ? html`<p class="error" id="networks-error">${error}</p>` : nothing}
      </fieldset>
      ${f.field('/accountDetails/routingNumber', m.routingNumber, { inputmode: 'numeric', hint: m.routingHint, normalize: (v) => v.replace(/\D/g, '') })}
      ${f.field('/accountDetails/accountNumber', m.accountNumber, { inputmode: 'numeric', normalize: (v) => v.replace(/\s/g, '') })}
      ${f.field('/accountDetails/accountType', m.accountType, { options: [{ value: 'checking', label: m.checking }, { value: 'savings', label: m.savings }] })}`;
  }

  private renderEur() {
    const m = this.ctx.messages.money;
    return html`
      ${this.form.field('/accountDetails/iban', m.iban, { hint: m.ibanHint, normalize: formatIban, autocomplete: 'off' })}
      ${this.form.field('/accountDetails/bic', m.bic, { normalize: (v) => v.toUpperCase().replace(/\s/g, '') })}`;
  }

  private renderBrl() {
    const m = this.ctx.messages.money;
    return html`
      ${this.form.field('/accountDetails/pixKeyType', m.pixKeyType, { options: PIX_KEY_TYPES.map((t) => ({ value: t, label: m.pixKeyTypes[t] ?? t })) })}
      ${this.form.field('/accountDetails/pixKey', m.pixKey)}`;
  }
}
