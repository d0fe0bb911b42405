/**
 * A button that copies one value and says so: "Copied" appears on the button
 * and is announced through its own polite live region, then fades back.
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { stepStyles } from '../styles.ts';

export class CopyButton extends LitElement {
  static override styles = [
    stepStyles,
    css`
      :host { display: inline-block; }
      button { min-height: 36px; padding: 0.3rem 0.7rem; font-size: 0.875rem; }
      .failed { color: var(--ramp-color-danger); font-size: 0.8rem; }
    `,
  ];

  // Every text comes from the caller's catalogue; the element has no words of its own.
  /** The text put on the clipboard. */
  @property() value = '';
  /** Visible text of the button ("Copy"). */
  @property() text = '';
  /** Accessible name, naming what is copied ("Copy IBAN"). */
  @property() label = '';
  /** Visible confirmation ("Copied"). */
  @property({ attribute: 'copied-text' }) copiedText = '';
  /** Announced confirmation ("IBAN copied"). */
  @property({ attribute: 'copied-announcement' }) copiedAnnouncement = '';
  @property({ attribute: 'failed-text' }) failedText = '';

  @state() private status: 'idle' | 'copied' | 'failed' = 'idle';
  private timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.value);
      this.status = 'copied';
    } catch {
      this.status = fallbackCopy(this.value) ? 'copied' : 'failed';
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.status = 'idle'), 3000);
  }

  protected override render() {
    return html`<button part="copy-button" type="button" class="secondary" aria-label=${this.label} @click=${this.copy}>
        ${this.status === 'copied' ? this.copiedText : this.text}
      </button><span role="status" aria-live="polite" class=${this.status === 'failed' ? 'failed' : 'visually-hidden'}
        >${this.status === 'copied' ? this.copiedAnnouncement : this.status === 'failed' ? this.failedText : ''}</span>`;
  }
}

/** For pages without the async clipboard (insecure origins, some iframes). */
function fallbackCopy(value: string): boolean {
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
