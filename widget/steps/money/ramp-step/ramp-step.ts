/**
 * The start of a money movement: direction, the customer's bank account and
 * wallet (choose or add), the stablecoin and rail offered by the matrix (BRL
 * rules applied), and the amount as a two-decimal string. "Get quote" locks a
 * rate; with quotes turned off it creates a floating-rate transfer directly.
 */
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import * as z from 'zod/mini';
import { Amount } from '../../../../contract/spherepay/common.ts';
import { BankAccountList, type BankAccount } from '../../../../contract/spherepay/bank-account.ts';
import { WalletList, type Wallet } from '../../../../contract/spherepay/wallet.ts';
import { BRL_BLOCKED_NETWORKS, CURRENCY_RAILS, NETWORK_CURRENCIES } from '../../../../contract/spherepay/matrix.ts';
import { AMOUNT_PATTERN, compare, normalizeAmount } from '../../../../contract/money.ts';
import type { SessionPolicy } from '../../../../contract/proxy-api.ts';
import { Quote } from '../../../../contract/spherepay/quote.ts';
import { Transfer, type TransferCreate } from '../../../../contract/spherepay/transfer.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { RampError } from '../../../api/errors.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import type { Direction } from '../../../state/flow.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorMessage, errorNotice } from '../error-notice.ts';
import { REFERENCE_FIELD, hasReference, loadDraft, rememberIntent, saveDraft } from '../intent.ts';
import { bankAccountLabel, networkName, walletLabel } from '../labels.ts';
import { moneyStyles } from '../money.styles.ts';

type Coins = keyof typeof NETWORK_CURRENCIES;
const DIRECTIONS: readonly Direction[] = ['on-ramp', 'off-ramp'];

/** Basis points as a percentage without trailing zeros: "25" -> "0.25", "100" -> "1". */
const percent = (bps: string) => {
  const n = BigInt(bps);
  const fraction = (n % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${n / 100n}${fraction ? '.' + fraction : ''}`;
};

export class RampStep extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @state() private direction: Direction = 'on-ramp';
  @state() private bankAccountId?: string;
  @state() private walletId?: string;
  @state() private crypto?: string;
  @state() private rail?: string;
  @state() private reference = '';
  /** undefined: open when the list is empty. */
  @state() private bankFormOpen?: boolean;
  @state() private walletFormOpen?: boolean;
  @state() private sending = false;
  @state() private submitError?: string;
  @state() private choiceError?: string;

  /** The amount, checked against the merchant's limits before anything is sent. */
  private form = new FormController(this, () => {
    const policy = this.policy;
    const m = this.ctx.messages.money;
    const checked = (v: string) => AMOUNT_PATTERN.test(v);
    return z.object({
      amount: Amount.check(
        z.refine((v) => !checked(v) || policy?.minAmount == null || compare(v, policy.minAmount) >= 0, m.amountBelowMin(policy?.minAmount ?? '')),
        z.refine((v) => !checked(v) || policy?.maxAmount == null || compare(v, policy.maxAmount) <= 0, m.amountAboveMax(policy?.maxAmount ?? '')),
      ),
    });
  });

  /** The merchant's terms for this session (from `GET /api/session`); none from an older proxy. */
  private get policy(): SessionPolicy | undefined {
    return this.ctx.state.session?.policy;
  }

  private get directions(): readonly Direction[] {
    const allowed = this.policy?.directions;
    const offered = allowed ? DIRECTIONS.filter((d) => allowed.includes(d)) : DIRECTIONS;
    return offered.length ? offered : DIRECTIONS;
  }

  private offered(currency: string) {
    return !this.policy || this.policy.currencies.includes(currency);
  }

  protected override willUpdate(): void {
    // A preset or draft the merchant's policy does not allow gives way to what it does.
    if (!this.directions.includes(this.direction)) this.direction = this.directions[0]!;
  }
  /** A floating transfer's key, reused while the same body is retried. */
  private floating?: { body: string; key: string };

  private instruments = new Task(this, {
    task: async ([customerId], { signal }) => {
      if (!customerId || (this.ctx.state.bankAccounts && this.ctx.state.wallets)) return;
      const query = { customerId, limit: '100' };
      const [banks, wallets] = await Promise.all([
        this.ctx.client.request('/api/v2/bank-account', { query, schema: BankAccountList, signal }),
        this.ctx.client.request('/api/v2/wallet', { query, schema: WalletList, signal }),
      ]);
      this.ctx.set({ bankAccounts: banks.data, wallets: wallets.data });
    },
    args: () => [this.ctx.state.customer?.id] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const draft = loadDraft(this.ctx.client);
    const presets = this.ctx.state.presets;
    if (draft) {
      ({ direction: this.direction, bankAccountId: this.bankAccountId, walletId: this.walletId, crypto: this.crypto, rail: this.rail } = draft);
      this.reference = draft.reference ?? '';
      this.form.reset({ '/amount': draft.amount });
    } else {
      this.direction = presets.direction === 'off-ramp' ? 'off-ramp' : 'on-ramp';
      const amount = presets.amount ? normalizeAmount(presets.amount) : undefined;
      this.form.reset(amount ? { '/amount': amount } : {});
    }
  }

  // What the host preset, seen from this direction.
  private get fiatPreset() {
    const p = this.ctx.state.presets;
    return (this.direction === 'on-ramp' ? p.sourceCurrency : p.destinationCurrency)?.toLowerCase();
  }
  private get cryptoPreset() {
    const p = this.ctx.state.presets;
    return (this.direction === 'on-ramp' ? p.destinationCurrency : p.sourceCurrency)?.toLowerCase();
  }

  private get bankAccount(): BankAccount | undefined {
    const list = (this.ctx.state.bankAccounts ?? []).filter((a) => this.offered(a.currency));
    return list.find((a) => a.id === this.bankAccountId) ?? (this.bankAccountId ? undefined : list.find((a) => a.currency === this.fiatPreset) ?? list[0]);
  }

  private blocked(wallet: Wallet) {
    return this.bankAccount?.currency === 'brl' && BRL_BLOCKED_NETWORKS.includes(wallet.network);
  }

  private get wallet(): Wallet | undefined {
    const list = (this.ctx.state.wallets ?? []).filter((w) => !this.blocked(w));
    const preset = this.ctx.state.presets.network;
    const chosen = list.find((w) => w.id === this.walletId);
    if (chosen || this.walletId) return chosen;
    return list.find((w) => w.network === preset) ?? list[0];
  }

  private get coins(): readonly string[] {
    const wallet = this.wallet;
    return wallet ? (NETWORK_CURRENCIES[wallet.network as Coins] ?? []).filter((c) => this.offered(c)) : [];
  }

  private get coin(): string | undefined {
    const coins = this.coins;
    if (this.crypto && coins.includes(this.crypto)) return this.crypto;
    return coins.find((c) => c === this.cryptoPreset) ?? coins[0];
  }

  private get rails(): readonly string[] {
    const account = this.bankAccount;
    if (!account) return [];
    return account.networks.filter((n) => CURRENCY_RAILS[account.currency].includes(n));
  }

  private get chosenRail(): string | undefined {
    return this.rail && this.rails.includes(this.rail) ? this.rail : this.rails[0];
  }

  private draft() {
    return {
      direction: this.direction, amount: String(this.form.get('/amount') ?? ''), bankAccountId: this.bankAccount?.id,
      walletId: this.wallet?.id, crypto: this.coin, rail: this.chosenRail, reference: this.reference || undefined,
    };
  }

  private normalizeAmountField() {
    const raw = this.form.get('/amount');
    const normalized = typeof raw === 'string' ? normalizeAmount(raw) : undefined;
    if (normalized && normalized !== raw) this.form.set('/amount', normalized);
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.sending) return;
    const m = this.ctx.messages.money;
    this.normalizeAmountField();
    this.submitError = undefined;
    const bank = this.bankAccount;
    const wallet = this.wallet;
    const coin = this.coin;
    const rail = this.chosenRail;
    this.choiceError = !bank ? m.chooseBankAccount : !wallet ? m.chooseWallet : !coin || !rail ? m.noCurrencyOnNetwork : undefined;
    const valid = this.form.validate();
    if (this.choiceError || !valid || !bank || !wallet || !coin || !rail) return;
    const customerId = this.ctx.state.customer!.id;
    const amount = String(this.form.get('/amount'));
    const fiat = { currency: bank.currency, network: rail };
    const crypto = { currency: coin, network: wallet.network };
    const onRamp = this.direction === 'on-ramp';
    const presets = this.ctx.state.presets;
    saveDraft(this.ctx.client, this.draft());
    this.sending = true;
    try {
      if (presets.quotes) {
        const quote = await this.ctx.client.request('/api/v2/quote', {
          method: 'POST',
          schema: Quote,
          body: {
            amount, customerId,
            source: onRamp ? fiat : crypto,
            destination: onRamp ? crypto : fiat,
          },
        });
        rememberIntent(quote.id, { direction: this.direction, bankAccountId: bank.id, walletId: wallet.id, rail });
        this.ctx.emit('ramp-quote', { quoteId: quote.id, type: quote.type, source: quote.source, destination: quote.destination, expiresAt: quote.expiresAt });
        this.ctx.set({ quote });
      } else {
        const bankSide = { type: 'bank_account' as const, id: bank.id, ...fiat };
        const walletSide = { type: 'wallet' as const, id: wallet.id, ...crypto };
        const reference = !onRamp && hasReference(rail) && this.reference.trim() ? { [REFERENCE_FIELD[rail]]: this.reference.trim() } : {};
        const body = {
          customer: customerId, amount,
          source: onRamp ? bankSide : walletSide,
          destination: onRamp ? walletSide : { ...bankSide, ...reference },
          // No fees here: the proxy puts the merchant's on every transfer.
          ...(presets.externalId ? { externalId: presets.externalId } : {}),
        } as TransferCreate;
        const json = JSON.stringify(body);
        if (this.floating?.body !== json) this.floating = { body: json, key: newIdempotencyKey() };
        const transfer = await this.ctx.client.request('/api/v2/transfer', { method: 'POST', body, schema: Transfer, idempotencyKey: this.floating.key });
        this.floating = undefined;
        this.ctx.emit('ramp-transfer-created', { transferId: transfer.id, type: transfer.type, status: transfer.status, amount, externalId: transfer.externalId ?? null });
        this.ctx.set({ transfer });
      }
    } catch (err) {
      this.submitError = this.form.formMessage(err, errorMessage(err, m.instrumentsError), ['/amount']);
      if (err instanceof RampError) this.ctx.emit('ramp-error', err.detail);
    } finally {
      this.sending = false;
    }
  }

  protected override render() {
    const m = this.ctx.messages.money;
    return html`<h2>${m.rampTitle}</h2>
      <form class="stack" novalidate @submit=${this.submit}>
        ${this.renderDirection()}
        ${this.instruments.render({
          pending: () => html`<p role="status"><span class="spinner" aria-hidden="true"></span> ${m.loadingInstruments}</p>`,
          error: (err) => errorNotice(this.ctx.messages, err, m.instrumentsError, () => void this.instruments.run()),
          complete: () => this.renderInstruments(),
        })}
      </form>
      <p><button type="button" class="link" @click=${() => this.ctx.set({ moneyView: 'history' })}>${m.history}</button></p>`;
  }

  private renderDirection() {
    const m = this.ctx.messages.money;
    const option = (value: Direction, label: string, hint: string) => html`<label class="choice">
      <input type="radio" name="direction" value=${value} .checked=${this.direction === value}
        @change=${() => { this.direction = value; this.floating = undefined; }} />
      <span><strong>${label}</strong><span class="hint">${hint}</span></span></label>`;
    const labels = { 'on-ramp': [m.onRamp, m.onRampHint], 'off-ramp': [m.offRamp, m.offRampHint] } as const;
    return html`<fieldset class="choices"><legend>${m.direction}</legend>
      ${this.directions.map((d) => option(d, ...labels[d]))}</fieldset>`;
  }

  /** The merchant's fee and limits, shown before the person types an amount. */
  private renderTerms(currency: string | undefined) {
    const policy = this.policy;
    if (!policy) return nothing;
    const m = this.ctx.messages.money;
    const shown = (amount: string) => (currency ? m.money(amount, currency) : amount);
    // The fixed fee applies to floating-rate transfers only, and SpherePay takes none on BRL.
    const fixed = !this.ctx.state.presets.quotes && policy.integratorFixedFee !== '0.00' && this.bankAccount?.currency !== 'brl' ? policy.integratorFixedFee : undefined;
    const fees = [...(policy.integratorFeeBps !== '0' ? [m.feePercent(percent(policy.integratorFeeBps))] : []), ...(fixed ? [shown(fixed)] : [])];
    const { minAmount: min, maxAmount: max } = policy;
    const limits = min && max ? m.limitsBetween(shown(min), shown(max)) : min ? m.limitsAtLeast(shown(min)) : max ? m.limitsAtMost(shown(max)) : undefined;
    if (!fees.length && !limits) return nothing;
    return html`<p class="hint" data-policy>
      ${fees.length ? html`<span data-value="service-fee">${m.serviceFeeTerms(fees.join(' + '))}</span>` : nothing}
      ${limits ? html`<span data-value="limits">${limits}</span>` : nothing}</p>`;
  }

  private renderInstruments() {
    const m = this.ctx.messages.money;
    if (!this.ctx.state.bankAccounts || !this.ctx.state.wallets) return nothing;
    const onRamp = this.direction === 'on-ramp';
    const sides = onRamp ? [this.renderBankAccounts(), this.renderWallets()] : [this.renderWallets(), this.renderBankAccounts()];
    const currency = onRamp ? this.bankAccount?.currency : this.coin;
    const offRampReference = !this.ctx.state.presets.quotes && !onRamp && hasReference(this.chosenRail);
    return html`${sides}
      ${this.renderTerms(currency)}
      <div @focusout=${() => this.normalizeAmountField()}>
        ${this.form.field('/amount', currency ? m.amount(currency) : m.amountLabel, { inputmode: 'decimal', hint: m.amountHint, autocomplete: 'off' })}
      </div>
      ${offRampReference ? this.renderReference() : nothing}
      ${this.ctx.state.presets.quotes ? nothing : html`<p class="hint">${m.floatingNotice}</p>`}
      ${this.choiceError ? html`<p class="notice danger" role="alert">${this.choiceError}</p>` : nothing}
      ${this.submitError ? html`<p class="notice danger" role="alert">${this.submitError}</p>` : nothing}
      <div class="actions">
        <button type="submit" part="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>
          ${this.sending ? (this.ctx.state.presets.quotes ? m.gettingQuote : m.creatingTransfer) : this.ctx.state.presets.quotes ? m.getQuote : m.createTransfer}
        </button>
      </div>`;
  }

  private renderReference() {
    const m = this.ctx.messages.money;
    const rail = this.chosenRail!;
    const max = rail === 'ach' ? 10 : rail === 'wire' ? 105 : 140;
    return html`<div class="field" part="field">
      <label for="reference">${m.reference[rail]}</label>
      <input id="reference" data-pointer=${`/destination/${REFERENCE_FIELD[rail as 'ach']}`} maxlength=${max} .value=${this.reference}
        @input=${(e: Event) => (this.reference = (e.target as HTMLInputElement).value)} aria-describedby="reference-hint" />
      <p class="hint" id="reference-hint">${m.referenceHint}</p>
    </div>`;
  }

  private renderBankAccounts() {
    const m = this.ctx.messages.money;
    const list = this.ctx.state.bankAccounts ?? [];
    const open = this.bankFormOpen ?? list.length === 0;
    const chosen = this.bankAccount;
    const rails = this.rails;
    return html`<fieldset class="choices" data-instruments="bank">
      <legend>${m.bankAccounts}</legend>
      ${list.length === 0 && !open ? html`<p class="muted">${m.noBankAccounts}</p>` : nothing}
      ${list.some((a) => !this.offered(a.currency)) ? html`<p class="hint" id="currency-not-offered">${m.currencyNotOffered}</p>` : nothing}
      ${list.map((a) => html`<label class="choice"><input type="radio" name="bank" value=${a.id} .checked=${chosen?.id === a.id}
        ?disabled=${!this.offered(a.currency)} aria-describedby=${this.offered(a.currency) ? nothing : 'currency-not-offered'}
        @change=${() => { this.bankAccountId = a.id; this.choiceError = undefined; }} /><span>${bankAccountLabel(m, a)}</span></label>`)}
      ${open
        ? html`<sphere-ramp-bank-account-form .currency=${(this.fiatPreset as 'usd') ?? 'usd'}
            @instrument-added=${(e: CustomEvent<{ id: string }>) => { this.bankAccountId = e.detail.id; this.bankFormOpen = false; this.choiceError = undefined; }}
            @cancel=${() => (this.bankFormOpen = false)}></sphere-ramp-bank-account-form>`
        : html`<p><button type="button" class="secondary" @click=${() => (this.bankFormOpen = true)}>${m.addBankAccount}</button></p>`}
    </fieldset>
    ${rails.length > 1
      ? html`<div class="field" part="field"><label for="rail">${m.rail}</label>
          <select id="rail" data-pointer="/rail" @change=${(e: Event) => (this.rail = (e.target as HTMLSelectElement).value)}>
            ${rails.map((r) => html`<option value=${r} ?selected=${r === this.chosenRail}>${networkName(m, r)}</option>`)}
          </select></div>`
      : nothing}`;
  }

  private renderWallets() {
    const m = this.ctx.messages.money;
    const list = this.ctx.state.wallets ?? [];
    const open = this.walletFormOpen ?? list.length === 0;
    const chosen = this.wallet;
    const brl = this.bankAccount?.currency === 'brl';
    const coins = this.coins;
    return html`<fieldset class="choices" data-instruments="wallet">
      <legend>${m.wallets}</legend>
      ${list.length === 0 && !open ? html`<p class="muted">${m.noWallets}</p>` : nothing}
      ${brl && list.some((w) => this.blocked(w)) ? html`<p class="hint" id="brl-blocked">${m.brlBlockedWallet}</p>` : nothing}
      ${list.map((w) => html`<label class="choice"><input type="radio" name="wallet" value=${w.id} .checked=${chosen?.id === w.id} ?disabled=${this.blocked(w)}
        aria-describedby=${this.blocked(w) ? 'brl-blocked' : nothing}
        @change=${() => { this.walletId = w.id; this.choiceError = undefined; }} /><span>${walletLabel(m, w)}</span></label>`)}
      ${open
        ? html`<sphere-ramp-wallet-form .exclude=${brl ? BRL_BLOCKED_NETWORKS : []} .network=${this.ctx.state.presets.network}
            @instrument-added=${(e: CustomEvent<{ id: string }>) => { this.walletId = e.detail.id; this.walletFormOpen = false; this.choiceError = undefined; }}
            @cancel=${() => (this.walletFormOpen = false)}></sphere-ramp-wallet-form>`
        : html`<p><button type="button" class="secondary" @click=${() => (this.walletFormOpen = true)}>${m.addWallet}</button></p>`}
    </fieldset>
    ${coins.length
      ? html`<div class="field" part="field"><label for="coin">${m.stablecoin}</label>
          <select id="coin" data-pointer="/crypto" @change=${(e: Event) => (this.crypto = (e.target as HTMLSelectElement).value)}>
            ${coins.map((c) => html`<option value=${c} ?selected=${c === this.coin}>${m.currencies[c] ?? c.toUpperCase()}</option>`)}
          </select></div>`
      : nothing}`;
  }
}
