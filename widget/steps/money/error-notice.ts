/** How a failed call reads in the money steps: the person's message, and a retry when one can help. */
import { html, nothing } from 'lit';
import { RampError } from '../../api/errors.ts';
import { errorText } from '../../i18n/say.ts';
import type { RampContext } from '../../state/context.ts';

type Ctx = Pick<RampContext, 'messages' | 'locale'>;

export const errorMessage = (ctx: Ctx, err: unknown, fallback: string) => errorText(err, ctx.messages, ctx.locale, fallback);

export function errorNotice(ctx: Ctx, err: unknown, fallback: string, retry?: () => void) {
  const canRetry = retry && (!(err instanceof RampError) || err.retryable);
  return html`<div class="notice danger" role="alert">
    <p>${errorMessage(ctx, err, fallback)}</p>
    ${canRetry ? html`<button type="button" class="secondary" @click=${retry}>${ctx.messages.common.retry}</button>` : nothing}
  </div>`;
}
