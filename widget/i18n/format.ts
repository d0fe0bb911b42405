/**
 * Amounts, rates, dates and countdowns in the person's locale, through Intl.
 *
 * Amounts are decimal strings ("1234.50") and must never pass through a
 * float: the integer part is formatted as a BigInt (exact at any size) and
 * the locale's pattern (grouping, decimal sign, where the symbol goes) is
 * kept while the fraction digits are put back exactly as given.
 * Stablecoins are not ISO 4217 currencies, so they are written as a number
 * followed by their code ("1.234,50 USDC"); fiat gets the locale's currency
 * style ("US$ 1.234,50" in pt-BR, "1234,50 US$" in es).
 */
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency: string | undefined, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}|${fractionDigits}`;
  let nf = formatters.get(key);
  if (!nf) {
    const digits = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    nf = currency ? new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits }) : new Intl.NumberFormat(locale, digits);
    formatters.set(key, nf);
  }
  return nf;
}

const ISO_FIAT = /^[a-z]{3}$/i;

/** A decimal string in the locale's digits; `currency` only when it is an ISO fiat code Intl knows. */
function formatDecimal(value: string, locale: string, currency?: string, minFraction = 0): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, int] = match;
  const fraction = (match[3] ?? '').padEnd(minFraction, '0');
  let nf: Intl.NumberFormat;
  try {
    nf = numberFormat(locale, currency, fraction.length);
  } catch {
    return currency ? `${formatDecimal(value, locale, undefined, minFraction)} ${currency.toUpperCase()}` : value;
  }
  const whole = BigInt(`${sign}${int}`);
  // BigInt has no -0: a negative amount under one keeps its sign through the pattern of -1.
  const parts = nf.formatToParts(sign && whole === 0n ? -1n : whole);
  return parts
    .map((p) => (p.type === 'fraction' ? fraction : p.type === 'integer' && sign && whole === 0n ? '0' : p.value))
    .join('');
}

/** "1,234.50 USDC", "$1,234.50", "1.234,50 US$": an amount of `currency` for people reading `locale`. */
export function formatAmount(amount: string, currency: string | undefined, locale: string): string {
  const code = (currency ?? '').toLowerCase();
  if (code && ISO_FIAT.test(code) && !STABLECOINS.has(code)) return formatDecimal(amount, locale, code.toUpperCase(), 2);
  const number = formatDecimal(amount, locale, undefined, 2);
  return code ? `${number} ${code.toUpperCase()}` : number;
}

/** Stablecoin codes that happen to be three letters must not be taken for ISO currencies. */
const STABLECOINS = new Set(['usdc', 'usdt', 'eurc', 'dai', 'pyusd']);

/** A plain decimal (an exchange rate) with the locale's separators, every digit kept. */
export const formatNumber = (value: string, locale: string) => formatDecimal(value, locale);

/** Date and time of an ISO timestamp ("1 Dec 2026, 14:05"). */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The date alone ("1 Dec 2026"). */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

interface DurationFormatLike {
  format(duration: { minutes?: number; seconds?: number }): string;
}
type DurationFormatCtor = new (locale: string, options: { style: 'short' | 'long' | 'narrow' }) => DurationFormatLike;

/** A countdown's remaining time ("4 min, 5 sec", "4 min y 5 s"): Intl.DurationFormat, or unit-formatted numbers joined as a list. */
export function formatCountdown(totalSeconds: number, locale: string): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  if (DurationFormat) return new DurationFormat(locale, { style: 'short' }).format(minutes ? { minutes, seconds } : { seconds });
  const unit = (value: number, u: 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  // Like DurationFormat, zero units are left out ("1 min", not "1 min, 0 sec").
  const items = [minutes ? unit(minutes, 'minute') : '', seconds || !minutes ? unit(seconds, 'second') : ''].filter(Boolean);
  return new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(items);
}

/** The decimal sign people of `locale` type ("," in es and pt-BR). */
export const decimalSign = (locale: string): '.' | ',' =>
  new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';

/** A two-decimal amount ("1234.50") as the person of `locale` would type it ("1234,50"), for putting back into a field. */
export const amountInput = (amount: string, locale: string) => (decimalSign(locale) === ',' ? amount.replace('.', ',') : amount);
