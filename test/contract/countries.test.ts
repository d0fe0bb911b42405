import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTRIES, STATE_COUNTRIES, callingCodeOf, countryByAlpha3, countryName, countryOptions, toE164 } from '../../contract/countries.ts';

describe('countries', () => {
  it('lists the 249 ISO 3166-1 countries once each, with a calling code', () => {
    assert.equal(COUNTRIES.length, 249);
    assert.equal(new Set(COUNTRIES.map((c) => c.alpha3)).size, 249);
    assert.equal(new Set(COUNTRIES.map((c) => c.alpha2)).size, 249);
    for (const c of COUNTRIES) {
      assert.match(c.alpha3, /^[A-Z]{3}$/);
      assert.match(c.alpha2, /^[A-Z]{2}$/);
      assert.match(c.callingCode, /^[1-9]\d{0,2}$/, c.alpha3);
    }
  });

  it('pairs each alpha-3 code with the alpha-2 code of the same country', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const c of COUNTRIES) assert.notEqual(names.of(c.alpha2), c.alpha2, `${c.alpha3}/${c.alpha2} has no name`);
    const pairs: [string, string, string][] = [
      ['USA', 'US', '1'], ['GBR', 'GB', '44'], ['DEU', 'DE', '49'], ['BRA', 'BR', '55'], ['MEX', 'MX', '52'], ['ESP', 'ES', '34'],
      ['CHE', 'CH', '41'], ['AUT', 'AT', '43'], ['IRL', 'IE', '353'], ['SRB', 'RS', '381'], ['KOR', 'KR', '82'], ['ZAF', 'ZA', '27'],
    ];
    for (const [alpha3, alpha2, callingCode] of pairs) assert.deepEqual(countryByAlpha3(alpha3), { alpha3, alpha2, callingCode });
    assert.equal(countryByAlpha3('XXX'), undefined);
    assert.equal(countryByAlpha3('usa'), undefined);
  });

  it('names every state-requiring country', () => {
    for (const alpha3 of STATE_COUNTRIES) assert.ok(countryByAlpha3(alpha3), alpha3);
    assert.ok(STATE_COUNTRIES.includes('USA'));
  });

  it('names a country in the person\'s language, falling back to the code', () => {
    assert.equal(countryName('DEU', 'en'), 'Germany');
    assert.equal(countryName('DEU', 'es'), 'Alemania');
    assert.equal(countryName('DEU', 'pt-BR'), 'Alemanha');
    assert.equal(countryName('XXX', 'en'), 'XXX');
    assert.equal(countryName('DEU', 'not a locale!'), 'DEU');
  });

  it('offers every country once, sorted by name in the person\'s language', () => {
    for (const locale of ['en', 'es', 'pt-BR']) {
      const options = countryOptions(locale);
      assert.equal(options.length, 249);
      assert.equal(new Set(options.map((o) => o.value)).size, 249);
      const labels = options.map((o) => o.label);
      assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b, locale)), locale);
    }
    const es = countryOptions('es');
    assert.equal(es.find((o) => o.value === 'DEU')?.label, 'Alemania');
    assert.ok(es.findIndex((o) => o.value === 'DEU') < es.findIndex((o) => o.value === 'ESP'));
  });

  it('still offers every country for a locale the runtime rejects', () => {
    for (const locale of ['not a locale!', 'en_US', '']) {
      const options = countryOptions(locale);
      assert.equal(options.length, 249, JSON.stringify(locale));
    }
  });
});

describe('phone numbers', () => {
  it('finds the calling code that starts an E.164 number, longest first', () => {
    const cases: [string, string | undefined][] = [
      ['+14155550123', '1'], ['+447911123456', '44'], ['+353861234567', '353'], ['+5511999999999', '55'], ['+79161234567', '7'],
      ['+12425551234', '1'], ['+2901234', '290'], ['+', undefined], ['', undefined], ['+999', undefined],
    ];
    for (const [phone, code] of cases) assert.equal(callingCodeOf(phone), code, phone);
  });

  it('tidies what a person types into E.164', () => {
    const cases: [string, string | undefined, string][] = [
      ['+1 (415) 555-0123', undefined, '+14155550123'],
      ['(415) 555-0123', 'USA', '+14155550123'],
      ['07911 123456', 'GBR', '+447911123456'],
      ['00 44 7911 123456', 'USA', '+447911123456'],
      ['11 99999-9999', 'BRA', '+5511999999999'],
      ['5551234', undefined, '+5551234'],
      ['', 'USA', ''],
      ['   ', 'GBR', ''],
    ];
    for (const [typed, country, expected] of cases) assert.equal(toE164(typed, country), expected, `${typed} in ${country}`);
  });
});
