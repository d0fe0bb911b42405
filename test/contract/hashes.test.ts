import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { keccak_256 as nobleKeccak } from '@noble/hashes/sha3.js';
import { keccak256, sha256 } from '../../contract/hashes.ts';
import { isEvmAddress, isTronAddress, toChecksumAddress } from '../../contract/validators.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

test('keccak-256 matches the published vectors (empty, short, one full block and more)', () => {
  assert.equal(hex(keccak256(utf8(''))), 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  assert.equal(hex(keccak256(utf8('abc'))), '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  assert.equal(hex(keccak256(utf8('The quick brown fox jumps over the lazy dog'))), '4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15');
});

test('keccak-256 agrees with @noble/hashes (a dev dependency) on lengths around the 136-byte rate', () => {
  for (const length of [1, 40, 135, 136, 137, 271, 272, 500]) {
    const data = new Uint8Array(length).map((_, i) => (i * 17 + 3) & 0xff);
    assert.equal(hex(keccak256(data)), hex(nobleKeccak(data)), `length ${length}`);
  }
});

test('sha-256 agrees with node:crypto on lengths around the block boundary', () => {
  for (const length of [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 200, 1000]) {
    const data = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
    assert.equal(hex(sha256(data)), createHash('sha256').update(data).digest('hex'), `length ${length}`);
  }
  assert.equal(hex(sha256(utf8('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('EIP-55 checksums of the specification examples', () => {
  for (const address of [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ]) {
    assert.equal(toChecksumAddress(address.toLowerCase()), address);
    assert.ok(isEvmAddress(address));
  }
  assert.equal(isEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'), false, 'one flipped case fails the checksum');
});

test('Tron base58check with the double SHA-256 checksum', () => {
  assert.ok(isTronAddress('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'));
  assert.equal(isTronAddress('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u'), false);
});
