/**
 * Routes, rates and fees. A route is one fiat side and one stablecoin side on
 * a valid network (API.md §4.1 matrix, §10 BRL rules). Fees are charged in
 * the source currency and come off the amount before conversion:
 * destination = (amount - platform fee - integrator fee) x rate, rounded
 * half-up to cents.
 */
import { BRL_WALLET_NETWORKS, CURRENCY_RAILS, NETWORK_CURRENCIES, isBrlNetwork, isFiatCurrency } from '../contract/spherepay/matrix.ts';
import { add, bpsOf, compare, multiply, subtract } from '../contract/money.ts';
import type { Fee, Fees } from '../contract/spherepay/quote.ts';
import { badRequest, invalid } from './problems.ts';

/** Units of `to` per unit of `from`. */
export const RATES: Readonly<Record<string, string>> = {
  'usd:usdc': '1.00', 'usd:usdt': '1.00', 'usdc:usd': '1.00', 'usdt:usd': '1.00',
  'eur:eurc': '1.00', 'eurc:eur': '1.00',
  'usd:eurc': '0.92', 'eurc:usd': '1.08', 'eur:usdc': '1.08', 'usdc:eur': '0.92',
  'brl:usdc': '0.1833', 'usdc:brl': '5.455', 'brl:usdt': '0.1833', 'usdt:brl': '5.455',
};

/** Platform fee: a fixed 1.00 when a USD rail (ACH, wire) is involved, else 20 bps. */
export const PLATFORM_FIXED_USD = '1.00';
export const PLATFORM_BPS = '20';

export interface Side {
  currency: string;
  network: string;
}

export interface Route {
  type: 'on_ramp' | 'off_ramp';
  fiat: Side;
  crypto: Side;
  rate: string;
  brl: boolean;
}

/** Checks a source/destination pair; 400 `address/invalid` with a pointer for what does not go together. */
export function route(source: Side, destination: Side, at: { source: string; destination: string } = { source: '/source', destination: '/destination' }): Route {
  const onRamp = isFiatCurrency(source.currency);
  if (onRamp === isFiatCurrency(destination.currency)) {
    throw badRequest('One side must be fiat (usd, eur, brl) and the other a stablecoin (usdc, usdt, eurc)', `${at.destination}/currency`);
  }
  const [fiat, crypto, fiatAt, cryptoAt] = onRamp ? [source, destination, at.source, at.destination] : [destination, source, at.destination, at.source];
  const rails: readonly string[] = CURRENCY_RAILS[fiat.currency as keyof typeof CURRENCY_RAILS];
  if (!rails.includes(fiat.network)) throw badRequest(`${fiat.currency.toUpperCase()} travels on ${rails.join(' or ')}`, `${fiatAt}/network`);
  const coins: readonly string[] = NETWORK_CURRENCIES[crypto.network as keyof typeof NETWORK_CURRENCIES] ?? [];
  if (!coins.includes(crypto.currency)) {
    throw badRequest(`${crypto.currency.toUpperCase()} is not available on ${crypto.network}`, `${cryptoAt}/network`);
  }
  const brl = fiat.currency === 'brl';
  if (brl && !isBrlNetwork(crypto.network)) {
    throw badRequest(`BRL transfers use wallets on ${BRL_WALLET_NETWORKS.join(', ')} only`, `${cryptoAt}/network`);
  }
  const rate = RATES[`${source.currency}:${destination.currency}`];
  if (!rate) throw badRequest(`No rate from ${source.currency} to ${destination.currency}`, `${at.destination}/currency`);
  return { type: onRamp ? 'on_ramp' : 'off_ramp', fiat, crypto, rate, brl };
}

const fee = (fixedAmount: string, bpsRate: string, amount: string, currency: string): Fee => {
  const bpsAmount = bpsOf(amount, bpsRate);
  return { fixedAmount, bpsRate, bpsAmount, totalAmount: add(fixedAmount, bpsAmount), currency };
};

export function price(amount: string, sourceCurrency: string, r: Route, integrator: { fixed?: string; bps?: string }) {
  const usdRail = r.fiat.network === 'ach' || r.fiat.network === 'wire';
  const integratorFee = fee(integrator.fixed ?? '0.00', integrator.bps ?? '0', amount, sourceCurrency);
  const platformFee = usdRail ? fee(PLATFORM_FIXED_USD, '0', amount, sourceCurrency) : fee('0.00', PLATFORM_BPS, amount, sourceCurrency);
  const fees: Fees = { integratorFee, platformFee };
  const total = add(integratorFee.totalAmount, platformFee.totalAmount);
  if (compare(amount, total) <= 0) throw invalid('/amount', `Must be more than the fees (${total} ${sourceCurrency})`);
  return { fees, destinationAmount: multiply(subtract(amount, total), r.rate) };
}

/** Fees as they read on a canceled transfer: zero. */
export const zeroFees = (fees: Fees): Fees => ({
  integratorFee: { ...fees.integratorFee, fixedAmount: '0.00', bpsAmount: '0.00', totalAmount: '0.00' },
  platformFee: { ...fees.platformFee, fixedAmount: '0.00', bpsAmount: '0.00', totalAmount: '0.00' },
});
