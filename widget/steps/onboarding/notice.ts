/** How onboarding shows a failed call: a message a person understands, and a retry when one can help. */
import { html, nothing } from 'lit';
import { RampError } from '../../api/errors.ts';
import { errorText, fieldErrorsText } from '../../i18n/say.ts';
import type { RampContext } from '../../state/context.ts';

export function errorNotice(err: unknown, ctx: Pick<RampContext, 'messages' | 'locale'>, retry?: () => void) {
  const m = ctx.messages;
  // Errors no field shows (e.g. an upload's) are spelled out rather than "check the highlighted fields".
  const fieldDetails = err instanceof RampError ? fieldErrorsText(err, m, ctx.locale) : '';
  const message = fieldDetails || errorText(err, m, ctx.locale, m.onboarding.unexpectedError);
  const retryable = !(err instanceof RampError) || err.retryable;
  return html`<div class="notice danger" role="alert" part="error">
    <p>${message}</p>
    ${retry && retryable ? html`<button type="button" class="secondary" @click=${retry}>${m.common.retry}</button>` : nothing}
  </div>`;
}

