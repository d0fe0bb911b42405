/**
 * The verification checklist, built from `verificationProfiles[0].criteria`:
 * every entry shows its status, and each one the person must act on shows
 * its action, chosen by criterion name (see criteria.ts). While SpherePay is
 * checking something (documents), the customer is re-read every few seconds,
 * because those changes send no event.
 */
import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { primaryProfile } from '../../../state/flow.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { checklist, needsAction, type ChecklistEntry } from '../checklist.ts';

const POLL_MS = 3000;
const ICONS = { complete: '✓', pending: '…', required: '○', error: '!' } as const;

export class VerificationStep extends LitElement {
  static override styles = [
    stepStyles,
    css`
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--ramp-space); }
      li.entry { border: 1px solid var(--ramp-color-border); border-radius: var(--ramp-radius); padding: var(--ramp-space) calc(var(--ramp-space) * 1.5); }
      li.entry.done { border-style: dashed; }
      .head { display: flex; gap: var(--ramp-space); align-items: baseline; justify-content: space-between; }
      .head h3 { margin: 0; }
      .badge { font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
      .badge.complete { color: var(--ramp-color-success); }
      .badge.error { color: var(--ramp-color-danger); }
      .badge.pending { color: var(--ramp-color-warning); }
      .action { margin-top: var(--ramp-space); }
    `,
  ];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;
  private timer?: ReturnType<typeof setInterval>;

  /** Focus or a click the person moved outside the widget is theirs to keep. */
  private leftWidget = (e: Event) => {
    if (!e.composedPath().includes(this)) this.lastEntry = undefined;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('focusin', this.leftWidget);
    document.addEventListener('pointerdown', this.leftWidget);
    this.timer = setInterval(() => {
      const profile = this.ctx.state.customer && primaryProfile(this.ctx.state.customer);
      if (profile && (profile.criteria.pending.length > 0 || !this.ctx.state.live)) void this.ctx.refreshCustomer();
    }, POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.leftWidget);
    document.removeEventListener('pointerdown', this.leftWidget);
    clearInterval(this.timer);
  }

  /** The checklist item the person last worked in, so focus has somewhere to go when its form goes away. */
  private lastEntry?: string;

  protected override firstUpdated(): void {
    // Where the person works: focus, and also clicks and typing (which arrive even when the page has no focus yet).
    const remember = (e: Event) => {
      const li = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.matches('li[data-criterion]'));
      if (li) this.lastEntry = li.dataset.criterion;
    };
    for (const type of ['focusin', 'click', 'input']) this.renderRoot.addEventListener(type, remember);
    // Focus the person moved elsewhere themselves (the element is still there) is theirs to keep.
  }

  /**
   * After Save or Upload the item's form is replaced by its new status and
   * focus would fall to <body>: move it to the next item that needs the
   * person, or to the item just done.
   */
  protected override updated(): void {
    // Children (the item's form) finish their own render after this one; look once they have.
    setTimeout(() => this.keepFocus(), 0);
  }

  private keepFocus() {
    const active = document.activeElement;
    if (!this.lastEntry || (active && active !== document.body)) return;
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-criterion]')];
    const at = items.findIndex((li) => li.dataset.criterion === this.lastEntry);
    const open = (li: HTMLElement) => !!li.querySelector('.action');
    const next = items.slice(at + 1).find(open) ?? items.slice(0, Math.max(0, at)).find(open) ?? items[at];
    const heading = next?.querySelector<HTMLElement>('h3');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }

  private label(entry: ChecklistEntry) {
    const m = this.ctx.messages.onboarding;
    return m.criteria[entry.group] ?? m.criteria[entry.names[0]!] ?? m.unknownCriterion(entry.names[0]!);
  }

  private action(entry: ChecklistEntry) {
    const customer = this.ctx.state.customer!;
    const m = this.ctx.messages.onboarding;
    const a = entry.action;
    switch (a.kind) {
      case 'details':
        return html`<sphere-ramp-details .parts=${a.parts}></sphere-ramp-details>`;
      case 'document':
        return html`<sphere-ramp-document-upload target="customer" targetId=${customer.id} ?identity=${a.identity} .documentTypes=${a.documentTypes}
          country=${String(customer.address?.country ?? '')}></sphere-ramp-document-upload>`;
      case 'hosted': {
        const onlyMsa = a.link === 'tos' && entry.names.length === 1 && entry.names[0] === 'master_service_agreement';
        return html`<sphere-ramp-hosted-link kind=${a.link} variant=${onlyMsa ? 'msa' : nothing}></sphere-ramp-hosted-link>`;
      }
      case 'otp':
        return html`<sphere-ramp-otp channel=${a.channel}></sphere-ramp-otp>`;
      case 'representatives':
        return html`<sphere-ramp-representatives></sphere-ramp-representatives>`;
      case 'wait':
        return html`<p class="muted">${m.waitItem}</p>`;
      case 'support':
        return html`<p>${m.contactSupport}</p><p class="muted">${m.customerIdLabel}: <code>${customer.id}</code></p>`;
    }
  }

  private entry(entry: ChecklistEntry) {
    const m = this.ctx.messages.onboarding;
    const label = this.label(entry);
    const act = needsAction(entry);
    return html`<li class="entry ${entry.status === 'complete' ? 'done' : ''}" data-criterion=${entry.group} data-status=${entry.status}>
      <div class="head">
        <h3>${label}</h3>
        <span class="badge ${entry.status}"><span aria-hidden="true">${ICONS[entry.status]}</span> ${m.status[entry.status]}</span>
      </div>
      ${entry.status === 'error'
        ? html`<p class="error" role="alert">${entry.errors.filter(Boolean).length ? entry.errors.filter(Boolean).map((e) => m.itemError(e)).join(' ') : m.itemErrorGeneric}</p>`
        : nothing}
      ${act ? html`<div class="action">${this.action(entry)}</div>` : nothing}
    </li>`;
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const customer = this.ctx.state.customer;
    const profile = customer && primaryProfile(customer);
    const entries = customer && profile ? checklist(profile, customer.type) : [];
    const done = entries.filter((e) => e.status === 'complete').length;
    return html`<h2 tabindex="-1">${customer?.type === 'business' ? m.verificationTitleBusiness : m.verificationTitle}</h2>
      <p>${customer?.type === 'business' ? m.verificationIntroBusiness : m.verificationIntro}</p>
      <p class="muted" aria-live="polite">${m.progress(done, entries.length)}</p>
      <ol aria-label=${m.checklistLabel}>${repeat(entries, (e) => e.group, (e) => this.entry(e))}</ol>`;
  }
}
