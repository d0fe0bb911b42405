/**
 * The two digests the address checks need, small and synchronous so the
 * browser does not ship a hashing library for one keccak: Keccak-256 (the
 * original padding, as Ethereum uses for EIP-55) and SHA-256 (Tron's
 * base58check). Both are checked against published vectors in
 * test/contract/hashes.test.ts. Not for secrets: no constant-time claims.
 */

/** Rotation offsets of lane x + 5y. */
const ROTATIONS = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
/** Where rho-pi moves lane x + 5y: y + 5((2x + 3y) mod 5). */
const PI = ROTATIONS.map((_, i) => ((i / 5) | 0) + 5 * ((2 * (i % 5) + 3 * ((i / 5) | 0)) % 5));
/**
 * Round constants from the LFSR of the Keccak reference, as 32-bit halves
 * (low word at 2 * round). Lanes are kept as two 32-bit words, low first:
 * measured, BigInt lanes cost ~250 us a hash, too slow for a server that
 * checks an address on every request (issue 15).
 */
const ROUND_CONSTANTS = new Uint32Array(48);
for (let round = 0, r = 1; round < 24; round++) {
  for (let j = 0; j < 7; j++) {
    r = ((r << 1) ^ ((r >> 7) * 0x71)) % 256;
    const bit = (1 << j) - 1;
    if (r & 2) ROUND_CONSTANTS[2 * round + (bit >> 5)]! |= 1 << (bit & 31);
  }
}

const b = new Uint32Array(50);
const c = new Uint32Array(10);

function keccakF(s: Uint32Array) {
  for (let round = 0; round < 24; round++) {
    for (let w = 0; w < 10; w++) c[w] = s[w]! ^ s[w + 10]! ^ s[w + 20]! ^ s[w + 30]! ^ s[w + 40]!;
    for (let w = 0; w < 10; w += 2) {
      const lo = c[(w + 2) % 10]!;
      const hi = c[(w + 3) % 10]!;
      const dLo = c[(w + 8) % 10]! ^ ((lo << 1) | (hi >>> 31));
      const dHi = c[(w + 9) % 10]! ^ ((hi << 1) | (lo >>> 31));
      for (let y = 0; y < 50; y += 10) {
        s[w + y] ^= dLo;
        s[w + y + 1] ^= dHi;
      }
    }
    for (let i = 0; i < 25; i++) {
      const n = ROTATIONS[i]!;
      const lo = n < 32 ? s[2 * i]! : s[2 * i + 1]!;
      const hi = n < 32 ? s[2 * i + 1]! : s[2 * i]!;
      const k = n & 31;
      const to = 2 * PI[i]!;
      b[to] = k ? (lo << k) | (hi >>> (32 - k)) : lo;
      b[to + 1] = k ? (hi << k) | (lo >>> (32 - k)) : hi;
    }
    for (let y = 0; y < 50; y += 10) {
      for (let w = 0; w < 10; w++) s[w + y] = b[w + y]! ^ (~b[((w + 2) % 10) + y]! & b[((w + 4) % 10) + y]!);
    }
    s[0] ^= ROUND_CONSTANTS[2 * round]!;
    s[1] ^= ROUND_CONSTANTS[2 * round + 1]!;
  }
}

/** Keccak-256 (pre-standard padding 0x01, not SHA3-256's 0x06). */
export function keccak256(data: Uint8Array): Uint8Array {
  const rate = 136;
  const padded = new Uint8Array((Math.floor(data.length / rate) + 1) * rate);
  padded.set(data);
  padded[data.length] ^= 0x01;
  padded[padded.length - 1]! ^= 0x80;
  const s = new Uint32Array(50);
  const words = new DataView(padded.buffer);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 4; i++) s[i] ^= words.getUint32(off + 4 * i, true);
    keccakF(s);
  }
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) view.setUint32(4 * i, s[i]!, true);
  return out;
}

/** The first 32 bits of the fractional parts of the square (H) and cube (K) roots of the first primes. */
const SHA_H: number[] = [];
const SHA_K: number[] = [];
for (let candidate = 2; SHA_K.length < 64; candidate++) {
  let prime = true;
  for (let d = 2; d * d <= candidate; d++) if (candidate % d === 0) prime = false;
  if (!prime) continue;
  if (SHA_H.length < 8) SHA_H.push((Math.pow(candidate, 1 / 2) * 2 ** 32) | 0);
  SHA_K.push((Math.pow(candidate, 1 / 3) * 2 ** 32) | 0);
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

export function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = SHA_H.slice();
  const w = new Array<number>(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      w[i] = (w[i - 16]! + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + w[i - 7]! + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10))) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA_K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i]! + v) | 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v >>> 0));
  return out;
}
