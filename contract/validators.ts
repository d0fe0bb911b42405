/**
 * Checksums and formats for bank and wallet identifiers. Pure functions, used
 * by the widget (as the person types), the proxy and the sandbox alike.
 */
import { keccak256, sha256 } from './hashes.ts';

/** ABA routing number: 9 digits, weights 3-7-1, sum divisible by 10. */
export function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

export const normalizeIban = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * IBAN: country, check digits, BBAN; mod-97 of the rearranged number is 1.
 * ISO 13616 check digits run from 02 to 98: 00, 01 and 99 pass mod 97 (they
 * are 97, 98 and 02 again) but are never issued, so they mark a typo.
 */
export function isIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const check = Number(iban.slice(2, 4));
  if (check < 2 || check > 98) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = n > 9 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
  }
  return remainder === 1;
}

/** Groups an IBAN in fours for reading: "DE89 3704 0044 0532 0130 00". */
export const formatIban = (value: string) => normalizeIban(value).replace(/(.{4})(?=.)/g, '$1 ');

/** BIC / SWIFT: 4 bank, 2 country, 2 location, optional 3 branch. */
export const isBic = (value: string) => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value);

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function decodeBase58(value: string): Uint8Array | undefined {
  let n = 0n;
  for (const ch of value) {
    const digit = BASE58.indexOf(ch);
    if (digit < 0) return undefined;
    n = n * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const ch of value) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** Solana: a base58 ed25519 public key, 32 bytes. */
export function isSolanaAddress(value: string): boolean {
  if (!/^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(value)) return false;
  return decodeBase58(value)?.length === 32;
}

const utf8 = new TextEncoder();

/** EVM: 0x + 40 hex; mixed case must carry a valid EIP-55 checksum. */
export function isEvmAddress(value: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return false;
  const body = value.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  return toChecksumAddress(value) === value;
}

export function toChecksumAddress(value: string): string {
  const body = value.slice(2).toLowerCase();
  const digest = keccak256(utf8.encode(body));
  let out = '0x';
  // Character i is upper-cased when nibble i of the digest (high nibble first) is 8 or more.
  for (let i = 0; i < body.length; i++) out += (digest[i >> 1]! >> (i & 1 ? 0 : 4)) & 0x8 ? body[i]!.toUpperCase() : body[i];
  return out;
}

/** Tron: base58check of 0x41 + 20 bytes, 4-byte double-SHA-256 checksum. */
export function isTronAddress(value: string): boolean {
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(value)) return false;
  const bytes = decodeBase58(value);
  if (!bytes || bytes.length !== 25 || bytes[0] !== 0x41) return false;
  const check = sha256(sha256(bytes.subarray(0, 21))).subarray(0, 4);
  return check.every((b, i) => b === bytes[21 + i]);
}

/** Starknet: 0x + up to 64 hex digits (a felt). */
export const isStarknetAddress = (value: string) => /^0x[0-9a-fA-F]{1,64}$/.test(value);
