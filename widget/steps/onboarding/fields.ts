/**
 * Field groups the onboarding forms share: an address (country select with
 * localised names, state where it applies), a phone number with the calling
 * code of the chosen country as help, and tax identification with its type
 * rules. Each renders into a `FormController` under a pointer prefix.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { COUNTRIES, STATE_COUNTRIES, callingCodeOf, countryByAlpha3, countryName, countryOptions, needsPostalCode, toE164 } from '../../../contract/countries.ts';
import type { FormController } from '../../ui/form.ts';
import type { Messages } from '../../i18n/messages.ts';

type M = Messages['onboarding'];

const optionsCache = new Map<string, { value: string; label: string }[]>();

/** Country options sorted by localised name (computed once per locale). */
export function countries(locale: string) {
  let options = optionsCache.get(locale);
  if (!options) optionsCache.set(locale, (options = countryOptions(locale)));
  return options;
}

export function addressFields(form: FormController, prefix: string, m: M, locale: string): TemplateResult {
  const country = String(form.get(`${prefix}/country`) ?? '');
  const stateNeeded = STATE_COUNTRIES.includes(country);
  return html`
    ${form.field(`${prefix}/country`, m.country, { options: countries(locale), autocomplete: 'country' })}
    ${form.field(`${prefix}/line1`, m.line1, { autocomplete: 'address-line1' })}
    ${form.field(`${prefix}/line2`, m.line2, { autocomplete: 'address-line2', optional: true })}
    <div class="row">
      ${form.field(`${prefix}/city`, m.city, { autocomplete: 'address-level2' })}
      ${form.field(`${prefix}/state`, m.state, {
        autocomplete: 'address-level1',
        optional: !stateNeeded,
        hint: country === 'USA' ? m.stateHintUs : undefined,
        normalize: (v) => v.toUpperCase(),
      })}
    </div>
    ${form.field(`${prefix}/postalCode`, m.postalCode, { autocomplete: 'postal-code', optional: !needsPostalCode(country) })}
  `;
}

/** Where several countries share a calling code, the one a pasted number most likely belongs to. */
const SHARED_CODES: Record<string, string> = { '1': 'USA', '7': 'RUS', '39': 'ITA', '44': 'GBR', '47': 'NOR', '61': 'AUS', '358': 'FIN', '590': 'GLP', '599': 'CUW', '212': 'MAR', '262': 'REU' };

/** The calling country each phone field shows, per form (the number itself is stored in E.164). */
const pickedCountry = new WeakMap<FormController, Map<string, string>>();

/** Calling-code options: every country with one, by localised name, "Spain (+34)". */
function callingOptions(locale: string) {
  return countries(locale).flatMap((o) => {
    const code = countryByAlpha3(o.value)?.callingCode;
    return code ? [{ value: o.value, label: `${o.label} (+${code})` }] : [];
  });
}

/**
 * Phone: a calling-code picker (defaulting to the address country) and the
 * national number; the form holds the E.164 value ("+" code number). A number
 * typed or pasted with "+" or "00" keeps its own code and moves the picker.
 */
export function phoneField(form: FormController, pointer: string, m: M, locale: string, country?: string): TemplateResult {
  const picks = pickedCountry.get(form) ?? new Map<string, string>();
  pickedCountry.set(form, picks);
  // Read at call time, so handlers never act on a render older than the last pick.
  const current = () => {
    const stored = String(form.get(pointer) ?? '');
    const storedCode = stored.startsWith('+') ? callingCodeOf(stored) : undefined;
    const pickedInfo = picks.get(pointer) ? countryByAlpha3(picks.get(pointer)!) : undefined;
    // The picker follows the stored number's code, then the person's pick, then the address country.
    const picked =
      (storedCode && pickedInfo?.callingCode === storedCode ? pickedInfo.alpha3 : undefined) ??
      (storedCode ? (country && countryByAlpha3(country)?.callingCode === storedCode ? country : (SHARED_CODES[storedCode] ?? COUNTRIES.find((c) => c.callingCode === storedCode)?.alpha3)) : undefined) ??
      pickedInfo?.alpha3 ??
      (country && countryByAlpha3(country)?.callingCode ? country : undefined);
    const code = picked ? countryByAlpha3(picked)!.callingCode : undefined;
    return { stored, picked, national: code && stored.startsWith(`+${code}`) ? stored.slice(code.length + 1) : stored };
  };
  const { picked, national } = current();
  const id = `phone-${pointer.replace(/\W/g, '')}`;
  const error = form.error(pointer);
  const info = picked ? countryByAlpha3(picked) : undefined;
  const hint = info?.callingCode ? m.phoneHintCountry(`+${info.callingCode}`, countryName(info.alpha3, locale)) : m.phoneHint;
  const onInput = (e: Event) => {
    const typed = (e.target as HTMLInputElement).value.replace(/[\s().-]/g, '');
    // With no code known yet the digits wait as typed; completePhone adds the address country's code on submit.
    const international = typed.startsWith('+') || typed.startsWith('00');
    const { picked } = current();
    form.set(pointer, !typed ? undefined : international ? toE164(typed) : picked ? toE164(typed, picked) : typed);
  };
  const onPick = (e: Event) => {
    const next = (e.target as HTMLSelectElement).value;
    const { stored, national } = current();
    picks.set(pointer, next);
    const digits = national.replace(/^\+/, '');
    form.set(pointer, digits ? toE164(digits, next) : stored || undefined);
  };
  return html`<div class="field" part="field">
    <label for=${id}>${m.phone}</label>
    <div class="phone-row">
      <select aria-label=${m.callingCode} data-calling-code=${pointer} @change=${onPick}>
        <option value="" ?selected=${!picked}>+</option>
        ${callingOptions(locale).map((o) => html`<option value=${o.value} ?selected=${o.value === picked}>${o.label}</option>`)}
      </select>
      <input id=${id} data-pointer=${pointer} name=${pointer} type="tel" autocomplete="tel-national" inputmode="tel" .value=${live(national)}
        @input=${onInput} @blur=${() => form.touch(pointer)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined([`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' '))} required />
    </div>
    <p class="hint" id="${id}-hint">${hint}</p>
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

/** Before validating: a number typed without "+" gets the chosen country's calling code. */
export function completePhone(form: FormController, pointer: string, country?: string): void {
  const typed = String(form.get(pointer) ?? '');
  if (typed && !typed.startsWith('+')) form.set(pointer, toE164(typed, country));
}

/** Tax id types a resident of `country` may use (§1.1: SSN/ITIN in the USA; passport, national id or other elsewhere). */
export function taxTypes(country: string, m: M): { value: string; label: string }[] {
  if (country === 'USA') return [{ value: 'ssn', label: m.taxTypes.ssn }, { value: 'itin', label: m.taxTypes.itin }];
  const types = ['passport', 'national_id', 'other'] as const;
  return [
    ...(country === 'BRA' ? [{ value: 'cpf', label: m.taxTypes.cpf }] : []),
    ...types.map((t) => ({ value: t, label: m.taxTypes[t] })),
  ];
}

export function taxFields(form: FormController, prefix: string, m: M, locale: string, residence: string): TemplateResult {
  const type = String(form.get(`${prefix}/taxIdentificationNumberType`) ?? '');
  return html`
    ${form.field(`${prefix}/taxIdentificationNumberCountry`, m.taxCountry, { options: countries(locale) })}
    ${form.field(`${prefix}/taxIdentificationNumberType`, m.taxType, { options: taxTypes(residence, m), hint: residence === 'USA' ? m.taxTypeHintUs : undefined })}
    ${form.field(`${prefix}/taxIdentificationNumber`, type === 'ssn' ? m.taxNumberSsn : m.taxNumber, {
      autocomplete: 'off',
      hint: type === 'ssn' ? m.ssnHint : undefined,
    })}
    ${type === 'other' ? form.field(`${prefix}/taxIdentificationNumberDescription`, m.taxDescription) : nothing}
  `;
}

/** When the residence country changes, default the tax country to it and drop a type that no longer applies. */
export function syncTax(form: FormController, prefix: string, residence: string, m: M): void {
  if (!residence) return;
  if (!form.get(`${prefix}/taxIdentificationNumberCountry`)) form.set(`${prefix}/taxIdentificationNumberCountry`, residence);
  const type = String(form.get(`${prefix}/taxIdentificationNumberType`) ?? '');
  if (type && !taxTypes(residence, m).some((t) => t.value === type)) form.set(`${prefix}/taxIdentificationNumberType`, undefined);
  if (residence === 'USA' && !type) form.set(`${prefix}/taxIdentificationNumberType`, 'ssn');
}
