/**
 * The figures of a quote in the order money flows: what the person sends,
 * each fee by name and their total, the amount converted, the rate, what
 * they receive, and (for a locked quote) the countdown. Used for the live
 * estimate on the amount screen and for the locked quote.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Fees } from '../../../../contract/spherepay/quote.ts';
import { add, subtract } from '../../../../contract/money.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { networkName } from '../labels.ts';
import { moneyStyles } from '../money.styles.ts';

/** What the card needs of a quote (a quote, or a transfer's terms). */
export interface QuoteFigures {
  source: { amount: string; currency: string; network?: string };
  destination: { amount: string; currency: string; network?: string; exchangeRate?: string };
  fees?: Fees;
}

/** The fees the person pays, each named, with their total when they share a currency. */
export function feeLines(fees: Fees | undefined): { platform?: { amount: string; currency: string }; integrator?: { amount: string; currency: string }; total?: string } {
  if (!fees) return {};
  const platform = { amount: fees.platformFee.totalAmount, currency: fees.platformFee.currency };
  const showIntegrator = fees.integratorFee.totalAmount !== '0.00' && fees.integratorFee.totalAmount !== '0';
  const integrator = showIntegrator ? { amount: fees.integratorFee.totalAmount, currency: fees.integratorFee.currency } : undefined;
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
      <dt>${m.youSend}</dt><dd data-value="source">${m.money(q.source.amount, q.source.currency)}${via(q.source.network)}</dd>
      ${platform ? html`<dt class="fee">${m.platformFee}</dt><dd class="fee" data-value="platform-fee">− ${m.money(platform.amount, platform.currency)}</dd>` : nothing}
      ${integrator ? html`<dt class="fee">${m.integratorFee}</dt><dd class="fee" data-value="integrator-fee">− ${m.money(integrator.amount, integrator.currency)}</dd>` : nothing}
      ${total && platform ? html`<dt>${m.totalFees}</dt><dd data-value="total-fees">${m.money(total, platform.currency)}</dd>` : nothing}
      ${converted ? html`<dt>${m.amountConverted}</dt><dd data-value="converted">${m.money(converted, q.source.currency)}</dd>` : nothing}
      ${q.destination.exchangeRate
        ? html`<dt>${m.rate}</dt><dd data-value="rate">${m.rateValue(q.source.currency, q.destination.exchangeRate, q.destination.currency)}</dd>`
        : nothing}
      <dt class="total">${m.youReceive}</dt>
      <dd class="total" data-value="destination">${m.money(q.destination.amount, q.destination.currency)}${via(q.destination.network)}</dd>
      ${this.countdown ? html`<dt>${m.lockedFor}</dt><dd class="countdown" data-value="countdown"><span role="timer" part="countdown">${this.countdown}</span></dd>` : nothing}
    </dl>`;
  }
}
