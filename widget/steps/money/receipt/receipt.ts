/**
 * A transfer's receipt, the same after creation, in every later state and
 * from history: amounts sent and received, fees, rate, where the money comes
 * from and goes to (masked), created and updated times, the statuses seen
 * with their times, the transfer id (copyable) and, once SpherePay gives
 * one, the transaction hash.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { BankAccount } from '../../../../contract/spherepay/bank-account.ts';
import { Wallet } from '../../../../contract/spherepay/wallet.ts';
import type { Transfer } from '../../../../contract/spherepay/transfer.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { feeLines } from '../quote-card/quote-card.ts';
import { bankAccountLabel, networkName, shortAddress, walletLabel } from '../labels.ts';
import { moneyStyles } from '../money.styles.ts';
import { statusHistory, termsFor } from './terms.ts';
import { formatAmount, formatDateTime, formatNumber } from '../../../i18n/format.ts';

type Endpoint = Transfer['source'];

export class Receipt extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @property({ attribute: false }) transfer?: Transfer;

  /** The two instruments, from the lists already loaded or fetched by id. */
  private instruments = new Task(this, {
    task: async ([source, destination], { signal }) => Promise.all([this.describe(source, signal), this.describe(destination, signal)]),
    args: () => [this.transfer?.source, this.transfer?.destination] as const,
  });

  private async describe(endpoint: Endpoint | undefined, signal: AbortSignal): Promise<string | undefined> {
    if (!endpoint?.id) return undefined;
    const id = endpoint.id;
    const m = this.ctx.messages.money;
    try {
      if (endpoint.type === 'wallet') {
        const known = this.ctx.state.wallets?.find((w) => w.id === endpoint.id);
        return walletLabel(m, known ?? (await this.ctx.client.request(`/api/v2/wallet/${encodeURIComponent(id)}`, { schema: Wallet, signal })));
      }
      if (endpoint.type === 'bank_account') {
        const known = this.ctx.state.bankAccounts?.find((a) => a.id === endpoint.id);
        return bankAccountLabel(m, known ?? (await this.ctx.client.request(`/api/v2/bank-account/${encodeURIComponent(id)}`, { schema: BankAccount, signal })));
      }
    } catch {
      // A removed instrument still has a receipt: show its kind and network.
    }
    return typeof endpoint.network === 'string' ? networkName(m, endpoint.network) : undefined;
  }

  private time(iso: string) {
    return formatDateTime(iso, this.ctx.locale);
  }

  protected override render() {
    const t = this.transfer;
    if (!t) return nothing;
    const m = this.ctx.messages.money;
    const terms = termsFor(t.id);
    // D12: what was sent comes from the request or quote terms; the transfer's source is {id, type} only.
    const sent = { amount: terms?.source.amount, currency: terms?.source.currency };
    const received = { amount: t.destination.amount ?? terms?.destination.amount, currency: t.destination.currency ?? terms?.destination.currency };
    const rate = t.destination.exchangeRate ?? terms?.destination.exchangeRate;
    const { platform, integrator, total } = feeLines(t.fees ?? terms?.fees);
    const tracking = (t.tracking ?? {}) as { source?: { transactionId?: string }; destination?: { transactionId?: string } };
    const hash = t.type === 'off_ramp' ? tracking.source?.transactionId : tracking.destination?.transactionId;
    const [from, to] = this.instruments.value ?? [];
    const row = (label: string, value: unknown, key: string) => html`<div class="detail"><dt>${label}</dt><dd><span class="wrap" data-value=${key}>${value}</span></dd></div>`;
    const copyRow = (label: string, value: string, key: string, shown = value) => html`<div class="detail"><dt>${label}</dt><dd>
      <span class="value" data-value=${key} title=${value}>${shown}</span>
      <sphere-ramp-copy .value=${value} text=${this.ctx.messages.common.copy} copied-text=${this.ctx.messages.common.copied} label=${m.copyLabel(label)}
        copied-announcement=${m.copiedAnnounce(label)} failed-text=${m.copyFailed}></sphere-ramp-copy></dd></div>`;
    const history = statusHistory(t as Parameters<typeof statusHistory>[0]);
    return html`<section class="receipt" aria-labelledby="receipt-title" part="receipt">
      <h3 id="receipt-title">${m.receiptTitle}</h3>
      <dl class="details">
        ${sent.amount && sent.currency ? row(m.youSent, formatAmount(sent.amount, sent.currency, this.ctx.locale), 'sent') : nothing}
        ${platform ? row(m.platformFee, formatAmount(platform.amount, platform.currency, this.ctx.locale), 'platform-fee') : nothing}
        ${integrator ? row(m.integratorFee, formatAmount(integrator.amount, integrator.currency, this.ctx.locale), 'integrator-fee') : nothing}
        ${total && platform && integrator ? row(m.totalFees, formatAmount(total, platform.currency, this.ctx.locale), 'total-fees') : nothing}
        ${rate && sent.currency && received.currency ? row(m.rate, m.rateValue(sent.currency, formatNumber(rate, this.ctx.locale), received.currency), 'rate') : nothing}
        ${received.amount && received.currency ? row(t.status === 'succeeded' ? m.youReceived : m.youReceive, formatAmount(received.amount, received.currency, this.ctx.locale), 'received') : nothing}
        ${from ? row(m.from, from, 'from') : nothing}
        ${to ? row(m.to, to, 'to') : nothing}
        ${t.created ? row(m.created, this.time(t.created), 'created') : nothing}
        ${t.updated ? row(m.updated, this.time(t.updated), 'updated') : nothing}
        ${copyRow(m.transferId, t.id, 'transfer-id')}
        ${hash ? copyRow(m.transactionHash, hash, 'tx-hash', shortAddress(hash)) : nothing}
      </dl>
      <h4 id="history-title">${m.statusHistory}</h4>
      <ol class="status-history" aria-labelledby="history-title" part="status-history">
        ${history.map((s) => html`<li data-status=${s.status}><span>${m.statusShort[s.status]}</span> <time datetime=${s.at}>${this.time(s.at)}</time></li>`)}
      </ol>
    </section>`;
  }
}
