/**
 * Decimal-string money arithmetic on bigint. Amounts never pass through a JS
 * number: a value is held as an integer count of 10^-SCALE units.
 */
const SCALE = 18;
const ONE = 10n ** BigInt(SCALE);

/** `^\d+(\.\d{2})?$`: what SpherePay accepts for request amounts. */
export const AMOUNT_PATTERN = /^\d+(\.\d{2})?$/;
/** Any non-negative decimal string (rates may carry more places). */
const DECIMAL_PATTERN = /^\d+(\.\d+)?$/;

export type Decimal = bigint;

export function parseDecimal(text: string): Decimal {
  // A number would pass the pattern once coerced ("0.1"): refuse it here, as a float never is an amount.
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text)) throw new RangeError(`not a decimal string: ${text}`);
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > SCALE) throw new RangeError(`too many decimal places: ${text}`);
  return BigInt(whole!) * ONE + BigInt(fraction.padEnd(SCALE, '0'));
}

/** Rounds half away from zero to `places` decimals and formats. */
export function formatDecimal(value: Decimal, places = 2): string {
  if (!Number.isInteger(places) || places < 0 || places > SCALE) throw new RangeError(`cannot round to ${places} places`);
  const negative = value < 0n;
  let abs = negative ? -value : value;
  const unit = 10n ** BigInt(SCALE - places);
  abs = (abs + unit / 2n) / unit;
  const digits = abs.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

export const add = (a: string, b: string, places = 2) => formatDecimal(parseDecimal(a) + parseDecimal(b), places);
export const subtract = (a: string, b: string, places = 2) => formatDecimal(parseDecimal(a) - parseDecimal(b), places);
export const multiply = (a: string, b: string, places = 2) => formatDecimal((parseDecimal(a) * parseDecimal(b)) / ONE, places);
export const compare = (a: string, b: string): -1 | 0 | 1 => {
  const d = parseDecimal(a) - parseDecimal(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const isPositive = (a: string) => parseDecimal(a) > 0n;

/** `amount * bps / 10000`, rounded to cents. */
export function bpsOf(amount: string, bps: string): string {
  // BigInt() alone would read "" as 0, "0x10" as 16 and " 25 " as 25.
  if (typeof bps !== 'string' || !/^\d+$/.test(bps)) throw new RangeError(`not a whole number of basis points: ${bps}`);
  return formatDecimal((parseDecimal(amount) * BigInt(bps)) / 10000n, 2);
}

/**
 * Normalises what a person typed ("1,234.5", " 10 ") to SpherePay's two-decimal
 * form, or returns undefined when it is not an amount. A comma is read only as
 * a thousands separator (groups of three digits): "10,50", a decimal comma in
 * es and pt-BR, is refused rather than read as 1050.00.
 */
export function normalizeAmount(input: string): string | undefined {
  if (/,/.test(input) && !/^\s*\d{1,3}(,\d{3})*(\.\d*)?\s*$/.test(input)) return undefined;
  const cleaned = input.trim().replace(/[,\s_]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return undefined;
  const [whole, fraction = ''] = cleaned.split('.');
  return `${BigInt(whole!).toString()}.${fraction.padEnd(2, '0')}`;
}
