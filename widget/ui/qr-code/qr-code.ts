/**
 * A QR code drawn as one SVG path, with an accessible name. The proxy
 * encodes it (`GET /api/qr`, asked through the ramp context's client), so no
 * QR encoder ships to the browser (issue 15); the element therefore lives
 * inside `<sphere-ramp>`. While the code loads, a square of the same size
 * stands in (aria-busy), so nothing moves when it arrives; when it cannot be
 * had, nothing shows: the text it encodes is on screen with a copy button
 * anyway. Import it only from lazily loaded steps: it runs a `@lit/task`,
 * which the first screen does not load.
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators/property.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { isQrCode } from '../../../contract/guards.ts';
import { RampError } from '../../api/errors.ts';
import { rampContext, type RampContext } from '../../state/context.ts';

export class QrCode extends LitElement {
  // Scanners need dark modules on a light ground whatever the theme, so these
  // component tokens default to black on white rather than to theme colours.
  static override styles = css`
    :host { display: inline-block; width: var(--ramp-qr-size, 176px); }
    svg, .loading { display: block; width: 100%; background: var(--ramp-qr-background, #fff); border-radius: 4px; }
    svg { height: auto; }
    .loading { aspect-ratio: 1; }
    path { fill: var(--ramp-qr-foreground, #000); }
  `;

  @consume({ context: rampContext, subscribe: true }) ctx?: RampContext;

  /** What the code encodes. */
  @property() value = '';
  /** Accessible name ("QR code for the deposit address"). */
  @property() label = '';

  /** The proxy's drawing of `value`; a new value (or client) aborts the request before it. */
  private code = new Task(this, {
    task: async ([text, client], { signal }) => {
      // Outside a <sphere-ramp> there is no client to ask: no code, as for no value.
      if (!text || !client) return undefined;
      const answer = await client.request('/api/qr', { query: { text }, signal });
      if (!isQrCode(answer)) throw new RampError('invalid-response', undefined, 200);
      return answer;
    },
    args: () => [this.value, this.ctx?.client] as const,
  });

  protected override render() {
    if (!this.value) return nothing;
    return this.code.render({
      pending: () => html`<div part="qr" class="loading" role="img" aria-label=${this.label} aria-busy="true"></div>`,
      complete: (code) =>
        code
          ? html`<svg part="qr" role="img" aria-label=${this.label} viewBox="0 0 ${code.size} ${code.size}" shape-rendering="crispEdges">
              ${svg`<path d=${code.path}></path>`}
            </svg>`
          : nothing,
      // The address or BR code stays on screen with its copy button; a missing picture of it is no error to show.
      error: () => nothing,
    });
  }
}
