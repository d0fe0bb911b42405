/**
 * A transfer being followed: deposit instructions, the sandbox's "Simulate
 * deposit", the status timeline (live events, AND a poll that never stops
 * until the transfer ends: slow while events flow, fast while they are down,
 * so a lost or renamed event never freezes the screen, API.md §8.3), cancel while awaiting the deposit (after a confirmation), and
 * the way back to a new transfer.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { Transfer, isTerminalStatus } from '../../../../contract/spherepay/transfer.ts';
import { statusShort, statusWords } from '../labels.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorMessage } from '../error-notice.ts';
import { moneyStyles } from '../money.styles.ts';

/** How often to poll while live events are not flowing. */
export const POLL_MS = 3000;
/** How often to poll while live events flow: events are hints, the poll is the guarantee. */
export const SLOW_POLL_MS = 15000;

export class TransferStep extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @state() private busy?: 'fund' | 'cancel';
  @state() private error?: string;
  @query('dialog') private dialog?: HTMLDialogElement;

  private poller?: ReturnType<typeof setInterval>;
  private pollEvery?: number;
  private lastStatus?: string;

  private get transfer() {
    return this.ctx.state.transfer;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const transfer = this.transfer;
    if (!transfer) return;
    if (this.lastStatus && this.lastStatus !== transfer.status) this.ctx.announce(this.ctx.messages.money.statusUpdated(statusWords(this.ctx.messages.money, transfer.status)));
    this.lastStatus = transfer.status;
    if (isTerminalStatus(transfer.status)) return this.stopPolling();
    const every = this.ctx.state.live ? SLOW_POLL_MS : POLL_MS;
    if (this.poller && this.pollEvery === every) return;
    this.stopPolling();
    this.pollEvery = every;
    this.poller = setInterval(() => void this.poll(), every);
  }

  private stopPolling() {
    clearInterval(this.poller);
    this.poller = undefined;
    this.pollEvery = undefined;
  }

  private async poll() {
    const current = this.transfer;
    if (!current) return;
    try {
      const fresh = await this.ctx.client.request(`/api/v2/transfer/${encodeURIComponent(current.id)}`, { schema: Transfer });
      if (this.transfer?.id === fresh.id && (fresh.status !== this.transfer.status || fresh.updated !== this.transfer.updated)) this.ctx.set({ transfer: fresh });
    } catch {
      // A missed poll is retried on the next tick.
    }
  }

  /** Applies what an action returned, or re-reads the transfer when it returned something else. */
  private async adopt(result: unknown) {
    const parsed = Transfer.safeParse(result);
    if (parsed.success && parsed.data.id === this.transfer?.id) this.ctx.set({ transfer: parsed.data });
    else await this.poll();
  }

  private async simulateDeposit() {
    const transfer = this.transfer;
    if (!transfer || this.busy) return;
    this.busy = 'fund';
    this.error = undefined;
    try {
      await this.adopt(await this.ctx.client.request(`/api/sandbox/transfer/${encodeURIComponent(transfer.id)}/fund`, { method: 'POST' }));
    } catch (err) {
      this.error = errorMessage(this.ctx, err, this.ctx.messages.common.sessionError);
    } finally {
      this.busy = undefined;
    }
  }

  private async cancelTransfer() {
    const transfer = this.transfer;
    this.dialog?.close();
    if (!transfer || this.busy) return;
    this.busy = 'cancel';
    this.error = undefined;
    try {
      await this.adopt(await this.ctx.client.request(`/api/v2/transfer/${encodeURIComponent(transfer.id)}`, { method: 'DELETE' }));
    } catch (err) {
      this.error = errorMessage(this.ctx, err, this.ctx.messages.common.sessionError);
      await this.poll();
    } finally {
      this.busy = undefined;
    }
  }

  protected override render() {
    const m = this.ctx.messages.money;
    const transfer = this.transfer;
    if (!transfer) return html`<h2>${m.transferTitle}</h2>`;
    const status = transfer.status;
    const awaiting = status === 'pendingFunding';
    const terminal = isTerminalStatus(status);
    return html`<h2>${m.transferTitle}</h2>
      <div class="stack">
        <p class="notice ${terminal ? (status === 'succeeded' ? 'success' : 'warning') : ''}" part="status" data-status=${status}>
          <strong>${statusShort(m, status)}.</strong> ${statusWords(m, status)}
          ${terminal ? html`<br /><span class="hint">${m.terminalTitle}</span>` : nothing}
        </p>
        ${awaiting ? html`<sphere-ramp-deposit-instructions .transfer=${transfer} @deposit-refresh=${() => void this.poll()}></sphere-ramp-deposit-instructions>` : nothing}
        ${awaiting && this.ctx.state.sandbox
          ? html`<div class="notice" part="sandbox-controls"><p class="hint">${m.simulateHint}</p>
              <button type="button" class="secondary" @click=${this.simulateDeposit} ?disabled=${!!this.busy} aria-busy=${this.busy === 'fund' ? 'true' : 'false'}>
                ${this.busy === 'fund' ? m.simulating : m.simulateDeposit}</button></div>`
          : nothing}
        <sphere-ramp-receipt .transfer=${transfer}></sphere-ramp-receipt>
        <section aria-labelledby="status-title">
          <h3 id="status-title">${m.statusTitle}</h3>
          <sphere-ramp-status-timeline status=${status}></sphere-ramp-status-timeline>
          ${!this.ctx.state.live && !terminal ? html`<p class="hint">${m.polling}</p>` : nothing}
        </section>
        ${this.error ? html`<p class="notice danger" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          ${awaiting
            ? html`<button type="button" class="secondary" @click=${() => this.dialog?.showModal()} ?disabled=${!!this.busy}
                aria-busy=${this.busy === 'cancel' ? 'true' : 'false'}>${this.busy === 'cancel' ? m.canceling : m.cancelTransfer}</button>`
            : nothing}
          <button type="button" class="secondary" @click=${() => this.ctx.set({ transfer: undefined, quote: undefined, moneyView: 'history' })}>${m.history}</button>
          <button type="button" @click=${() => this.ctx.set({ transfer: undefined, quote: undefined, moneyView: 'ramp' })}>${m.newTransfer}</button>
        </div>
      </div>
      <dialog aria-labelledby="cancel-title" aria-describedby="cancel-body">
        <h3 id="cancel-title">${m.cancelConfirmTitle}</h3>
        <p id="cancel-body">${m.cancelConfirmBody}</p>
        <div class="actions">
          <button type="button" class="secondary" autofocus @click=${() => this.dialog?.close()}>${m.keepTransfer}</button>
          <button type="button" @click=${this.cancelTransfer}>${m.cancelConfirm}</button>
        </div>
      </dialog>`;
  }
}
