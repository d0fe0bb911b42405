import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  decodeBase58, formatIban, isAbaRoutingNumber, isBic, isEvmAddress, isIban, isSolanaAddress, isStarknetAddress, isTronAddress,
  normalizeIban, toChecksumAddress,
} from '../../contract/validators.ts';
import { seeded } from './random.ts';

/** Every string that differs from `value` in exactly one character drawn from `alphabet` (same kind of character). */
function substitutions(value: string, alphabet: string, from = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < value.length; i++) {
    if (!alphabet.includes(value[i]!)) continue;
    for (const ch of alphabet) if (ch !== value[i]) out.push(value.slice(0, i) + ch + value.slice(i + 1));
  }
  return out;
}

describe('IBAN', () => {
  // The ECBS / SWIFT IBAN registry examples.
  const PUBLISHED = [
    'GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300',
    'BE68539007547034', 'CH9300762011623852957', 'NO9386011117947', 'IT60X0542811101000000123456', 'ES9121000418450200051332',
    'AT611904300234573201', 'MT84MALT011000012345MTLCAST001S', 'LC55HEMM000100010012001200023015',
  ];

  /** ISO 13616 check digits for a country and BBAN: 98 - (BBAN + country + "00") mod 97. */
  function checkDigits(country: string, bban: string): string {
    const numeric = [...`${bban}${country}00`].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55))).join('');
    return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
  }

  it('accepts the registry examples, shortest (Norway, 15) to longest (Saint Lucia, 32)', () => {
    for (const iban of PUBLISHED) assert.equal(isIban(iban), true, iban);
  });

  it('accepts them as people write them: in groups of four, in lower case', () => {
    assert.equal(isIban('GB82 WEST 1234 5698 7654 32'), true);
    assert.equal(isIban('  de89 3704 0044 0532 0130 00 '), true);
    assert.equal(normalizeIban(' fr14 2004 1010 0505 0001 3m02 606'), 'FR1420041010050500013M02606');
  });

  it('formats in groups of four for reading', () => {
    assert.equal(formatIban('DE89370400440532013000'), 'DE89 3704 0044 0532 0130 00');
    assert.equal(formatIban('nl91abna0417164300'), 'NL91 ABNA 0417 1643 00');
    assert.equal(formatIban('GB82 WEST 1234 5698 7654 32'), 'GB82 WEST 1234 5698 7654 32');
  });

  it('refuses every one-character substitution of every example', () => {
    for (const iban of PUBLISHED) {
      const variants = [...substitutions(iban, '0123456789'), ...substitutions(iban, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')];
      assert.ok(variants.length > 100);
      for (const variant of variants) assert.equal(isIban(variant), false, variant);
    }
  });

  it('refuses every swap of two neighbouring different digits', () => {
    for (const iban of PUBLISHED) {
      for (let i = 2; i < iban.length - 1; i++) {
        const [a, b] = [iban[i]!, iban[i + 1]!];
        if (a === b || !/\d/.test(a) || !/\d/.test(b)) continue;
        const swapped = iban.slice(0, i) + b + a + iban.slice(i + 2);
        assert.equal(isIban(swapped), false, swapped);
      }
    }
  });

  it('refuses the wrong shape: too short, too long, no country, a symbol', () => {
    for (const bad of ['', 'GB82', 'NO938601111794', `GB82${'1'.repeat(31)}`, '1282WEST12345698765432', 'GBX2WEST12345698765432', 'GB82-WEST-1234-5698-7654-32', 'GB82WEST1234569876543!']) {
      assert.equal(isIban(bad), false, bad);
    }
  });

  it('accepts computed check digits and refuses every other pair (generated BBANs)', () => {
    const r = seeded(11);
    for (let n = 0; n < 40; n++) {
      const country = r.pick(['DE', 'GB', 'FR', 'NL', 'ES']);
      const bban = Array.from({ length: r.int(11, 28) }, () => r.pick([...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).join('');
      const cd = checkDigits(country, bban);
      assert.equal(isIban(`${country}${cd}${bban}`), true, `${country}${cd}${bban}`);
      for (let other = 0; other < 100; other++) {
        const text = String(other).padStart(2, '0');
        if (text !== cd) assert.equal(isIban(`${country}${text}${bban}`), false, `${country}${text}${bban}`);
      }
    }
  });

  it('refuses the check digits 00, 01 and 99, which ISO 13616 never issues though mod 97 lets them through', () => {
    // 00, 01 and 99 are congruent to 97, 98 and 02 mod 97: find BBANs whose real digits are those and swap them.
    const r = seeded(12);
    const wanted = new Map([['97', '00'], ['98', '01'], ['02', '99']]);
    let found = 0;
    for (let n = 0; n < 100_000 && wanted.size; n++) {
      const bban = `WEST${r.digits(14)}`;
      const alias = wanted.get(checkDigits('GB', bban));
      if (!alias) continue;
      wanted.delete(checkDigits('GB', bban));
      assert.equal(isIban(`GB${checkDigits('GB', bban)}${bban}`), true);
      assert.equal(isIban(`GB${alias}${bban}`), false, `GB${alias}${bban}`);
      found++;
    }
    assert.equal(found, 3);
  });
});

describe('ABA routing number', () => {
  // Federal Reserve Bank of Boston, JPMorgan Chase NY, Bank of America, Wells Fargo CA.
  const PUBLISHED = ['011000015', '021000021', '026009593', '121000358'];

  it('accepts published routing numbers', () => {
    for (const aba of PUBLISHED) assert.equal(isAbaRoutingNumber(aba), true, aba);
  });

  it('refuses every one-digit change (weights 3, 7, 1 catch them all)', () => {
    for (const aba of PUBLISHED) {
      const variants = substitutions(aba, '0123456789');
      assert.equal(variants.length, 81);
      for (const variant of variants) assert.equal(isAbaRoutingNumber(variant), false, variant);
    }
  });

  it('refuses anything but nine digits', () => {
    for (const bad of ['', '02100002', '0210000210', '02100002a', ' 021000021', '021 000 021', '021-000-021', '２１000021']) {
      assert.equal(isAbaRoutingNumber(bad), false, bad);
    }
  });

  it('agrees with the 3-7-1 rule on generated numbers', () => {
    const r = seeded(13);
    for (let n = 0; n < 2000; n++) {
      const value = r.digits(9);
      const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
      const sum = [...value].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
      assert.equal(isAbaRoutingNumber(value), sum % 10 === 0, value);
    }
  });
});

describe('BIC', () => {
  it('accepts 8- and 11-character BICs', () => {
    for (const bic of ['DEUTDEFF', 'DEUTDEFF500', 'NEDSZAJJXXX', 'BNPAFRPP', 'CHASUS33', 'BOFAUS3N']) assert.equal(isBic(bic), true, bic);
  });
  it('refuses other lengths, digits in the bank or country code, and lower case', () => {
    for (const bic of ['', 'DEUTDEF', 'DEUTDEFF5', 'DEUTDEFF50', 'DEUTDEFF5000', 'DEU1DEFF', 'DEUTD1FF', 'deutdeff', 'DEUT DEFF']) {
      assert.equal(isBic(bic), false, bic);
    }
  });
});

/** A plain base58 encoder, the reference the decoder is checked against. */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function encodeBase58(bytes: Uint8Array): string {
  let n = BigInt(`0x0${Buffer.from(bytes).toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}
const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : undefined);
const randomBytes = (r: ReturnType<typeof seeded>, length: number) => Uint8Array.from({ length }, () => r.int(0, 255));
const base58check = (payload: Uint8Array) => encodeBase58(Uint8Array.from([...payload, ...sha256(sha256(payload)).subarray(0, 4)]));

describe('base58', () => {
  // Bitcoin Core's src/test/data/base58_encode_decode.json.
  const VECTORS: [string, string][] = [
    ['', ''], ['61', '2g'], ['626262', 'a3gV'], ['636363', 'aPEr'],
    ['73696d706c792061206c6f6e6720737472696e67', '2cFupjhnEsSn59qHXstmK2ffpLv2'],
    ['00eb15231dfceb60925886b67d065299925915aeb172c06647', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L'],
    ['516b6fcd0f', 'ABnLTmg'], ['bf4f89001e670274dd', '3SEo3LWLoPntC'], ['572e4794', '3EFU7m'],
    ['ecac89cad93923c02321', 'EJDM8drfXA6uyA'], ['10c8511e', 'Rt5zm'], ['00000000000000000000', '1111111111'],
  ];

  it('decodes Bitcoin Core\'s test vectors, leading zero bytes included', () => {
    for (const [bytes, text] of VECTORS) assert.equal(hex(decodeBase58(text)), bytes, text);
  });

  it('decodes what the reference encoder writes (generated bytes)', () => {
    const r = seeded(21);
    for (let n = 0; n < 300; n++) {
      const bytes = randomBytes(r, r.int(0, 40));
      if (r.next() < 0.3) bytes.fill(0, 0, r.int(1, 3));
      assert.equal(hex(decodeBase58(encodeBase58(bytes))), hex(bytes), hex(bytes));
    }
  });

  it('refuses the characters base58 leaves out (0, O, I, l) and anything else', () => {
    for (const bad of ['0', 'O', 'I', 'l', '2g0', 'a3gV ', '+', 'é']) assert.equal(decodeBase58(bad), undefined, bad);
  });
});

describe('Tron address (base58check, version 0x41)', () => {
  const PUBLISHED = ['TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'];

  it('accepts published addresses (the second is the USDT contract)', () => {
    for (const address of PUBLISHED) assert.equal(isTronAddress(address), true, address);
  });

  it('refuses every one-character substitution', () => {
    for (const address of PUBLISHED) {
      const variants = substitutions(address, ALPHABET, 1);
      assert.ok(variants.length > 1800);
      for (const variant of variants) assert.equal(isTronAddress(variant), false, variant);
    }
  });

  it('accepts generated addresses and refuses them with a broken checksum or another version byte', () => {
    const r = seeded(22);
    for (let n = 0; n < 200; n++) {
      const account = randomBytes(r, 20);
      const address = base58check(Uint8Array.from([0x41, ...account]));
      assert.equal(isTronAddress(address), true, address);
      const sum = sha256(sha256(Uint8Array.from([0x41, ...account]))).subarray(0, 4);
      sum[r.int(0, 3)] ^= 1 << r.int(0, 7);
      const withBadSum = encodeBase58(Uint8Array.from([0x41, ...account, ...sum]));
      assert.equal(isTronAddress(withBadSum), false, withBadSum);
      const bitcoin = base58check(Uint8Array.from([0x00, ...account]));
      assert.equal(isTronAddress(bitcoin), false, bitcoin);
    }
  });

  it('refuses the wrong length, prefix or alphabet', () => {
    for (const bad of ['', 'T', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU77', 'tLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU0', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L', ` ${PUBLISHED[0]}`]) {
      assert.equal(isTronAddress(bad), false, bad);
    }
  });
});

describe('Solana address (base58 of 32 bytes)', () => {
  it('accepts published keys: the system program, the USDC mint, the token program, wrapped SOL', () => {
    for (const address of ['11111111111111111111111111111111', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', 'So11111111111111111111111111111111111111112']) {
      assert.equal(isSolanaAddress(address), true, address);
    }
  });

  it('accepts any 32 bytes and refuses 31 or 33 (generated keys, 32 to 44 characters)', () => {
    const r = seeded(23);
    const lengths = new Set<number>();
    for (let n = 0; n < 300; n++) {
      const key = randomBytes(r, 32);
      if (r.next() < 0.1) key.fill(0, 0, r.int(1, 4));
      const address = encodeBase58(key);
      lengths.add(address.length);
      assert.equal(isSolanaAddress(address), true, address);
      assert.equal(isSolanaAddress(encodeBase58(randomBytes(r, 31))), false);
      assert.equal(isSolanaAddress(encodeBase58(Uint8Array.from([r.int(1, 255), ...key]))), false);
    }
    assert.ok(lengths.has(44) && lengths.has(43), `lengths seen: ${[...lengths]}`);
  });

  it('refuses too few or too many characters and characters outside base58', () => {
    for (const bad of ['', '1'.repeat(31), '1'.repeat(33), `${'z'.repeat(44)}`, `${'2'.repeat(45)}`, 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt10', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDtlv', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']) {
      assert.equal(isSolanaAddress(bad), false, bad);
    }
  });
});

describe('EVM address (EIP-55)', () => {
  // The test vectors of EIP-55 itself.
  const VECTORS = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];
  // EIP-55's all-caps and all-lower examples.
  const SINGLE_CASE = [
    '0x52908400098527886E0F7030069857D2E4169EE7', '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77', '0x27b1fdb04752bbc536007a920d24acb045561c26',
  ];

  it('accepts the EIP-55 vectors and writes the same checksum from any case', () => {
    for (const address of VECTORS) {
      assert.equal(isEvmAddress(address), true, address);
      assert.equal(toChecksumAddress(address.toLowerCase()), address);
      assert.equal(toChecksumAddress(`0x${address.slice(2).toUpperCase()}`), address);
    }
  });

  it('accepts an address written in one case, which carries no checksum', () => {
    for (const address of [...SINGLE_CASE, ...VECTORS.map((a) => a.toLowerCase()), ...VECTORS.map((a) => `0x${a.slice(2).toUpperCase()}`)]) {
      assert.equal(isEvmAddress(address), true, address);
    }
  });

  it('refuses every vector with one letter\'s case flipped', () => {
    for (const address of VECTORS) {
      let flipped = 0;
      for (let i = 2; i < address.length; i++) {
        const ch = address[i]!;
        if (!/[a-fA-F]/.test(ch)) continue;
        const other = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
        const variant = address.slice(0, i) + other + address.slice(i + 1);
        assert.equal(isEvmAddress(variant), false, variant);
        flipped++;
      }
      assert.ok(flipped > 10);
    }
  });

  it('refuses the wrong length, prefix or characters', () => {
    const a = VECTORS[0]!;
    for (const bad of ['', '0x', a.slice(0, -1), `${a}0`, a.slice(2), `0X${a.slice(2)}`, `${a.slice(0, -1)}g`, ` ${a}`, `${a} `]) {
      assert.equal(isEvmAddress(bad), false, bad);
    }
  });
});

describe('Starknet address', () => {
  it('accepts 0x and 1 to 64 hex digits, and nothing else', () => {
    for (const ok of ['0x1', '0xABCdef', `0x${'f'.repeat(64)}`, '0x049d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7']) assert.equal(isStarknetAddress(ok), true, ok);
    for (const bad of ['', '0x', `0x${'f'.repeat(65)}`, '049d', '0xg', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7']) assert.equal(isStarknetAddress(bad), false, bad);
  });
});
