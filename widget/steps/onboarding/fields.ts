/**
 * Field groups the onboarding forms share: an address (country select with
 * localised names, state where it applies), a phone number with the calling
 * code of the chosen country as help, and tax identification with its type
 * rules. Each renders into a `FormController` under a pointer prefix.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { STATE_COUNTRIES, countryByAlpha3, countryName, countryOptions, needsPostalCode, toE164 } from '../../../contract/countries.ts';
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

/** Phone in E.164; the hint names the calling code of `country` so people know what to type. */
export function phoneField(form: FormController, pointer: string, m: M, locale: string, country?: string): TemplateResult {
  const info = country ? countryByAlpha3(country) : undefined;
  const hint = info?.callingCode ? m.phoneHintCountry(`+${info.callingCode}`, countryName(info.alpha3, locale)) : m.phoneHint;
  return form.field(pointer, m.phone, {
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    hint,
    normalize: (v) => v.replace(/[\s().-]/g, ''),
  });
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
