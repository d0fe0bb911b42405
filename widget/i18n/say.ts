/**
 * Turns what the server or a shared schema said into the person's language:
 * message keys (contract/message-keys.ts) through the `validation` area,
 * known error codes through `common.errorCodes`, anything else through the
 * error's kind. A server's own words (SpherePay speaks English) are shown
 * only to English readers, where they are the most specific thing we have.
 */
import type { MessageKey } from '../../contract/message-keys.ts';
import { RampError } from '../api/errors.ts';
import type { Messages } from './messages.ts';

/**
 * Whether the catalogue has words for `detail` as a message key. Asking the
 * loaded catalogue (typed to have every key) keeps the key list itself out
 * of the browser bundle.
 */
const isKey = (m: Messages, detail: string): detail is MessageKey => !!m.validation && Object.hasOwn(m.validation, detail);

/**
 * A field error: a key with the bound (minimum, maximum) when known,
 * or other words: the widget's own (`ours`, already from the catalogue, e.g.
 * a limit check built in a step) are shown as they are, a server's only to
 * English readers.
 */
export function fieldText(m: Messages, locale: string, detail: string, bound?: number, ours = false): string {
  const v = m.validation;
  if (isKey(m, detail)) {
    const entry = v[detail];
    return typeof entry === 'function' ? entry(bound) : entry;
  }
  if (ours || locale === 'en') return detail;
  return v?.checkField ?? m.common.errors.validation;
}

/** What a failed call says to the person. */
export function errorText(err: unknown, m: Messages, locale: string, fallback: string = m.common.unexpectedError): string {
  if (!(err instanceof RampError)) return fallback;
  const known = m.common.errorCodes[err.code];
  if (known) return known;
  if (err.serverDetail !== undefined) {
    if (isKey(m, err.serverDetail)) return fieldText(m, locale, err.serverDetail);
    if (locale === 'en') return err.serverDetail;
  }
  return m.common.errors[err.kind];
}

/** The field errors of a failed call no field shows, said in the locale, one sentence each. */
export const fieldErrorsText = (err: RampError, m: Messages, locale: string) =>
  Object.values(err.fieldErrors).map((detail) => fieldText(m, locale, detail)).join(' ');
