import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AMOUNT_PATTERN, add, bpsOf, compare, formatDecimal, isPositive, multiply, normalizeAmount, parseDecimal, subtract,
} from '../../contract/money.ts';
import { seeded } from './random.ts';

/*
 * The references below work in whole cents with plain bigint, independently of
 * the module's 18-place representation, so a shared mistake cannot hide.
 */
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const fromCents = (c: bigint) => {
  const abs = (c < 0n ? -c : c).toString().padStart(3, '0');
  return `${c < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};
/** Half away from zero, for a non-negative numerator. */
const roundDiv = (n: bigint, d: bigint) => (n + d / 2n) / d;

/** Two-decimal amounts, some far beyond what a JS number holds exactly. */
function amounts(seed: number, count: number): string[] {
  const r = seeded(seed);
  return Array.from({ length: count }, () => `${BigInt(r.digits(r.pick([1, 1, 3, 7, 16, 30])))}.${r.digits(2)}`);
}

describe('money: parsing and formatting', () => {
  it('round-trips every decimal string to its canonical form', () => {
    const r = seeded(1);
    for (let i = 0; i < 500; i++) {
      const whole = BigInt(r.digits(r.int(1, 25))).toString();
      const places = r.int(0, 18);
      const text = places ? `${whole}.${r.digits(places)}` : whole;
      assert.equal(formatDecimal(parseDecimal(text), places), text, text);
    }
  });

  it('reads leading zeros and trailing zeros as the same value', () => {
    assert.equal(formatDecimal(parseDecimal('007.50')), '7.50');
    assert.equal(compare('1.5', '01.500000'), 0);
    assert.equal(formatDecimal(parseDecimal('12')), '12.00');
    assert.equal(formatDecimal(parseDecimal('0.1'), 0), '0');
    assert.equal(formatDecimal(parseDecimal('1234.5678'), 6), '1234.567800');
  });

  it('keeps values far beyond Number.MAX_SAFE_INTEGER exact', () => {
    assert.equal(add('9007199254740993.01', '0.01'), '9007199254740993.02');
    assert.equal(add('123456789012345678901234567890.99', '0.01'), '123456789012345678901234567891.00');
  });

  it('rounds half away from zero, where binary floats get it wrong', () => {
    // (2.675).toFixed(2) and (1.005).toFixed(2) round down in floating point.
    assert.equal(formatDecimal(parseDecimal('2.675')), '2.68');
    assert.equal(formatDecimal(parseDecimal('1.005')), '1.01');
    assert.equal(formatDecimal(parseDecimal('0.005')), '0.01');
    assert.equal(formatDecimal(parseDecimal('0.004999999999999999')), '0.00');
    assert.equal(formatDecimal(parseDecimal('0.5'), 0), '1');
    assert.equal(formatDecimal(parseDecimal('0.49'), 0), '0');
    assert.equal(subtract('0', '0.005'), '-0.01');
    assert.equal(subtract('0', '0.015'), '-0.02');
  });

  it('never writes "-0.00" for a difference that rounds to zero', () => {
    assert.equal(subtract('0.001', '0.002'), '0.00');
    assert.equal(subtract('5.00', '5.00'), '0.00');
  });

  it('refuses anything but a plain non-negative decimal string', () => {
    const bad = [
      '', ' ', ' 1', '1 ', '-1', '+1', '-0.01', '1e3', '1E-2', '1e+2', '.5', '5.', '1,000', '1.000,00', '1.2.3', '0x10', '0b1',
      'NaN', 'Infinity', '١٢', '1_000', '0.1234567890123456789',
    ];
    for (const text of bad) assert.throws(() => parseDecimal(text), RangeError, JSON.stringify(text));
    for (const text of ['-1', '1e2', '.5', '']) {
      assert.throws(() => add('1.00', text), RangeError, text);
      assert.throws(() => compare(text, '1.00'), RangeError, text);
      assert.throws(() => multiply('1.00', text), RangeError, text);
    }
  });

  it('refuses numbers, so a float can never slip in as an amount', () => {
    for (const value of [0.1, 10, 1e21, Number.NaN, null, undefined, 10n]) {
      assert.throws(() => parseDecimal(value as unknown as string), RangeError, String(value));
    }
  });

  it('refuses a number of places it cannot round to', () => {
    for (const places of [-1, 19, 1.5]) assert.throws(() => formatDecimal(1n, places), RangeError, String(places));
    assert.equal(formatDecimal(1n, 18), '0.000000000000000001');
  });
});

describe('money: arithmetic against a whole-cents reference', () => {
  const values = amounts(2, 300);

  it('adds and subtracts exactly, negative results included', () => {
    for (let i = 0; i < values.length - 1; i++) {
      const [a, b] = [values[i]!, values[i + 1]!];
      assert.equal(add(a, b), fromCents(cents(a) + cents(b)), `${a} + ${b}`);
      assert.equal(subtract(a, b), fromCents(cents(a) - cents(b)), `${a} - ${b}`);
      // Inputs are never negative (the module refuses them), so undo only a non-negative difference.
      if (cents(a) >= cents(b)) assert.equal(add(subtract(a, b), b), fromCents(cents(a)), `${a} - ${b} + ${b}`);
    }
  });

  it('multiplies by a rate and rounds half up to cents', () => {
    const r = seeded(3);
    for (const amount of values) {
      const places = r.int(0, 8);
      const rate = `${r.int(0, 20)}${places ? `.${r.digits(places)}` : ''}`;
      const scaled = BigInt(rate.replace('.', ''));
      const expected = fromCents(roundDiv(cents(amount) * scaled, 10n ** BigInt(places)));
      assert.equal(multiply(amount, rate), expected, `${amount} x ${rate}`);
    }
  });

  it('multiplies the sandbox rates as a person would by hand', () => {
    assert.equal(multiply('100.00', '5.455'), '545.50');
    assert.equal(multiply('100.00', '0.1833'), '18.33');
    assert.equal(multiply('0.03', '0.1833'), '0.01'); // 0.005499 rounds to 0.01
    assert.equal(multiply('0.02', '0.1833'), '0.00'); // 0.003666
    assert.equal(multiply('10', '0.92', 4), '9.2000');
    assert.equal(multiply('1', '0.1833', 4), '0.1833');
  });

  it('takes basis points of an amount, rounded half up to cents', () => {
    const r = seeded(4);
    for (const amount of values) {
      const bps = String(r.int(0, 10000));
      assert.equal(bpsOf(amount, bps), fromCents(roundDiv(cents(amount) * BigInt(bps), 10000n)), `${bps} bps of ${amount}`);
    }
    assert.equal(bpsOf('100.00', '20'), '0.20');
    assert.equal(bpsOf('2.50', '20'), '0.01'); // 0.005
    assert.equal(bpsOf('2.49', '20'), '0.00'); // 0.00498
    assert.equal(bpsOf('1234.56', '10000'), '1234.56');
    assert.equal(bpsOf('1234.56', '0'), '0.00');
  });

  it('refuses basis points that are not a whole non-negative number', () => {
    for (const bps of ['', ' 25', '-5', '1.5', '1e2', '0x10', 'abc']) {
      assert.throws(() => bpsOf('100.00', bps), RangeError, JSON.stringify(bps));
    }
  });

  it('orders amounts as their cents do', () => {
    for (let i = 0; i < values.length - 1; i++) {
      const [a, b] = [values[i]!, values[i + 1]!];
      const d = cents(a) - cents(b);
      const expected = d < 0n ? -1 : d > 0n ? 1 : 0;
      assert.equal(compare(a, b), expected, `${a} vs ${b}`);
      assert.equal(compare(b, a), -expected as -1 | 0 | 1, `${b} vs ${a}`);
      assert.equal(compare(a, a), 0);
    }
    assert.equal(compare('0.10', '0.09'), 1);
    assert.equal(compare('10', '9.99'), 1);
    assert.equal(compare('100', '1000'), -1);
  });

  it('says whether an amount is above zero', () => {
    assert.equal(isPositive('0.01'), true);
    assert.equal(isPositive('0.000000000000000001'), true);
    for (const zero of ['0', '0.00', '000.000']) assert.equal(isPositive(zero), false, zero);
  });
});

describe('money: request amounts', () => {
  it('AMOUNT_PATTERN is SpherePay\'s: whole, or exactly two decimals', () => {
    for (const ok of ['1', '100', '100.00', '0.01', '0.00', '123456789.99']) assert.ok(AMOUNT_PATTERN.test(ok), ok);
    for (const bad of ['100.0', '100.000', '.50', '1.', '-1.00', '1e2', '1,000.00', ' 1.00', '']) assert.ok(!AMOUNT_PATTERN.test(bad), bad);
  });

  it('normalises what a person types to two decimals', () => {
    const cases: [string, string][] = [
      ['10', '10.00'], [' 10 ', '10.00'], ['10.5', '10.50'], ['10.', '10.00'], ['007.1', '7.10'], ['0', '0.00'],
      ['1,234.5', '1234.50'], ['1,234,567.89', '1234567.89'], ['12,345', '12345.00'], ['1 000', '1000.00'], ['1_000.25', '1000.25'],
    ];
    for (const [typed, expected] of cases) assert.equal(normalizeAmount(typed), expected, JSON.stringify(typed));
  });

  it('refuses what is not an amount rather than guess', () => {
    for (const typed of ['', '   ', 'abc', '1.234', '-5', '+5', '1e3', '1.2.3', '.5', '$5', '5 USD', '0x10']) {
      assert.equal(normalizeAmount(typed), undefined, JSON.stringify(typed));
    }
  });

  it('never reads a decimal comma as a thousands separator (no 100-fold amounts)', () => {
    // es and pt-BR write ten and a half as "10,50"; reading it as 1050.00 would move 100 times the money.
    for (const typed of ['10,50', '10,5', '1.000,50', '1,2,3', '1,23,456.00', ',50', '1,']) {
      assert.equal(normalizeAmount(typed), undefined, JSON.stringify(typed));
    }
  });

  it('always yields a request amount of the same value', () => {
    const r = seeded(5);
    for (let i = 0; i < 300; i++) {
      const whole = BigInt(r.digits(r.int(1, 12))).toString();
      const grouped = r.next() < 0.5 ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      const typed = `${grouped}${r.pick(['', '.', `.${r.digits(1)}`, `.${r.digits(2)}`])}`;
      const normalized = normalizeAmount(typed);
      assert.ok(normalized && AMOUNT_PATTERN.test(normalized), typed);
      assert.equal(compare(normalized, typed.replace(/,/g, '').replace(/\.$/, '')), 0, typed);
    }
  });
});
