/**
 * Deposit instructions (API.md §6.1, D9): where the customer sends funds.
 * On-ramp: SpherePay's bank details for the rail plus a `memo` that matches
 * the payment; off-ramp: a deposit address valid for the network.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DepositAccount } from '../contract/spherepay/transfer.ts';
import { randomHex } from './ids.ts';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function encodeBase58(bytes: Uint8Array): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** A deterministic, valid-looking address for a network, derived from a seed. */
export function depositAddress(network: string, seed: string): string {
  const digest = sha256(`spherepay-sandbox:${network}:${seed}`);
  if (network === 'sol') return encodeBase58(digest);
  if (network === 'tron') {
    const payload = Buffer.concat([Buffer.from([0x41]), digest.subarray(0, 20)]);
    return encodeBase58(Buffer.concat([payload, sha256(sha256(payload)).subarray(0, 4)]));
  }
  if (network === 'starknet') return `0x${digest.toString('hex')}`;
  return `0x${digest.subarray(0, 20).toString('hex')}`;
}

/** A transaction hash in the network's usual form. */
export const transactionHash = (network: string, seed: string) => {
  const digest = sha256(`spherepay-sandbox:tx:${seed}`);
  if (network === 'sol') return encodeBase58(Buffer.concat([digest, sha256(digest)]));
  return network === 'tron' ? digest.toString('hex') : `0x${digest.toString('hex')}`;
};

const BENEFICIARY = 'SpherePay LLC';
const BENEFICIARY_ADDRESS = '1 Sandbox Plaza, New York, NY 10001, USA';

/** CRC-16/CCITT-FALSE, the checksum closing a PIX BR Code. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const tlv = (id: string, value: string) => `${id}${value.length.toString().padStart(2, '0')}${value}`;

function brCode(pixKey: string, amount: string, memo: string): string {
  const body =
    tlv('00', '01') +
    tlv('26', tlv('00', 'br.gov.bcb.pix') + tlv('01', pixKey)) +
    tlv('52', '0000') + tlv('53', '986') + tlv('54', amount) + tlv('58', 'BR') +
    tlv('59', 'SpherePay Sandbox') + tlv('60', 'SAO PAULO') + tlv('62', tlv('05', memo)) + '6304';
  return body + crc16(body);
}

export function onRampDeposit(currency: string, amount: string): DepositAccount {
  const memo = randomHex(12).toUpperCase();
  const common = { bankName: 'Sandbox Bank (SpherePay sandbox)', accountHolderName: BENEFICIARY, bankAddress: '100 Test Street, New York, NY 10004, USA', beneficiaryAddress: BENEFICIARY_ADDRESS, memo };
  if (currency === 'eur') return { type: 'bank_account', bankDetails: { ...common, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } };
  if (currency === 'brl') {
    const pixKey = randomUUID();
    return { type: 'bank_account', bankDetails: { ...common, pixKey, brCode: brCode(pixKey, amount, memo) } };
  }
  return { type: 'bank_account', bankDetails: { ...common, accountType: 'checking', accountNumber: '9876543210', routingNumber: '026009593' } };
}

export function offRampDeposit(transferId: string, network: string, currency: string, amount: string): DepositAccount {
  return { type: 'wallet', walletDetails: { address: depositAddress(network, transferId), network, currency, amount } };
}

/** Rail references as SpherePay's tracking shows them once a payment moves. */
export function fiatTracking(network: string, seed: string): Record<string, string> {
  const h = sha256(`spherepay-sandbox:fiat:${seed}`).toString('hex').toUpperCase();
  if (network === 'ach') return { traceNumber: BigInt(`0x${h.slice(0, 13)}`).toString().padStart(15, '0').slice(0, 15) };
  if (network === 'wire') return { imad: `20260101SANDBOX${h.slice(0, 6)}`, omad: `20260101SANDBOXO${h.slice(6, 12)}` };
  if (network === 'sepa') return { uetr: randomUUID() };
  return { transactionId: `E${h.slice(0, 31)}` };
}
