/**
 * Waiting for SpherePay's decision (profile `pending`). The root re-reads the
 * customer on every `customer.*` live event; while live events are down this
 * step polls. Approval or rejection changes the derived step by itself.
 */
import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorNotice } from '../notice.ts';

const POLL_MS = 5000;

export class ReviewStep extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  private timer?: ReturnType<typeof setInterval>;

  private check = new Task(this, { task: async () => this.ctx.refreshCustomer(), autoRun: false });

  /** Sandbox only: the session-scoped review controls, so a demo can finish without developer tools. */
  private decide = new Task(this, {
    task: async ([outcome]: ['approve' | 'reject'], { signal }) => {
      await this.ctx.client.request(`/api/sandbox/customer/${outcome}`, { method: 'POST', signal });
      await this.ctx.refreshCustomer();
    },
    autoRun: false,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      if (!this.ctx.state.live) void this.ctx.refreshCustomer();
    }, POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const checking = this.check.status === TaskStatus.PENDING;
    const deciding = this.decide.status === TaskStatus.PENDING;
    return html`<h2 tabindex="-1">${m.reviewTitle}</h2>
      <p>${m.reviewIntro}</p>
      <p role="status" class="muted"><span class="spinner" aria-hidden="true"></span> ${this.ctx.state.live ? m.reviewLive : m.reviewPolling}</p>
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${checking} @click=${() => void this.check.run()}>${checking ? m.checking : m.checkNow}</button>
      </div>
      ${this.ctx.state.sandbox
        ? html`<div class="notice warning" part="sandbox-controls">
            <p>${m.sandboxHint}</p>
            ${this.decide.status === TaskStatus.ERROR ? errorNotice(this.decide.error, this.ctx) : nothing}
            <div class="actions">
              <button type="button" class="secondary" ?disabled=${deciding} @click=${() => void this.decide.run(['reject'])}>${m.sandboxReject}</button>
              <button type="button" ?disabled=${deciding} @click=${() => void this.decide.run(['approve'])}>${m.sandboxApprove}</button>
            </div>
          </div>`
        : nothing}`;
  }
}
