/**
 * Where to send the money: for an on-ramp the bank details with the memo
 * marked required; for an off-ramp the deposit address, network and exact
 * amount with a QR code. Every value has a copy button. The details are read
 * from whichever documented shape carried them (D9); amounts come from the
 * request or the quote (D12).
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import { depositDetails, type Transfer } from '../../../../contract/spherepay/transfer.ts';
import { formatIban } from '../../../../contract/validators.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { termsFor } from '../receipt/terms.ts';
import { currencyCode, networkName } from '../labels.ts';
import { moneyStyles } from '../money.styles.ts';
import { formatAmount } from '../../../i18n/format.ts';

export class DepositInstructions extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @property({ attribute: false }) transfer!: Transfer;

  /** One labelled value with its copy button; `required` marks what must not be left out. */
  private row(key: string, label: string, value: string | number | undefined, options: { display?: string; required?: boolean } = {}) {
    if (value === undefined || value === '') return nothing;
    const m = this.ctx.messages;
    const text = String(value);
    return html`<div class="detail ${options.required ? 'required' : ''}" data-detail=${key}>
      <dt>${label}</dt>
      <dd><span class="value">${options.display ?? text}</span>
        <sphere-ramp-copy .value=${text} text=${m.common.copy} copied-text=${m.common.copied} label=${m.money.copyLabel(label)}
          copied-announcement=${m.money.copiedAnnounce(label)} failed-text=${m.money.copyFailed}></sphere-ramp-copy></dd>
    </div>`;
  }

  protected override render() {
    const m = this.ctx.messages.money;
    const deposit = depositDetails(this.transfer);
    // D12: amounts come from what the person asked for (request or quote), never from transfer fields the docs do not promise.
    // D12: what to send comes from the terms the transfer was created on, never from transfer fields.
    const sent = termsFor(this.transfer.id)?.source;
    if (!deposit) return html`<p>${m.noInstructions}</p>`;
    if (deposit.kind === 'wallet') {
      const w = deposit.details;
      // D9: a missing address is "not available yet" with a refresh, never an error screen.
      if (!w.address) {
        return html`<div class="notice" part="deposit-pending"><p>${m.depositNotReady}</p>
          <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('deposit-refresh', { bubbles: true, composed: true }))}>${m.refreshDeposit}</button></div>`;
      }
      const network = networkName(m, w.network ?? sent?.network);
      const amountValue = w.amount ?? sent?.amount;
      const currency = w.currency ?? sent?.currency ?? '';
      const amount = amountValue ? formatAmount(amountValue, currency, this.ctx.locale) : '';
      return html`<section aria-labelledby="deposit-title" class="stack">
        <h3 id="deposit-title">${m.depositTitle}</h3>
        ${amount ? html`<p class="notice warning" part="deposit-warning"><strong>${m.sendExactly(amount, network)}</strong> ${m.wrongNetworkWarning(network)}</p>` : nothing}
        <div class="qr"><sphere-ramp-qr .value=${w.address} label=${m.qrAlt(m.depositAddress)}></sphere-ramp-qr></div>
        <dl class="details">
          ${this.row('address', m.depositAddress, w.address)}
          ${this.row('network', m.depositNetwork, network)}
          ${amountValue ? this.row('amount', m.depositAmount, amountValue, { display: amount }) : nothing}
          ${this.row('memo', m.memoRequired, w.memo, { required: true })}
        </dl>
      </section>`;
    }
    const b = deposit.details;
    const amountValue = sent?.amount;
    const amount = amountValue && sent?.currency ? formatAmount(amountValue, sent.currency, this.ctx.locale) : '';
    const rail = networkName(m, sent?.network);
    return html`<section aria-labelledby="deposit-title" class="stack">
      <h3 id="deposit-title">${m.depositTitle}</h3>
      ${amount ? html`<p class="notice warning" part="deposit-warning"><strong>${m.payFromBank(amount.trim(), rail || currencyCode(sent?.currency))}</strong></p>` : nothing}
      ${b.memo ? html`<p class="notice danger" part="memo-warning">${m.memoWarning}</p>` : nothing}
      <dl class="details">
        ${this.row('memo', m.memoRequired, b.memo, { required: true })}
        ${amountValue ? this.row('amount', m.depositAmount, amountValue, { display: amount }) : nothing}
        ${this.row('bankName', m.bankName2, b.bankName)}
        ${this.row('accountHolderName', m.holder, b.accountHolderName)}
        ${this.row('accountNumber', m.depositAccountNumber, b.accountNumber)}
        ${this.row('routingNumber', m.depositRoutingNumber, b.routingNumber)}
        ${this.row('iban', m.depositIban, b.iban, { display: b.iban ? formatIban(b.iban) : undefined })}
        ${this.row('bic', m.depositBic, b.bic)}
        ${this.row('pixKey', m.depositPixKey, b.pixKey)}
        ${this.row('brCode', m.depositBrCode, b.brCode)}
        ${this.row('bankAddress', m.bankAddress, b.bankAddress)}
        ${this.row('beneficiaryAddress', m.beneficiaryAddress, b.beneficiaryAddress)}
      </dl>
      ${b.brCode ? html`<div class="qr"><sphere-ramp-qr .value=${b.brCode} label=${m.qrAlt(m.depositBrCode)}></sphere-ramp-qr></div>` : nothing}
    </section>`;
  }
}
