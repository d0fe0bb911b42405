/**
 * Money policy is the merchant's, never the browser's (DESIGN.md): each
 * session carries terms resolved at mint time, and the relay puts the
 * policy's integrator fees on quotes and transfers and refuses, with 422
 * `policy/violation` and a pointer, a body that names other fees, an amount
 * outside the limits, or a direction or currency the policy does not allow.
 */
import { OPEN_POLICY, type PolicyTerms, type SessionPolicy } from '../contract/proxy-api.ts';
import { compare } from '../contract/money.ts';
import { problem } from '../contract/spherepay/problem.ts';
import { HttpProblem } from './errors.ts';

/** The merchant's defaults (RAMP_INTEGRATOR_FEE_BPS, RAMP_INTEGRATOR_FIXED_FEE) with one user's terms laid over them. */
export function resolvePolicy(defaults: { bps: string; fixed: string }, terms: PolicyTerms = {}): SessionPolicy {
  const narrow = <T extends string>(all: readonly string[], allowed: readonly T[] | undefined) =>
    allowed ? all.filter((v) => allowed.includes(v as T)) : [...all];
  return {
    // Fees given per user replace the defaults (a merchant may waive or raise them for one user).
    integratorFeeBps: String(Number(terms.integratorFeeBps ?? defaults.bps)),
    integratorFixedFee: terms.integratorFixedFee ?? defaults.fixed,
    minAmount: terms.minAmount ?? null,
    maxAmount: terms.maxAmount ?? null,
    directions: narrow(OPEN_POLICY.directions, terms.directions),
    currencies: narrow(OPEN_POLICY.currencies, terms.currencies),
  };
}

export const violation = (pointer: string, detail: string) =>
  new HttpProblem(problem(422, 'policy/violation', 'The request is outside the terms the merchant set for this session', [{ pointer, detail }]));

const FIAT = new Set(['usd', 'eur', 'brl']);

interface Endpoint {
  currency?: string;
  network?: string;
  type?: string;
}

function checkFee(body: Record<string, unknown>, field: string, policyValue: string, zero: string) {
  const named = body[field];
  if (named === undefined) return;
  // Same value written differently ("050" vs "50") is still the merchant's fee.
  const same = field === 'integratorBpsFeeRate' ? typeof named === 'string' && BigInt(named) === BigInt(policyValue) : named === policyValue;
  if (!same) {
    throw violation(`/${field}`, policyValue === zero ? 'The merchant charges no such fee: leave it out' : 'The merchant sets this fee: leave it out');
  }
}

function checkAmount(amount: string | undefined, policy: SessionPolicy, pointer: string) {
  if (amount === undefined) return;
  if (policy.minAmount !== null && compare(amount, policy.minAmount) < 0) throw violation(pointer, `Must be at least ${policy.minAmount}`);
  if (policy.maxAmount !== null && compare(amount, policy.maxAmount) > 0) throw violation(pointer, `Must be at most ${policy.maxAmount}`);
}

function checkDirection(direction: 'on-ramp' | 'off-ramp', policy: SessionPolicy, pointer: string) {
  if (!policy.directions.includes(direction)) throw violation(pointer, `The merchant does not offer ${direction} to this user`);
}

function checkCurrency(currency: string | undefined, policy: SessionPolicy, pointer: string) {
  if (currency !== undefined && !policy.currencies.includes(currency)) throw violation(pointer, `The merchant does not offer ${currency} to this user`);
}

/** `POST /v2/quote`: limits, direction and currencies checked; the policy's bps fee filled in. */
export function applyQuotePolicy(body: Record<string, unknown>, policy: SessionPolicy): Record<string, unknown> {
  checkFee(body, 'integratorBpsFeeRate', policy.integratorFeeBps, '0');
  const source = body.source as Endpoint;
  const destination = body.destination as Endpoint;
  checkDirection(FIAT.has(source.currency ?? '') ? 'on-ramp' : 'off-ramp', policy, '/source/currency');
  checkCurrency(source.currency, policy, '/source/currency');
  checkCurrency(destination.currency, policy, '/destination/currency');
  checkAmount(body.amount as string, policy, '/amount');
  const { integratorBpsFeeRate: _named, ...rest } = body;
  return policy.integratorFeeBps !== '0' ? { ...rest, integratorBpsFeeRate: policy.integratorFeeBps } : rest;
}

/**
 * `POST /v2/transfer`, floating-rate: the same checks, and both fees filled
 * in (SpherePay takes no fixed fee on BRL, so there only the bps fee).
 * A quote transfer carries no amount, currencies or fees of its own: those
 * are checked on the quote (`applyQuoteTransferPolicy`).
 */
export function applyTransferPolicy(body: Record<string, unknown>, policy: SessionPolicy): Record<string, unknown> {
  const source = body.source as Endpoint;
  const destination = body.destination as Endpoint;
  checkDirection(source.type === 'bank_account' ? 'on-ramp' : 'off-ramp', policy, '/source/type');
  if (body.quoteId !== undefined) return body;
  checkFee(body, 'integratorBpsFeeRate', policy.integratorFeeBps, '0');
  const brl = source.currency === 'brl' || destination.currency === 'brl';
  if (brl && body.integratorFixedFee !== undefined) throw violation('/integratorFixedFee', 'SpherePay takes no fixed fee on BRL: leave it out');
  checkFee(body, 'integratorFixedFee', policy.integratorFixedFee, '0.00');
  checkCurrency(source.currency, policy, '/source/currency');
  checkCurrency(destination.currency, policy, '/destination/currency');
  checkAmount(body.amount as string, policy, '/amount');
  const { integratorBpsFeeRate: _bps, integratorFixedFee: _fixed, ...rest } = body;
  return {
    ...rest,
    ...(policy.integratorFeeBps !== '0' ? { integratorBpsFeeRate: policy.integratorFeeBps } : {}),
    ...(policy.integratorFixedFee !== '0.00' && !brl ? { integratorFixedFee: policy.integratorFixedFee } : {}),
  };
}

/**
 * A quote transfer redeems a quote made earlier, perhaps under another of
 * this user's sessions with other terms: its amount, currencies and fee must
 * fit this session's policy too.
 */
export function checkQuoteForTransfer(quote: Record<string, unknown> | undefined, policy: SessionPolicy) {
  const q = quote as { source?: { currency?: string; amount?: string }; destination?: { currency?: string }; fees?: { integratorFee?: { bpsRate?: string } } } | undefined;
  const bps = q?.fees?.integratorFee?.bpsRate ?? '0';
  if (!/^\d+$/.test(bps) || BigInt(bps) !== BigInt(policy.integratorFeeBps)) throw violation('/quoteId', 'The quote carries other fees than the merchant sets');
  checkCurrency(q?.source?.currency, policy, '/quoteId');
  checkCurrency(q?.destination?.currency, policy, '/quoteId');
  const amount = q?.source?.amount;
  if (amount !== undefined && /^\d+(\.\d+)?$/.test(amount)) checkAmount(amount, policy, '/quoteId');
}
