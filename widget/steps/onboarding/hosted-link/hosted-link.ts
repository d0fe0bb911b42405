/**
 * A step completed on a hosted page (terms of service, face check, KYB
 * hand-off), opened in a new window. Completion is noticed four ways, any
 * of which refreshes the customer: live events (the root refreshes on
 * `customer.*`), a `postMessage` from the page, the window closing, and
 * polling while the page is open (not every completion sends an event).
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { HostedLink as HostedLinkSchema, TosLink } from '../../../../contract/spherepay/onboarding.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import type { HostedKind } from '../criteria.ts';
import { errorNotice } from '../notice.ts';

const WATCH_MS = 1000;
/** Face checks send no event, so the customer is also re-read while a page is open. */
const POLL_MS = 2000;

export class HostedLink extends LitElement {
  static override styles = stepStyles;
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @property() kind: HostedKind = 'tos';
  /** For a business representative's face check. */
  @property() representativeId?: string;
  /** Text variant: `msa` when only the agreement is left. */
  @property() variant?: 'msa';
  /** The representative's name: their face check is theirs to do, so the link can be sent to them. */
  @property() person?: string;

  /** A link fetched to send to the representative rather than opened here. */
  @state() private shared?: string;
  private sharing = false;
  @state() private url?: string;
  @state() private blocked = false;
  private popup: Window | null = null;
  private timer?: ReturnType<typeof setInterval>;
  private lastPoll = 0;

  private linkTask = new Task(this, {
    task: async (_args: [], { signal }) => {
      const customerId = this.ctx.state.customer!.id;
      if (this.kind === 'tos') {
        const res = await this.ctx.client.request(`/api/v2/customer/${customerId}/tos-link`, { method: 'POST', schema: TosLink, signal });
        return res.link;
      }
      const path = this.representativeId
        ? `/api/v2/business-representative/${this.representativeId}/face-verification-link`
        : `/api/v2/customer/${customerId}/${this.kind === 'face' ? 'face-verification-link' : 'kyc-link'}`;
      return (await this.ctx.client.request(path, { method: 'POST', schema: HostedLinkSchema, signal })).url;
    },
    autoRun: false,
    onComplete: (url) => (this.sharing ? this.share(url) : this.navigate(url)),
    onError: () => this.popup?.close(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
    this.stopWatching();
  }

  private onMessage = (e: MessageEvent) => {
    // Only the window we opened speaks for the hosted page.
    if (!this.popup || e.source !== this.popup) return;
    // The page said it is done: close it for the person (not every hosted page closes itself).
    if (!this.popup.closed) this.popup.close();
    this.popup = null;
    this.finished();
  };

  private getShareLink() {
    this.sharing = true;
    void this.linkTask.run();
  }

  private async share(url: string) {
    this.sharing = false;
    this.shared = url;
    this.startWatching();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#share-link')?.select();
    this.renderRoot.querySelector<HTMLInputElement>('#share-link')?.focus();
  }

  private open() {
    this.sharing = false;
    // Opened synchronously in the click, so popup blockers allow it; the link follows.
    this.popup = window.open('', '_blank');
    this.blocked = !this.popup;
    void this.linkTask.run();
  }

  private navigate(url: string) {
    this.url = withLanguage(url, this.ctx.locale, this.ctx.state.sandbox === true);
    if (this.popup && !this.popup.closed) this.popup.location.href = this.url;
    this.startWatching();
  }

  private startWatching() {
    this.stopWatching();
    this.timer = setInterval(() => {
      if (this.popup?.closed) {
        this.popup = null;
        this.finished();
      }
      if (Date.now() - this.lastPoll >= POLL_MS) {
        this.lastPoll = Date.now();
        void this.ctx.refreshCustomer();
      }
    }, WATCH_MS);
  }

  /** The page said it is done, or its window closed: re-read the customer, and tell a parent that tracks the item itself. */
  private finished() {
    void this.ctx.refreshCustomer();
    this.dispatchEvent(new CustomEvent('hosted-finished', { bubbles: true, composed: true, detail: { kind: this.kind } }));
  }

  private stopWatching() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const text = m.hosted[this.variant ?? this.kind];
    const busy = this.linkTask.status === TaskStatus.PENDING;
    const waiting = this.linkTask.status === TaskStatus.COMPLETE && !this.shared;
    const person = this.representativeId && this.person ? this.person : undefined;
    return html`<div class="stack">
      <p>${person ? m.reps.faceIntro(person) : text.intro}</p>
      ${this.shared && person
        ? html`<div class="field"><label for="share-link">${m.reps.linkFor(person)}</label>
            <input id="share-link" readonly .value=${this.shared} aria-describedby="share-hint" data-share-link />
            <p class="hint" id="share-hint">${m.reps.linkHint}</p>
            <sphere-ramp-copy .value=${this.shared} text=${this.ctx.messages.common.copy} copied-text=${this.ctx.messages.common.copied}
              label=${m.reps.copyLink(person)} copied-announcement=${m.reps.linkCopied}></sphere-ramp-copy></div>`
        : nothing}
      ${waiting
        ? html`<p role="status"><span class="spinner" aria-hidden="true"></span> ${m.hostedWaiting}</p>
            ${this.blocked && this.url
              ? html`<p>${m.hostedBlocked} <a href=${this.url} target="_blank" rel="opener">${m.hostedLink}</a></p>`
              : nothing}`
        : nothing}
      ${this.linkTask.status === TaskStatus.ERROR ? errorNotice(this.linkTask.error, this.ctx, () => this.open()) : nothing}
      <div class="actions">
        ${waiting ? html`<button type="button" class="secondary" @click=${() => void this.ctx.refreshCustomer()}>${m.hostedDone}</button>` : nothing}
        ${person && !this.shared
          ? html`<button type="button" class="secondary" part="share-hosted" ?disabled=${busy} @click=${() => this.getShareLink()}>${busy && this.sharing ? m.reps.sharingLink : m.reps.shareLink}</button>`
          : nothing}
        <button type="button" part="open-hosted" ?disabled=${busy} @click=${() => this.open()}>${waiting ? m.hostedReopen : text.open}</button>
      </div>
    </div>`;
  }
}

/**
 * The sandbox's hosted pages speak the widget's language when the link says
 * which (`lang`); SpherePay's own pages follow the browser, and their links
 * are left exactly as given.
 */
function withLanguage(url: string, locale: string, sandbox: boolean): string {
  if (!sandbox) return url;
  try {
    const u = new URL(url);
    u.searchParams.set('lang', locale);
    return u.href;
  } catch {
    return url;
  }
}
