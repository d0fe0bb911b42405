/** How onboarding shows a failed call: a message a person understands, and a retry when one can help. */
import { html, nothing } from 'lit';
import { RampError } from '../../api/errors.ts';
import type { Messages } from '../../i18n/messages.ts';

export function errorNotice(err: unknown, m: Messages, retry?: () => void) {
  // Errors no field shows (e.g. an upload's) are spelled out rather than "check the highlighted fields".
  const fieldDetails = err instanceof RampError ? Object.values(err.fieldErrors) : [];
  const message = fieldDetails.length ? fieldDetails.join(' ') : err instanceof RampError ? err.message : m.onboarding.unexpectedError;
  const retryable = !(err instanceof RampError) || err.retryable;
  return html`<div class="notice danger" role="alert" part="error">
    <p>${message}</p>
    ${retry && retryable ? html`<button type="button" class="secondary" @click=${retry}>${m.common.retry}</button>` : nothing}
  </div>`;
}

