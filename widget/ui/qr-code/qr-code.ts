/**
 * A QR code drawn as one SVG path, with an accessible name. Import it only
 * from lazily loaded steps: the encoder (lean-qr's nano build, ~2 KB gzipped) is the heaviest thing it pulls in.
 */
import { LitElement, css, html, svg } from 'lit';
import { property } from 'lit/decorators/property.js';
import { correction, generate } from 'lean-qr/nano';

export class QrCode extends LitElement {
  // Scanners need dark modules on a light ground whatever the theme, so these
  // component tokens default to black on white rather than to theme colours.
  static override styles = css`
    :host { display: inline-block; width: var(--ramp-qr-size, 176px); }
    svg { display: block; width: 100%; height: auto; background: var(--ramp-qr-background, #fff); border-radius: 4px; }
    path { fill: var(--ramp-qr-foreground, #000); }
  `;

  /** What the code encodes. */
  @property() value = '';
  /** Accessible name ("QR code for the deposit address"). */
  @property() label = '';

  protected override render() {
    if (!this.value) return html``;
    const qr = generate(this.value, { minCorrectionLevel: correction.M });
    const count = qr.size;
    const quiet = 4;
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) if (qr.get(col, row)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
    const size = count + quiet * 2;
    return html`<svg part="qr" role="img" aria-label=${this.label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
      ${svg`<path d=${d}></path>`}
    </svg>`;
  }
}
