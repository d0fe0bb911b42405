/** The customer's transfers, newest first, a page at a time; open one to follow it. */
import { LitElement, html } from 'lit';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { TransferList, type Transfer } from '../../../../contract/spherepay/transfer.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorNotice } from '../error-notice.ts';
import { moneyStyles } from '../money.styles.ts';
import { formatAmount, formatDate } from '../../../i18n/format.ts';
import { statusShort } from '../labels.ts';

export const HISTORY_PAGE_SIZE = 5;

export class HistoryStep extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @state() private page = 1;
  /** Set when the person turned the page, so the new page is announced once it has loaded. */
  private turned = false;

  private list = new Task(this, {
    task: async ([customer, page], { signal }) => {
      const result = await this.ctx.client.request('/api/v2/transfer', {
        query: { customer, page: String(page), limit: String(HISTORY_PAGE_SIZE), sort: '-created' },
        schema: TransferList,
        signal,
      });
      const pagination = result.pagination ?? { page, totalPages: 1, hasNext: false, hasPrevious: page > 1 };
      if (this.turned) this.ctx.announce(this.ctx.messages.money.pageOf(pagination.page, Math.max(1, pagination.totalPages)));
      this.turned = false;
      return { data: result.data, pagination };
    },
    args: () => [this.ctx.state.customer?.id, this.page] as const,
  });

  private go(page: number) {
    this.turned = true;
    this.page = page;
  }

  protected override render() {
    const m = this.ctx.messages.money;
    return html`<h2>${m.historyTitle}</h2>
      <div class="stack">
        ${this.list.render({
          pending: () => html`<p role="status"><span class="spinner" aria-hidden="true"></span> ${m.loadingHistory}</p>`,
          error: (err) => errorNotice(this.ctx, err, m.historyError, () => void this.list.run()),
          complete: (result) => {
            const { data, pagination } = result;
            if (!data.length) return html`<p>${m.noTransfers}</p>`;
            const total = Math.max(1, pagination.totalPages);
            return html`<ul class="transfers" part="transfers">${data.map((t) => this.row(t))}</ul>
              <nav class="pager" aria-label=${m.pageOf(pagination.page, total)}>
                <button type="button" class="secondary" ?disabled=${!pagination.hasPrevious} @click=${() => this.go(this.page - 1)}>${m.previous}</button>
                <span>${m.pageOf(pagination.page, total)}</span>
                <button type="button" class="secondary" ?disabled=${!pagination.hasNext} @click=${() => this.go(this.page + 1)}>${m.next}</button>
              </nav>`;
          },
        })}
        <div class="actions"><button type="button" @click=${() => this.ctx.set({ moneyView: 'ramp' })}>${m.newTransfer}</button></div>
      </div>`;
  }

  private row(t: Transfer) {
    const m = this.ctx.messages.money;
    // D12: the destination amount when SpherePay gives it; never a source amount it does not promise.
    const to = t.destination.currency ?? '';
    const what = t.destination.amount ? formatAmount(t.destination.amount, to, this.ctx.locale) : m.transferRowNoAmount(to);
    const date = t.created ? formatDate(t.created, this.ctx.locale) : '';
    return html`<li data-transfer=${t.id}>
      <span><strong>${t.type === 'off_ramp' ? m.offRampShort : m.onRampShort}</strong> ${what}<br />
        <span class="hint">${date} · ${statusShort(m, t.status)}</span></span>
      <button type="button" class="secondary" aria-label=${m.openTransfer(`${what}, ${statusShort(m, t.status)}`)}
        @click=${() => this.ctx.set({ transfer: t, moneyView: 'ramp' })}>${m.open}</button>
    </li>`;
  }
}
