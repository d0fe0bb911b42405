/** How a failed call reads in the money steps: the person's message, and a retry when one can help. */
import { html, nothing } from 'lit';
import { RampError } from '../../api/errors.ts';
import type { Messages } from '../../i18n/messages.ts';

export const errorMessage = (err: unknown, fallback: string) => (err instanceof RampError ? err.message : fallback);

export function errorNotice(messages: Messages, err: unknown, fallback: string, retry?: () => void) {
  const canRetry = retry && (!(err instanceof RampError) || err.retryable);
  return html`<div class="notice danger" role="alert">
    <p>${errorMessage(err, fallback)}</p>
    ${canRetry ? html`<button type="button" class="secondary" @click=${retry}>${messages.common.retry}</button>` : nothing}
  </div>`;
}
