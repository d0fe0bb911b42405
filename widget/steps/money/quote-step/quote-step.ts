/**
 * A locked quote: rate, fees, what the person receives, and a countdown to
 * `expiresAt`. Confirm redeems it into a transfer with the intent's
 * Idempotency-Key (so double clicks and retries make one transfer). When it
 * expires (here, or on the server first) it says so, fires
 * `ramp-quote-expired`, and offers a new quote; a moved rate must be accepted.
 * A quote left behind (Back, or the widget removed) is voided.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import * as z from 'zod/mini';
import { compare } from '../../../../contract/money.ts';
import { Quote } from '../../../../contract/spherepay/quote.ts';
import { Transfer, TransferEndpoint } from '../../../../contract/spherepay/transfer.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { RampError } from '../../../api/errors.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorMessage } from '../error-notice.ts';
import { REFERENCE_FIELD, clearDraft, forgetIntent, hasReference, intentFor, rememberIntent, type Intent } from '../intent.ts';
import { moneyStyles } from '../money.styles.ts';
import { formatCountdown, formatNumber } from '../../../i18n/format.ts';
import { rememberTerms } from '../receipt/terms.ts';

// The references' own schemas, in a strict object as z.pick would make (z.pick alone adds ~0.3 KB of zod to the bundle).
const { achReference, wireMessage, sepaReference } = TransferEndpoint.shape;
const ReferenceForm = z.object({ destination: z.optional(z.strictObject({ achReference, wireMessage, sepaReference })) });


export class QuoteStep extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @state() private remaining = 0;
  @state() private expired = false;
  @state() private sending = false;
  @state() private refreshing = false;
  @state() private error?: string;
  @state() private rateMoved?: { from: string; to: string };

  private form = new FormController(this, () => ReferenceForm);
  private quoteId?: string;
  /** Server clock minus ours, from the quote's `created`, so the countdown follows the server. */
  private skewMs = 0;
  private timer?: ReturnType<typeof setInterval>;
  /** Quotes this step must not void: redeemed, already expired, or voided. */
  private settled = new Set<string>();
  /** The body last sent per quote; a different body needs a different Idempotency-Key. */
  private sentBody = new Map<string, string>();

  private get quote() {
    return this.ctx.state.quote;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    const quote = this.quote;
    if (quote) this.void(quote.id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const quote = this.quote;
    if (quote && quote.id !== this.quoteId) {
      this.quoteId = quote.id;
      this.skewMs = quote.created ? Date.parse(quote.created) - Date.now() : 0;
      this.expired = quote.status === 'expired';
      this.error = undefined;
      this.tick();
    }
  }

  private tick() {
    const quote = this.quote;
    if (!quote) return;
    const left = Math.max(0, Math.ceil((Date.parse(quote.expiresAt) - (Date.now() + this.skewMs)) / 1000));
    this.remaining = left;
    if (left === 0) this.markExpired();
  }

  private markExpired() {
    const quote = this.quote;
    if (!quote || this.expired) return;
    this.expired = true;
    this.remaining = 0;
    this.settled.add(quote.id);
    this.ctx.emit('ramp-quote-expired', { quoteId: quote.id });
    this.ctx.announce(this.ctx.messages.money.quoteExpired);
  }

  /** Voids an abandoned quote; best effort, since leaving must not wait on the network. */
  private void(quoteId: string) {
    if (this.settled.has(quoteId)) return;
    this.settled.add(quoteId);
    forgetIntent(quoteId);
    this.ctx.client.request(`/api/v2/quote/${encodeURIComponent(quoteId)}`, { method: 'PUT', body: { status: 'expired' } }).catch(() => undefined);
  }

  private back() {
    const quote = this.quote;
    if (quote) this.void(quote.id);
    this.ctx.set({ quote: undefined });
  }

  private transferBody(quoteId: string, intent: Intent) {
    const customer = this.ctx.state.customer!.id;
    const bank = { type: 'bank_account' as const, id: intent.bankAccountId };
    const wallet = { type: 'wallet' as const, id: intent.walletId };
    const reference = intent.direction === 'off-ramp' ? (this.form.body<{ destination?: Record<string, string> }>().destination ?? {}) : {};
    const externalId = this.ctx.state.presets.externalId;
    return {
      customer,
      quoteId,
      source: intent.direction === 'on-ramp' ? bank : wallet,
      destination: intent.direction === 'on-ramp' ? wallet : { ...bank, ...reference },
      ...(externalId ? { externalId } : {}),
    };
  }

  private async confirm() {
    const quote = this.quote;
    const intent = quote && intentFor(quote.id);
    if (!quote || !intent || this.sending || this.expired || this.rateMoved) return;
    if (!this.form.validate()) return;
    this.sending = true;
    this.error = undefined;
    const body = this.transferBody(quote.id, intent);
    const json = JSON.stringify(body);
    const previous = this.sentBody.get(quote.id);
    if (previous !== undefined && previous !== json) intent.idempotencyKey = newIdempotencyKey();
    this.sentBody.set(quote.id, json);
    try {
      const transfer = await this.ctx.client.request('/api/v2/transfer', { method: 'POST', body, schema: Transfer, idempotencyKey: intent.idempotencyKey });
      this.settled.add(quote.id);
      forgetIntent(quote.id);
      clearDraft(this.ctx.state.customer?.id);
      rememberTerms(transfer.id, { source: quote.source, destination: quote.destination, fees: quote.fees });
      this.ctx.emit('ramp-transfer-created', {
        transferId: transfer.id, type: transfer.type, status: transfer.status, amount: quote.source.amount, externalId: transfer.externalId ?? null,
      });
      this.ctx.set({ transfer, quote: undefined });
    } catch (err) {
      this.sending = false;
      if (err instanceof RampError && err.retryable) {
        this.error = errorMessage(this.ctx, err, this.ctx.messages.common.unexpectedError);
        return;
      }
      // The server may know the quote is gone before our countdown does (clock skew).
      if (await this.serverSaysExpired(quote.id)) return this.markExpired();
      this.form.applyServerError(err, []);
      this.error = errorMessage(this.ctx, err, this.ctx.messages.common.sessionError);
      if (err instanceof RampError) this.ctx.emit('ramp-error', { ...err.detail, message: errorMessage(this.ctx, err, '') });
    }
  }

  private async serverSaysExpired(quoteId: string): Promise<boolean> {
    try {
      const current = await this.ctx.client.request(`/api/v2/quote/${encodeURIComponent(quoteId)}`, { schema: Quote });
      return current.status === 'expired';
    } catch {
      return false;
    }
  }

  private async refresh() {
    const quote = this.quote;
    const intent = quote && intentFor(quote.id);
    if (!quote || !intent || this.refreshing) return;
    this.refreshing = true;
    this.error = undefined;
    try {
      const fresh = await this.ctx.client.request('/api/v2/quote', {
        method: 'POST',
        schema: Quote,
        body: {
          amount: quote.source.amount,
          customerId: quote.customerId,
          source: { currency: quote.source.currency, network: quote.source.network },
          destination: { currency: quote.destination.currency, network: quote.destination.network },
        },
      });
      const { idempotencyKey: _old, ...rest } = intent;
      rememberIntent(fresh.id, rest);
      forgetIntent(quote.id);
      const from = quote.destination.exchangeRate;
      const to = fresh.destination.exchangeRate;
      this.rateMoved = compare(from, to) === 0 ? undefined : { from, to };
      this.ctx.emit('ramp-quote', { quoteId: fresh.id, type: fresh.type, source: fresh.source, destination: fresh.destination, expiresAt: fresh.expiresAt });
      this.ctx.set({ quote: fresh });
      this.ctx.announce(this.rateMoved ? this.ctx.messages.money.rateMoved(formatNumber(from, this.ctx.locale), formatNumber(to, this.ctx.locale)) : this.ctx.messages.money.quoteTitle);
    } catch (err) {
      this.error = errorMessage(this.ctx, err, this.ctx.messages.common.sessionError);
    } finally {
      this.refreshing = false;
    }
    // The "Get a new quote" button is gone: focus what to do next (accept a moved rate, or confirm).
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.rateMoved ? '[data-action="accept-rate"]' : '[part="submit"]')?.focus();
  }

  protected override render() {
    const m = this.ctx.messages.money;
    const c = this.ctx.messages.common;
    const quote = this.quote;
    if (!quote) return html`<h2>${m.quoteTitle}</h2>`;
    const intent = intentFor(quote.id);
    const rail = quote.destination.network;
    const busy = this.sending || this.refreshing;
    return html`<h2>${m.quoteTitle}</h2>
      <div class="stack">
        <sphere-ramp-quote-card .figures=${quote} countdown=${this.expired ? nothing : formatCountdown(this.remaining, this.ctx.locale)}></sphere-ramp-quote-card>
        ${this.expired
          ? html`<div class="notice warning" part="quote-expired"><p>${m.quoteExpired}</p>
              <button type="button" ?disabled=${this.refreshing} aria-busy=${this.refreshing ? 'true' : 'false'} @click=${this.refresh}>
                ${this.refreshing ? m.refreshingQuote : m.refreshQuote}</button></div>`
          : nothing}
        ${this.rateMoved && !this.expired
          ? html`<div class="notice warning" role="alert"><p>${m.rateMoved(formatNumber(this.rateMoved.from, this.ctx.locale), formatNumber(this.rateMoved.to, this.ctx.locale))}</p>
              <button type="button" class="secondary" data-action="accept-rate"
                @click=${async () => { this.rateMoved = undefined; await this.updateComplete; this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus(); }}>${m.acceptNewRate}</button></div>`
          : nothing}
        ${intent?.direction === 'off-ramp' && hasReference(rail)
          ? this.form.field(`/destination/${REFERENCE_FIELD[rail]}`, m.reference[rail]!, { optional: true, hint: m.referenceHint })
          : nothing}
        ${!intent ? html`<p class="notice danger" role="alert">${c.sessionError}</p>` : nothing}
        ${this.error ? html`<p class="notice danger" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" class="secondary" @click=${this.back} ?disabled=${this.sending}>${c.back}</button>
          <button type="button" part="submit" @click=${this.confirm} ?disabled=${busy || this.expired || !!this.rateMoved || !intent}
            aria-busy=${this.sending ? 'true' : 'false'}>${this.sending ? m.sending : m.confirm}</button>
        </div>
      </div>`;
  }
}
