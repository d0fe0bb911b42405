/** Email or phone confirmation: send a one-time code, then enter it (`otp-send` / `otp-verify`, API.md §2.6). */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { OtpSendResponse, OtpVerifyRequest, OtpVerifyResponse } from '../../../../contract/spherepay/onboarding.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { errorNotice } from '../notice.ts';

export class OtpVerify extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  @property() channel: 'email' | 'phone' = 'email';

  private form = new FormController(this, () => OtpVerifyRequest);

  private path(action: 'otp-send' | 'otp-verify') {
    return `/api/v2/customer/${this.ctx.state.customer!.id}/${action}`;
  }

  private send = new Task(this, {
    task: async (_args: [], { signal }) =>
      this.ctx.client.request(this.path('otp-send'), { method: 'POST', body: { type: this.channel }, schema: OtpSendResponse, signal }),
    autoRun: false,
    onComplete: () => {
      this.ctx.announce(this.ctx.messages.onboarding.otp.sent);
      void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLInputElement>('[data-pointer="/code"]')?.focus());
    },
  });

  private verify = new Task(this, {
    task: async ([body]: [unknown], { signal }) =>
      this.ctx.client.request(this.path('otp-verify'), { method: 'POST', body, schema: OtpVerifyResponse, signal }),
    autoRun: false,
    onComplete: () => void this.ctx.refreshCustomer(),
    onError: (err) => this.form.applyServerError(err),
  });

  private submit(e: Event) {
    e.preventDefault();
    this.form.set('/type', this.channel);
    if (this.form.validate()) void this.verify.run([this.form.body()]);
  }

  protected override render() {
    const m = this.ctx.messages.onboarding.otp;
    const c = m[this.channel];
    const customer = this.ctx.state.customer;
    const to = this.channel === 'email' ? (customer?.email ?? '') : (customer?.phone ?? '');
    const sent = this.send.status === TaskStatus.COMPLETE;
    const sending = this.send.status === TaskStatus.PENDING;
    const verifying = this.verify.status === TaskStatus.PENDING;
    if (!sent) {
      return html`<div class="stack">
        <p>${c.intro(to)}</p>
        ${this.send.status === TaskStatus.ERROR ? errorNotice(this.send.error, this.ctx, () => void this.send.run()) : nothing}
        <div class="actions"><button type="button" part="otp-send" ?disabled=${sending} @click=${() => void this.send.run()}>${sending ? m.sending : c.send}</button></div>
      </div>`;
    }
    return html`<form class="stack" novalidate @submit=${this.submit} aria-busy=${verifying ? 'true' : 'false'}>
      <p role="status">${m.sent}</p>
      ${this.form.field('/code', m.code, { inputmode: 'numeric', autocomplete: 'one-time-code', normalize: (v) => v.trim() })}
      ${this.verify.status === TaskStatus.ERROR && !Object.keys((this.verify.error as { fieldErrors?: object }).fieldErrors ?? {}).length
        ? errorNotice(this.verify.error, this.ctx, () => void this.verify.run())
        : nothing}
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${sending} @click=${() => void this.send.run()}>${m.resend}</button>
        <button type="submit" part="otp-verify" ?disabled=${verifying}>${verifying ? m.verifying : m.verify}</button>
      </div>
    </form>`;
  }
}
