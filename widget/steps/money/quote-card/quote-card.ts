/**
 * The figures of a quote in the order money flows: what the person sends,
 * each fee by name and their total, the amount converted, the rate, what
 * they receive, and (for a locked quote) the countdown. Used for the live
 * estimate on the amount screen and for the locked quote.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import type { Fees } from '../../../../contract/spherepay/quote.ts';
import { add, subtract } from '../../../../contract/money.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { networkName } from '../labels.ts';
import { moneyStyles } from '../money.styles.ts';
import { formatAmount, formatNumber } from '../../../i18n/format.ts';

/** What the card needs of a quote (a quote, or a transfer's terms). */
export interface QuoteFigures {
  source: { amount: string; currency: string; network?: string };
  destination: { amount: string; currency: string; network?: string; exchangeRate?: string };
  fees?: Fees;
}

/** The fees the person pays, each named, with their total when they share a currency. */
export function feeLines(fees: Fees | undefined): { platform?: { amount: string; currency: string }; integrator?: { amount: string; currency: string }; total?: string } {
  if (!fees?.platformFee) return {};
  // Fee parts SpherePay does not promise are read as optional (D11).
  const platform = { amount: fees.platformFee.totalAmount, currency: fees.platformFee.currency ?? '' };
  const fee = fees.integratorFee;
  const integrator = fee && fee.totalAmount !== '0.00' && fee.totalAmount !== '0' ? { amount: fee.totalAmount, currency: fee.currency ?? platform.currency } : undefined;
  const total = !integrator ? platform.amount : integrator.currency === platform.currency ? add(platform.amount, integrator.amount) : undefined;
  return { platform, integrator, total };
}

/**
 * The amount that is converted: what is sent less the fees, when the fees are
 * in the sent currency (SpherePay deducts them before converting).
 */
export function convertedAmount(figures: QuoteFigures): string | undefined {
  const { total, platform } = feeLines(figures.fees);
  if (!total || !platform || platform.currency !== figures.source.currency) return undefined;
  try {
    const left = subtract(figures.source.amount, total);
    return left.startsWith('-') ? undefined : left;
  } catch {
    return undefined;
  }
}

export class QuoteCard extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @property({ attribute: false }) figures?: QuoteFigures;
  /** Text of the countdown row (locked quotes only). */
  @property() countdown?: string;

  protected override render() {
    const m = this.ctx.messages.money;
    const q = this.figures;
    if (!q) return nothing;
    const { platform, integrator, total } = feeLines(q.fees);
    const converted = convertedAmount(q);
    const via = (network?: string) => (network ? html` <span class="via">· ${networkName(m, network)}</span>` : nothing);
    return html`<dl class="summary" part="quote-summary">
      <dt>${m.youSend}</dt><dd data-value="source">${formatAmount(q.source.amount, q.source.currency, this.ctx.locale)}${via(q.source.network)}</dd>
      ${platform ? html`<dt class="fee">${m.platformFee}</dt><dd class="fee" data-value="platform-fee">− ${formatAmount(platform.amount, platform.currency, this.ctx.locale)}</dd>` : nothing}
      ${integrator ? html`<dt class="fee">${m.integratorFee}</dt><dd class="fee" data-value="integrator-fee">− ${formatAmount(integrator.amount, integrator.currency, this.ctx.locale)}</dd>` : nothing}
      ${total && platform ? html`<dt>${m.totalFees}</dt><dd data-value="total-fees">${formatAmount(total, platform.currency, this.ctx.locale)}</dd>` : nothing}
      ${converted ? html`<dt>${m.amountConverted}</dt><dd data-value="converted">${formatAmount(converted, q.source.currency, this.ctx.locale)}</dd>` : nothing}
      ${q.destination.exchangeRate
        ? html`<dt>${m.rate}</dt><dd data-value="rate">${m.rateValue(q.source.currency, formatNumber(q.destination.exchangeRate, this.ctx.locale), q.destination.currency)}</dd>`
        : nothing}
      <dt class="total">${m.youReceive}</dt>
      <dd class="total" data-value="destination">${formatAmount(q.destination.amount, q.destination.currency, this.ctx.locale)}${via(q.destination.network)}</dd>
      ${this.countdown ? html`<dt>${m.lockedFor}</dt><dd class="countdown" data-value="countdown"><span role="timer" part="countdown">${this.countdown}</span></dd>` : nothing}
    </dl>`;
  }
}
