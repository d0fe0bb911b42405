/**
 * The start of a money movement, amount first: direction, the amount and the
 * two currencies with a live estimate (what arrives, the fees, the rate, and
 * the merchant's limits), then the bank account and wallet picked from
 * saved ones (or added in a focused sub-step), then "Get quote" locks the
 * rate. With quotes turned off the last step creates a floating-rate
 * transfer directly. What was chosen survives a reload (sessionStorage).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import * as z from 'zod/mini';
import { Amount } from '../../../../contract/spherepay/common.ts';
import { BankAccountList, type BankAccount } from '../../../../contract/spherepay/bank-account.ts';
import { WalletList, type Wallet } from '../../../../contract/spherepay/wallet.ts';
import { CURRENCY_RAILS, NETWORK_CURRENCIES, isBrlNetwork } from '../../../../contract/spherepay/matrix.ts';
import { WALLET_NETWORKS } from '../../../../contract/spherepay/networks.ts';
import { isApprovedFor, profileFor } from '../../../../contract/spherepay/profiles.ts';
import type { FiatCurrency, FiatNetwork } from '../../../../contract/spherepay/common.ts';
import { AMOUNT_PATTERN, compare, normalizeAmount } from '../../../../contract/money.ts';
import type { SessionPolicy } from '../../../../contract/proxy-api.ts';
import { Quote } from '../../../../contract/spherepay/quote.ts';
import { Transfer, TransferList, type TransferCreate } from '../../../../contract/spherepay/transfer.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { RampError } from '../../../api/errors.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import type { Direction } from '../../../state/flow.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorMessage, errorNotice } from '../error-notice.ts';
import { REFERENCE_FIELD, clearDraft, hasReference, loadDraft, rememberIntent, saveDraft } from '../intent.ts';
import { bankAccountLabel, networkName, walletLabel } from '../labels.ts';
import { moneyStyles } from '../money.styles.ts';
import { amountInput, decimalSign, formatAmount, formatNumber } from '../../../i18n/format.ts';
import { rememberTerms } from '../receipt/terms.ts';

type Fiat = keyof typeof CURRENCY_RAILS;
type Network = keyof typeof NETWORK_CURRENCIES;
type Stage = 'amount' | 'instruments' | 'add-bank' | 'add-wallet';

const FIATS: readonly Fiat[] = ['usd', 'eur', 'brl'];
const DIRECTIONS: readonly Direction[] = ['on-ramp', 'off-ramp'];

/** Basis points as a percentage without trailing zeros: "25" -> "0.25", "100" -> "1". */
const percent = (bps: string) => {
  const n = BigInt(bps);
  const fraction = (n % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${n / 100n}${fraction ? '.' + fraction : ''}`;
};
const COINS = ['usdc', 'usdt', 'eurc'] as const;
/** The amount the estimate is shown for before the person types one. */
const EXAMPLE_AMOUNT = '100.00';
/** How long typing must pause before the estimate is asked for. */
export const ESTIMATE_DEBOUNCE_MS = 400;

/** Widgets (by client) that already looked for a transfer to resume: only the first ramp screen does. */
const resumeChecked = new WeakSet<object>();

export class RampStep extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @state() private stage: Stage = 'amount';
  @state() private direction: Direction = 'on-ramp';
  @state() private fiat: Fiat = 'usd';
  @state() private coin: string = 'usdc';
  @state() private network?: string;
  @state() private bankAccountId?: string;
  @state() private walletId?: string;
  @state() private rail?: string;
  @state() private reference = '';
  @state() private sending = false;
  @state() private submitError?: string;
  @state() private choiceError?: string;
  @state() private estimate?: Quote;
  @state() private estimating = false;
  @state() private estimateError?: string;
  /** The instrument whose removal waits for a confirmation, and one being removed. */
  @state() private confirmRemove?: string;
  @state() private removing?: string;
  @state() private removeError?: string;

  /** The amount, checked against the merchant's limits before anything is sent. */
  private form = new FormController(this, () => {
    const policy = this.policy;
    const m = this.ctx.messages.money;
    const checked = (v: string) => AMOUNT_PATTERN.test(v);
    const shown = (v: string) => formatAmount(v, this.sides().source.currency, this.ctx.locale);
    const sign = decimalSign(this.ctx.locale);
    // Typed the person's way ("1.234,50" in es), checked as SpherePay's decimal string.
    return z.object({
      amount: z.pipe(
        z.transform((v: string) => normalizeAmount(v, sign) ?? v),
        Amount.check(
          z.refine((v) => !checked(v) || policy?.minAmount == null || compare(v, policy.minAmount) >= 0, m.amountBelowMin(shown(policy?.minAmount ?? '0.00'))),
          z.refine((v) => !checked(v) || policy?.maxAmount == null || compare(v, policy.maxAmount) <= 0, m.amountAboveMax(shown(policy?.maxAmount ?? '0.00'))),
        ),
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

  private get fiats(): readonly Fiat[] {
    const list = FIATS.filter((c) => this.offered(c));
    return list.length ? list : FIATS;
  }

  private get coins(): readonly string[] {
    const list = COINS.filter((c) => this.offered(c));
    return list.length ? list : COINS;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A preset or draft the merchant's policy does not allow gives way to what it does.
    if (!this.directions.includes(this.direction)) this.direction = this.directions[0]!;
    if (!this.fiats.includes(this.fiat)) this.fiat = this.fiats[0]!;
    if (!this.coins.includes(this.coin)) this.coin = this.coins[0]!;
  }
  /** A floating transfer's key, reused while the same body is retried. */
  private floating?: { body: string; key: string };
  private estimateTimer?: ReturnType<typeof setTimeout>;
  private estimateSeq = 0;
  private estimateKey = '';
  /** Where focus goes after the next render (a stage heading, or the control that replaced a removed one). */
  private focusAfter?: string;
  /** A transfer was made from this screen: its draft is done with. */
  private created = false;

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
    const customerId = this.ctx.state.customer?.id;
    const draft = loadDraft(customerId);
    const presets = this.ctx.state.presets;
    if (draft) {
      ({ direction: this.direction, bankAccountId: this.bankAccountId, walletId: this.walletId, rail: this.rail } = draft);
      if (draft.fiat && (FIATS as readonly string[]).includes(draft.fiat)) this.fiat = draft.fiat as Fiat;
      if (draft.crypto) this.coin = draft.crypto;
      this.network = draft.network;
      this.reference = draft.reference ?? '';
      this.form.reset(draft.amount ? { '/amount': draft.amount } : {});
      if (draft.stage === 'instruments' && this.typedAmount) this.stage = 'instruments';
    } else {
      this.direction = presets.direction === 'off-ramp' ? 'off-ramp' : 'on-ramp';
      const fiat = this.fiatPreset;
      if (fiat && (FIATS as readonly string[]).includes(fiat)) this.fiat = fiat as Fiat;
      const coin = this.cryptoPreset;
      if (coin && (COINS as readonly string[]).includes(coin)) this.coin = coin;
      // The `amount` attribute is written the HTML way ("250.50"), whatever the person's locale.
      const amount = presets.amount ? normalizeAmount(presets.amount) : undefined;
      this.form.reset(amount ? { '/amount': amountInput(amount, this.ctx.locale) } : {});
    }
    void this.resumeAwaitingDeposit();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.estimateTimer);
    this.voidEstimate();
  }

  /**
   * A reload or a returning person with a transfer still waiting for their
   * deposit goes straight back to its deposit instructions: the money is owed.
   */
  private async resumeAwaitingDeposit() {
    const client = this.ctx.client;
    const customer = this.ctx.state.customer?.id;
    if (!customer || resumeChecked.has(client)) return;
    resumeChecked.add(client);
    try {
      const { data } = await client.request('/api/v2/transfer', {
        query: { customer, status: 'pendingFunding', limit: '1', sort: '-created' },
        schema: TransferList,
      });
      const waiting = data[0];
      if (waiting && !this.ctx.state.transfer && !this.ctx.state.quote && this.isConnected) this.ctx.set({ transfer: waiting });
    } catch {
      // Nothing to resume is the same as not knowing: the ramp screen stays.
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

  /** Networks that carry the chosen stablecoin (not Solana for BRL). */
  private get networks(): Network[] {
    return (Object.keys(NETWORK_CURRENCIES) as Network[]).filter(
      (n) => n !== 'fogo' && NETWORK_CURRENCIES[n].includes(this.coin as never) && !(this.fiat === 'brl' && !isBrlNetwork(n)),
    );
  }

  /** The chosen network, else the preset's, else one a saved wallet is on, else the first. */
  private get chosenNetwork(): string | undefined {
    const list = this.networks;
    if (this.network && list.includes(this.network as Network)) return this.network;
    const preset = this.ctx.state.presets.network;
    if (preset && list.includes(preset as Network)) return preset;
    const saved = (this.ctx.state.wallets ?? []).find((w) => list.includes(w.network as Network));
    return saved?.network ?? list[0];
  }

  private get bankChoices(): BankAccount[] {
    return (this.ctx.state.bankAccounts ?? []).filter((a) => a.currency === this.fiat);
  }

  private get walletChoices(): Wallet[] {
    const network = this.chosenNetwork;
    return (this.ctx.state.wallets ?? []).filter((w) => w.network === network);
  }

  private get bankAccount(): BankAccount | undefined {
    const list = this.bankChoices;
    return list.find((a) => a.id === this.bankAccountId) ?? list[0];
  }

  private get wallet(): Wallet | undefined {
    const list = this.walletChoices;
    return list.find((w) => w.id === this.walletId) ?? list[0];
  }

  /** Rails of the chosen account for its currency; before an account is chosen, the currency's. */
  private get rails(): readonly string[] {
    const account = this.bankAccount;
    if (!account) return CURRENCY_RAILS[this.fiat];
    return account.networks.filter((n) => (CURRENCY_RAILS[account.currency as FiatCurrency] ?? []).includes(n as FiatNetwork));
  }

  private get chosenRail(): string | undefined {
    return this.rail && this.rails.includes(this.rail) ? this.rail : this.rails[0];
  }

  /** The typed amount in two-decimal form, if it is one. */
  private get typedAmount(): string | undefined {
    const raw = this.form.get('/amount');
    const normalized = typeof raw === 'string' ? normalizeAmount(raw, decimalSign(this.ctx.locale)) : undefined;
    return normalized && compare(normalized, '0') > 0 ? normalized : undefined;
  }

  /** The merchant's fee and limits, shown on the amount screen before anything is typed. */
  private renderTerms() {
    const policy = this.policy;
    if (!policy) return nothing;
    const m = this.ctx.messages.money;
    const currency = this.sides().source.currency;
    const shown = (amount: string) => formatAmount(amount, currency, this.ctx.locale);
    // The fixed fee applies to floating-rate transfers only, and SpherePay takes none on BRL.
    const fixed = !this.ctx.state.presets.quotes && policy.integratorFixedFee !== '0.00' && this.fiat !== 'brl' ? policy.integratorFixedFee : undefined;
    const fees = [...(policy.integratorFeeBps !== '0' ? [m.feePercent(formatNumber(percent(policy.integratorFeeBps), this.ctx.locale))] : []), ...(fixed ? [formatAmount(fixed, this.fiat, this.ctx.locale)] : [])];
    const { minAmount: min, maxAmount: max } = policy;
    const limits = min && max ? m.limitsBetween(shown(min), shown(max)) : min ? m.limitsAtLeast(shown(min)) : max ? m.limitsAtMost(shown(max)) : undefined;
    if (!fees.length && !limits) return nothing;
    return html`<p class="hint" data-policy>
      ${fees.length ? html`<span data-value="service-fee">${m.serviceFeeTerms(fees.join(' + '))}</span>` : nothing}
      ${limits ? html`<span data-value="limits">${limits}</span>` : nothing}</p>`;
  }

  private sides() {
    const fiat = { currency: this.fiat, network: this.chosenRail ?? CURRENCY_RAILS[this.fiat][0] };
    const crypto = { currency: this.coin, network: this.chosenNetwork ?? '' };
    const onRamp = this.direction === 'on-ramp';
    return { source: onRamp ? fiat : crypto, destination: onRamp ? crypto : fiat, fiat, crypto };
  }

  private draft() {
    return {
      direction: this.direction, amount: String(this.form.get('/amount') ?? ''), fiat: this.fiat, network: this.chosenNetwork,
      bankAccountId: this.bankAccountId, walletId: this.walletId, crypto: this.coin, rail: this.rail, reference: this.reference || undefined,
      ...(this.stage === 'amount' ? {} : { stage: 'instruments' as const }),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.created) saveDraft(this.ctx.state.customer?.id, this.draft());
    if (this.stage === 'amount') this.scheduleEstimate();
    if (this.focusAfter) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
      this.focusAfter = undefined;
      if (target) void focusInside(target);
    }
  }

  /** Asks for a fresh estimate once typing pauses, when what it depends on changed. */
  private scheduleEstimate() {
    const { source, destination } = this.sides();
    const amount = this.typedAmount ?? EXAMPLE_AMOUNT;
    if (!destination.network || !source.network || !this.ctx.state.customer) return;
    const key = JSON.stringify([amount, source, destination]);
    if (key === this.estimateKey) return;
    this.estimateKey = key;
    clearTimeout(this.estimateTimer);
    this.estimateTimer = setTimeout(() => void this.fetchEstimate(amount, source, destination), ESTIMATE_DEBOUNCE_MS);
  }

  private async fetchEstimate(amount: string, source: { currency: string; network: string }, destination: { currency: string; network: string }) {
    const seq = ++this.estimateSeq;
    this.estimating = true;
    try {
      const quote = await this.ctx.client.request('/api/v2/quote', {
        method: 'POST', schema: Quote, body: { amount, customerId: this.ctx.state.customer!.id, source, destination },
      });
      if (seq !== this.estimateSeq || !this.isConnected) return void this.voidQuote(quote.id);
      this.voidEstimate();
      this.estimate = quote;
      this.estimateError = undefined;
    } catch (err) {
      if (seq !== this.estimateSeq) return;
      this.estimate = undefined;
      // A problem pointing at the amount (a limit) is the person's to fix: say it by the amount.
      this.estimateError = errorMessage(this.ctx, err, this.ctx.messages.money.estimateError);
    } finally {
      if (seq === this.estimateSeq) this.estimating = false;
    }
  }

  /**
   * An estimate is a real quote the person never confirms; void it so it does
   * not sit "active" for its lifetime. Best effort: it expires anyway.
   */
  private voidEstimate() {
    if (this.estimate) this.voidQuote(this.estimate.id);
    this.estimate = undefined;
  }

  private voidQuote(id: string) {
    this.ctx.client.request(`/api/v2/quote/${encodeURIComponent(id)}`, { method: 'PUT', body: { status: 'expired' } }).catch(() => undefined);
  }

  private normalizeAmountField() {
    const raw = this.form.get('/amount');
    const normalized = typeof raw === 'string' ? normalizeAmount(raw, decimalSign(this.ctx.locale)) : undefined;
    // Put back the way the person writes it ("1234,50" in es), which is also how it is read again.
    const shown = normalized && amountInput(normalized, this.ctx.locale);
    if (shown && shown !== raw) this.form.set('/amount', shown);
  }

  private go(stage: Stage, focus = { amount: '#amount-title', instruments: '#instruments-title', 'add-bank': 'sphere-ramp-bank-account-form', 'add-wallet': 'sphere-ramp-wallet-form' }[stage]) {
    this.stage = stage;
    this.focusAfter = focus;
    this.submitError = undefined;
  }

  /** D13: the profile this currency needs, when the customer is not approved for it (BRL needs `kyc_profile_b`). */
  private get unverifiedProfile(): { status: string | undefined } | undefined {
    const customer = this.ctx.state.customer;
    if (!customer || isApprovedFor(customer, this.fiat)) return undefined;
    return { status: profileFor(customer, this.fiat)?.status };
  }

  private continueToInstruments(e: Event) {
    e.preventDefault();
    if (this.unverifiedProfile) return;
    this.normalizeAmountField();
    if (!this.form.validate()) return;
    clearTimeout(this.estimateTimer);
    this.estimateKey = '';
    this.voidEstimate();
    // What was estimated is what the person chose: removing a wallet later must not switch the network.
    this.network = this.chosenNetwork;
    const banksLoaded = !!this.ctx.state.bankAccounts;
    // With nothing saved, the focused "add" sub-step is the only useful next screen.
    if (banksLoaded && this.bankChoices.length === 0) this.go('add-bank');
    else if (banksLoaded && this.walletChoices.length === 0) this.go('add-wallet');
    else this.go('instruments');
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.sending) return;
    const m = this.ctx.messages.money;
    this.submitError = undefined;
    const bank = this.bankAccount;
    const wallet = this.wallet;
    const rail = this.chosenRail;
    this.choiceError = !bank ? m.chooseBankAccount : !wallet ? m.chooseWallet : !rail ? m.noCurrencyOnNetwork : undefined;
    const amount = this.typedAmount;
    if (!amount) return this.go('amount');
    if (this.choiceError || !bank || !wallet || !rail) return;
    const customerId = this.ctx.state.customer!.id;
    const fiat = { currency: bank.currency, network: rail };
    const crypto = { currency: this.coin, network: wallet.network };
    const onRamp = this.direction === 'on-ramp';
    const presets = this.ctx.state.presets;
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
        this.created = true;
        clearDraft(customerId);
        rememberTerms(transfer.id, { source: { amount, ...body.source }, destination: { ...body.destination } });
        this.ctx.emit('ramp-transfer-created', { transferId: transfer.id, type: transfer.type, status: transfer.status, amount, externalId: transfer.externalId ?? null });
        this.ctx.set({ transfer });
      }
    } catch (err) {
      this.submitError = errorMessage(this.ctx, err, m.instrumentsError);
      if (err instanceof RampError) this.ctx.emit('ramp-error', { ...err.detail, message: errorMessage(this.ctx, err, '') });
    } finally {
      this.sending = false;
    }
  }

  private async removeInstrument(kind: 'bank' | 'wallet', id: string) {
    const m = this.ctx.messages.money;
    this.removing = id;
    this.removeError = undefined;
    try {
      await this.ctx.client.request(`/api/v2/${kind === 'bank' ? 'bank-account' : 'wallet'}/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (kind === 'bank') this.ctx.set({ bankAccounts: (this.ctx.state.bankAccounts ?? []).filter((a) => a.id !== id) });
      else this.ctx.set({ wallets: (this.ctx.state.wallets ?? []).filter((w) => w.id !== id) });
      if (this.bankAccountId === id) this.bankAccountId = undefined;
      if (this.walletId === id) this.walletId = undefined;
      this.ctx.announce(kind === 'bank' ? m.bankAccountRemoved : m.walletRemoved);
      this.focusAfter = kind === 'bank' ? '#add-bank' : '#add-wallet';
    } catch (err) {
      this.removeError = errorMessage(this.ctx, err, m.removeFailed);
      this.focusAfter = `[data-remove-error]`;
    } finally {
      this.confirmRemove = undefined;
      this.removing = undefined;
    }
  }

  protected override render() {
    const m = this.ctx.messages.money;
    const body = this.instruments.render({
      pending: () => html`<p role="status"><span class="spinner" aria-hidden="true"></span> ${m.loadingInstruments}</p>`,
      error: (err) => errorNotice(this.ctx, err, m.instrumentsError, () => void this.instruments.run()),
      complete: () => this.renderStage(),
    });
    return html`<h2>${m.rampTitle}</h2>
      ${this.stage === 'amount' ? this.renderAmount() : body}
      ${this.stage === 'amount'
        ? html`<p><button type="button" class="link" @click=${() => this.ctx.set({ moneyView: 'history' })}>${m.history}</button></p>`
        : nothing}`;
  }

  private renderStage() {
    if (this.stage === 'add-bank') return this.renderAddBank();
    if (this.stage === 'add-wallet') return this.renderAddWallet();
    if (this.stage === 'instruments') return this.renderInstruments();
    return nothing;
  }

  private renderAmount() {
    const m = this.ctx.messages.money;
    const onRamp = this.direction === 'on-ramp';
    const { source, destination } = this.sides();
    const fiatSelect = (id: string) => html`<select id=${id} data-pointer="/fiat" aria-label=${onRamp ? m.payCurrency : m.receiveCurrency}
        @change=${(e: Event) => { this.fiat = (e.target as HTMLSelectElement).value as Fiat; this.bankAccountId = undefined; this.rail = undefined; }}>
        ${this.fiats.map((c) => html`<option value=${c} title=${m.currencies[c] ?? c} ?selected=${c === this.fiat}>${c.toUpperCase()}</option>`)}
      </select>`;
    const coinSelect = (id: string) => html`<select id=${id} data-pointer="/crypto" aria-label=${onRamp ? m.receiveCurrency : m.payCurrency}
        @change=${(e: Event) => { this.coin = (e.target as HTMLSelectElement).value; this.walletId = undefined; }}>
        ${this.coins.map((c) => html`<option value=${c} ?selected=${c === this.coin}>${c.toUpperCase()}</option>`)}
      </select>`;
    const networks = this.networks;
    const example = !this.typedAmount;
    const unverified = this.unverifiedProfile;
    return html`<form class="stack" novalidate @submit=${this.continueToInstruments} aria-labelledby="amount-title">
      <h3 id="amount-title" class="visually-hidden">${m.amountStepTitle}</h3>
      ${this.renderDirection()}
      ${this.renderTerms()}
      <div class="pair">
        <div @focusout=${() => this.normalizeAmountField()} class="amount-field">
          ${this.form.field('/amount', m.youSend, { inputmode: 'decimal', hint: m.amountHint, autocomplete: 'off', placeholder: amountInput(EXAMPLE_AMOUNT, this.ctx.locale) })}
        </div>
        <div class="field" part="field">
          <label for="source-currency">${m.currency}</label>
          ${onRamp ? fiatSelect('source-currency') : coinSelect('source-currency')}
        </div>
      </div>
      <div class="pair">
        <div class="field" part="field">
          <label for="destination-currency">${m.youReceiveCurrency}</label>
          ${onRamp ? coinSelect('destination-currency') : fiatSelect('destination-currency')}
        </div>
        <div class="field" part="field">
          <label for="network">${m.network}</label>
          <select id="network" data-pointer="/cryptoNetwork" @change=${(e: Event) => { this.network = (e.target as HTMLSelectElement).value; this.walletId = undefined; }}>
            ${networks.map((n) => html`<option value=${n} ?selected=${n === this.chosenNetwork}>${networkName(m, n)}</option>`)}
          </select>
          ${this.fiat === 'brl' ? html`<p class="hint">${m.brlBlockedWallet}</p>` : nothing}
        </div>
      </div>
      <section class="estimate" aria-labelledby="estimate-title" aria-busy=${this.estimating ? 'true' : 'false'} part="estimate">
        <h3 id="estimate-title">${example ? m.estimateExample(formatAmount(EXAMPLE_AMOUNT, source.currency, this.ctx.locale)) : m.estimateTitle}</h3>
        ${this.estimateError
          ? html`<p class="notice danger" role="alert" data-estimate-error>${this.estimateError}</p>`
          : this.estimate && this.estimate.source.currency === source.currency && this.estimate.destination.currency === destination.currency
            ? html`<sphere-ramp-quote-card .figures=${this.estimate}></sphere-ramp-quote-card>`
            : html`<p class="hint"><span class="spinner" aria-hidden="true"></span> ${m.estimating}</p>`}
        <p class="hint">${this.ctx.state.presets.quotes ? m.estimateHint : m.floatingNotice}</p>
      </section>
      ${this.submitError ? html`<p class="notice danger" role="alert">${this.submitError}</p>` : nothing}
      ${unverified ? html`<p class="notice warning" role="status" data-profile-needed>${m.profileNeeded(this.fiat, unverified.status)}</p>` : nothing}
      <div class="actions"><button type="submit" part="submit" ?disabled=${!!unverified}>${m.continue}</button></div>
    </form>`;
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

  private renderSummary() {
    const m = this.ctx.messages.money;
    const { source, destination } = this.sides();
    const amount = this.typedAmount ?? '';
    return html`<div class="notice" part="amount-summary">
      <p><strong>${m.youSend}</strong> ${formatAmount(amount, source.currency, this.ctx.locale)} → ${destination.currency.toUpperCase()}
        · ${networkName(m, this.chosenNetwork)}</p>
      <button type="button" class="link" id="change-amount" @click=${() => this.go('amount')}>${m.changeAmount}</button>
    </div>`;
  }

  private renderInstruments() {
    const m = this.ctx.messages.money;
    if (!this.ctx.state.bankAccounts || !this.ctx.state.wallets) return nothing;
    const onRamp = this.direction === 'on-ramp';
    const sides = onRamp ? [this.renderBankAccounts(), this.renderWallets()] : [this.renderWallets(), this.renderBankAccounts()];
    const offRampReference = !this.ctx.state.presets.quotes && !onRamp && hasReference(this.chosenRail);
    return html`<form class="stack" novalidate @submit=${this.submit} aria-labelledby="instruments-title">
      <h3 id="instruments-title">${m.instrumentsTitle}</h3>
      ${this.renderSummary()}
      ${sides}
      ${offRampReference ? this.renderReference() : nothing}
      ${this.ctx.state.presets.quotes ? nothing : html`<p class="hint">${m.floatingNotice}</p>`}
      ${this.removeError ? html`<p class="notice danger" role="alert" tabindex="-1" data-remove-error>${this.removeError}</p>` : nothing}
      ${this.choiceError ? html`<p class="notice danger" role="alert">${this.choiceError}</p>` : nothing}
      ${this.submitError ? html`<p class="notice danger" role="alert">${this.submitError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.go('amount')}>${this.ctx.messages.common.back}</button>
        <button type="submit" part="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>
          ${this.sending ? (this.ctx.state.presets.quotes ? m.gettingQuote : m.creatingTransfer) : this.ctx.state.presets.quotes ? m.getQuote : m.createTransfer}
        </button>
      </div>
    </form>`;
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

  /** One saved instrument: a radio to pick it and a Remove that asks first. */
  private instrumentRow(kind: 'bank' | 'wallet', id: string, label: string, checked: boolean, pick: () => void) {
    const m = this.ctx.messages.money;
    const c = this.ctx.messages.common;
    const confirming = this.confirmRemove === id;
    return html`<div class="instrument" data-instrument=${id}>
      <label class="choice"><input type="radio" name=${kind} value=${id} .checked=${checked}
        @change=${() => { pick(); this.choiceError = undefined; }} /><span class="wrap">${label}</span></label>
      ${confirming
        ? html`<div class="confirm-remove" role="group" aria-label=${m.removeConfirm(label)}>
            <span>${m.removeConfirm(label)}</span>
            <button type="button" class="secondary" id=${`keep-${id}`} @click=${() => { this.confirmRemove = undefined; this.focusAfter = `#remove-${id}`; }}>${c.cancel}</button>
            <button type="button" ?disabled=${this.removing === id} aria-busy=${this.removing === id ? 'true' : 'false'}
              @click=${() => void this.removeInstrument(kind, id)}>${m.remove}</button>
          </div>`
        : html`<button type="button" class="link" id=${`remove-${id}`} aria-label=${m.removeLabel(label)}
            @click=${() => { this.confirmRemove = id; this.focusAfter = `#keep-${id}`; }}>${m.remove}</button>`}
    </div>`;
  }

  private renderBankAccounts() {
    const m = this.ctx.messages.money;
    const list = this.bankChoices;
    const chosen = this.bankAccount;
    const rails = this.rails;
    return html`<fieldset class="choices" data-instruments="bank">
      <legend>${this.direction === 'on-ramp' ? m.payFromAccount : m.receiveToAccount}</legend>
      ${list.length === 0 ? html`<p class="muted">${m.noBankAccountFor(this.fiat.toUpperCase())}</p>` : nothing}
      ${list.map((a) => this.instrumentRow('bank', a.id, bankAccountLabel(m, a), chosen?.id === a.id, () => (this.bankAccountId = a.id)))}
      <p><button type="button" class="secondary" id="add-bank" @click=${() => this.go('add-bank')}>${m.addBankAccount}</button></p>
    </fieldset>
    ${rails.length > 1 && chosen
      ? html`<div class="field" part="field"><label for="rail">${m.rail}</label>
          <select id="rail" data-pointer="/rail" @change=${(e: Event) => (this.rail = (e.target as HTMLSelectElement).value)}>
            ${rails.map((r) => html`<option value=${r} ?selected=${r === this.chosenRail}>${networkName(m, r)}</option>`)}
          </select></div>`
      : nothing}`;
  }

  private renderWallets() {
    const m = this.ctx.messages.money;
    const list = this.walletChoices;
    const chosen = this.wallet;
    return html`<fieldset class="choices" data-instruments="wallet">
      <legend>${this.direction === 'on-ramp' ? m.receiveToWallet : m.payFromWallet}</legend>
      ${list.length === 0 ? html`<p class="muted">${m.noWalletOn(networkName(m, this.chosenNetwork))}</p>` : nothing}
      ${list.map((w) => this.instrumentRow('wallet', w.id, walletLabel(m, w), chosen?.id === w.id, () => (this.walletId = w.id)))}
      <p><button type="button" class="secondary" id="add-wallet" @click=${() => this.go('add-wallet')}>${m.addWallet}</button></p>
    </fieldset>`;
  }

  /** After adding one instrument, the other is added next if there is none; else the choices show. */
  private added(kind: 'bank' | 'wallet', id: string) {
    if (kind === 'bank') {
      this.bankAccountId = id;
      const account = this.ctx.state.bankAccounts?.find((a) => a.id === id);
      if (account) this.fiat = account.currency as FiatCurrency;
    } else {
      this.walletId = id;
      const wallet = this.ctx.state.wallets?.find((w) => w.id === id);
      if (wallet) {
        this.network = wallet.network;
        if (!NETWORK_CURRENCIES[wallet.network as Network]?.includes(this.coin as never)) this.coin = NETWORK_CURRENCIES[wallet.network as Network]?.[0] ?? this.coin;
      }
    }
    this.choiceError = undefined;
    if (kind === 'bank' && this.walletChoices.length === 0) this.go('add-wallet');
    else this.go('instruments', '[part="submit"]');
  }

  private renderAddBank() {
    return html`<sphere-ramp-bank-account-form .currency=${this.fiat}
      @instrument-added=${(e: CustomEvent<{ id: string }>) => this.added('bank', e.detail.id)}
      @cancel=${() => this.go(this.bankChoices.length ? 'instruments' : 'amount')}></sphere-ramp-bank-account-form>`;
  }

  private renderAddWallet() {
    return html`<sphere-ramp-wallet-form .exclude=${this.fiat === 'brl' ? WALLET_NETWORKS.filter((n) => !isBrlNetwork(n)) : []} .network=${this.chosenNetwork}
      @instrument-added=${(e: CustomEvent<{ id: string }>) => this.added('wallet', e.detail.id)}
      @cancel=${() => this.go(this.bankChoices.length ? 'instruments' : 'amount')}></sphere-ramp-wallet-form>`;
  }
}

/** Focuses `target`, or for a sub-form element its heading, so a keyboard user lands where the new content starts. */
async function focusInside(target: HTMLElement & { updateComplete?: Promise<unknown> }) {
  await target.updateComplete;
  const heading = target.shadowRoot?.querySelector<HTMLElement>('h3') ?? (target.tagName === 'H3' ? target : undefined);
  if (heading) heading.tabIndex = -1;
  (heading ?? target).focus();
}
