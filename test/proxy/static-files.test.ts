/**
 * Built files are sent precompressed by Accept-Encoding (brotli, then gzip,
 * then plain), with Vary so caches keep the variants apart, and hashed chunks
 * are cacheable for a year. Over real HTTP with node:http, so the client's
 * Accept-Encoding is exactly what the test says.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import { request, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { negotiatedStatic, sendNegotiated } from '../../proxy-server/static-files.ts';

const SOURCE = 'export const answer = 42;\n'.repeat(50);
let server: Server;
let base: string;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ramp-static-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  writeFileSync(join(dir, 'chunk-abc.js'), SOURCE);
  writeFileSync(join(dir, 'chunk-abc.js.br'), brotliCompressSync(SOURCE));
  writeFileSync(join(dir, 'chunk-abc.js.gz'), gzipSync(SOURCE));
  writeFileSync(join(dir, 'plain-only.js'), SOURCE);
  const app = express();
  app.get('/loader.js', (req, res) => void sendNegotiated(req, res, join(dir, 'chunk-abc.js'), { cacheControl: 'no-cache' }));
  app.use('/files', negotiatedStatic(dir, { cacheControl: 'public, max-age=31536000, immutable', headers: (res) => res.set('access-control-allow-origin', '*') }));
  app.use((_req, res) => void res.status(404).end());
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => server.close());

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test('a browser that accepts brotli gets the .br file, labelled, with Vary and a year of immutable caching', async () => {
  const res = await get('/files/chunk-abc.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.equal(res.headers.vary, 'Accept-Encoding');
  assert.match(String(res.headers['content-type']), /^text\/javascript/);
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.equal(Number(res.headers['content-length']), res.body.length);
  assert.equal(brotliDecompressSync(res.body).toString(), SOURCE);
  assert.ok(res.body.length < SOURCE.length / 5);
});

test('gzip when brotli is not accepted (or refused with q=0); plain when neither is', async () => {
  const gz = await get('/files/chunk-abc.js', { 'accept-encoding': 'gzip, deflate' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.body).toString(), SOURCE);
  const refused = await get('/files/chunk-abc.js', { 'accept-encoding': 'br;q=0, gzip;q=0.8' });
  assert.equal(refused.headers['content-encoding'], 'gzip');
  const plain = await get('/files/chunk-abc.js', { 'accept-encoding': 'identity' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  assert.equal(plain.body.toString(), SOURCE);
  const none = await get('/files/chunk-abc.js');
  assert.equal(none.body.toString(), SOURCE);
});

test('a file built without compressed twins is sent plain; HEAD sends headers only', async () => {
  const res = await get('/files/plain-only.js', { 'accept-encoding': 'br, gzip' });
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.body.toString(), SOURCE);
  const head = await get('/files/chunk-abc.js', { 'accept-encoding': 'br' }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-encoding'], 'br');
  assert.equal(head.body.length, 0);
});

test('a revalidation with the same ETag is answered 304; the loader is revalidated on every load', async () => {
  const first = await get('/loader.js', { 'accept-encoding': 'gzip' });
  assert.equal(first.headers['cache-control'], 'no-cache');
  const again = await get('/loader.js', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
  assert.equal(again.status, 304);
  const otherEncoding = await get('/loader.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
  assert.equal(otherEncoding.status, 200, 'the brotli variant has its own ETag');
});

test('nothing outside the folder, no dotfiles, no compressed twins by name', async () => {
  for (const path of ['/files/../static-files.test.ts', '/files/%2e%2e/package.json', '/files/.vite/manifest.json', '/files/chunk-abc.js.br', '/files/missing.js']) {
    assert.equal((await get(path)).status, 404, path);
  }
});
