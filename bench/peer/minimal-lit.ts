/** The floor the widget's load time is held to: one Lit element, rendered once, nothing else. */
import { LitElement, html } from 'lit';

class MinimalLit extends LitElement {
  protected override render() {
    return html`<p>Ready</p>`;
  }

  protected override firstUpdated() {
    (window as { benchInteractive?: number }).benchInteractive ??= performance.now();
  }
}
customElements.define('minimal-lit', MinimalLit);
