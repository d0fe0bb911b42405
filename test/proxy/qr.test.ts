/**
 * `GET /api/qr`: the proxy encodes the widget's QR codes. The answer's path
 * is drawn into a bitmap and read back with a real QR decoder (jsqr), and
 * held to lean-qr's own matrix module by module; the route has the session
 * check, CORS, per-session rate limit and access log of `GET /api/session`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import jsqr from 'jsqr';
import { correction, generate } from 'lean-qr';
import { logCapture, startStack, type Stack } from './helpers.ts';

// jsqr is CommonJS: Node's default import is the function itself, while its types declare an ES default export.
const jsQR = ((jsqr as { default?: unknown }).default ?? jsqr) as unknown as typeof jsqr.default;

const ORIGIN = 'https://shop.example';
const SESSION_LIMIT = 30;
const QUIET = 4;

const BR_CODE =
  '00020126580014br.gov.bcb.pix0136123e4567-e89b-12d3-a456-4266141740005204000053039865406500.005802BR5917SpherePay Sandbox6009SAO PAULO62160512A1B2C3D4E5F66304B7C1';

/** The modules the path paints, as rows of booleans; fails on anything but `M{x} {y}h{run}v1h-{run}z` rectangles inside the square. */
function paint(size: number, path: string): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const rect = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/y;
  let lastRowEnd = { y: -1, end: -1 };
  while (rect.lastIndex < path.length) {
    const at = rect.lastIndex;
    const m = rect.exec(path);
    assert.ok(m, `path is a list of one-module-high rectangles (at ${at}: ${path.slice(at, at + 30)})`);
    const [x, y, run, back] = m.slice(1).map(Number) as [number, number, number, number];
    assert.equal(back, run, 'each rectangle closes where it started');
    assert.ok(run >= 1 && x + run <= size && y < size, 'inside the square');
    // Merged runs: a rectangle never starts where the one before it on the same row ended.
    assert.ok(!(lastRowEnd.y === y && lastRowEnd.end >= x), `horizontal runs are merged (row ${y}, x ${x})`);
    for (let i = x; i < x + run; i++) grid[y]![i] = true;
    lastRowEnd = { y, end: x + run };
  }
  return grid;
}

/** Dark modules black, light white, `scale` pixels a module, as jsqr reads an image. */
function rasterize(grid: boolean[][], scale = 4) {
  const side = grid.length * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const v = grid[Math.floor(py / scale)]![Math.floor(px / scale)] ? 0 : 255;
      data.set([v, v, v, 255], (py * side + px) * 4);
    }
  }
  return { data, side };
}

describe('proxy GET /api/qr', () => {
  let stack: Stack;
  const logs = logCapture();
  before(async () => {
    stack = await startStack({ logs, env: { RAMP_ALLOWED_ORIGINS: ORIGIN, RAMP_RATE_LIMIT_SESSION: String(SESSION_LIMIT) } });
  });
  after(() => stack.close());

  const qr = (token: string | undefined, text: string | undefined, headers: Record<string, string> = {}) =>
    stack.call(token, 'GET', text === undefined ? '/api/qr' : `/api/qr?${new URLSearchParams({ text })}`, undefined, headers);

  it('refuses a call without a live session: 401 session/invalid', async () => {
    for (const token of [undefined, 'rs_unknown']) {
      const r = await qr(token, 'hello');
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'session/invalid');
    }
  });

  it('refuses missing, empty, too long, repeated and unknown query fields with 422 validation/failed and a pointer', async () => {
    const { token } = await stack.mint('qr-invalid');
    const cases: [string, string, string | undefined][] = [
      ['/api/qr', '/text', 'required'],
      ['/api/qr?text=', '/text', 'required'],
      [`/api/qr?text=${'a'.repeat(513)}`, '/text', 'tooLong'],
      // Two values arrive as an array (the detail is whatever problem.ts makes of zod's type issue).
      ['/api/qr?text=a&text=b', '/text', undefined],
      ['/api/qr?text=a&size=9', '/size', 'unknownField'],
    ];
    for (const [path, pointer, detail] of cases) {
      const r = await stack.call(token, 'GET', path);
      assert.equal(r.status, 422, path);
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(r.body.code, 'validation/failed', path);
      assert.deepEqual(r.body.errors.map((e: { pointer: string }) => e.pointer), [pointer], path);
      if (detail) assert.equal(r.body.errors[0].detail, detail, path);
    }
  });

  it('answers a path that draws a code decoding back to the text, module for module lean-qr’s at level M', async () => {
    const { token } = await stack.mint('qr-decode');
    const texts = [
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV',
      BR_CODE,
      'a',
      'x'.repeat(512),
      'Depósito €'.repeat(51).slice(0, 512),
    ];
    for (const text of texts) {
      const r = await qr(token, text);
      assert.equal(r.status, 200, text);
      assert.deepEqual(Object.keys(r.body).sort(), ['path', 'size']);
      const { size, path } = r.body as { size: number; path: string };
      const grid = paint(size, path);

      const code = generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M });
      assert.equal(size, code.size + 2 * QUIET, 'the side counts the quiet zone');
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          assert.equal(grid[y]![x], code.get(x - QUIET, y - QUIET), `module (${x}, ${y}) of ${JSON.stringify(text.slice(0, 20))}`);
        }
      }

      const { data, side } = rasterize(grid);
      assert.equal(jsQR(data, side, side)?.data, text, `decodes to ${JSON.stringify(text.slice(0, 20))}…`);
    }
  });

  it('is private, cacheable for a day per token, JSON, with CORS for allowed origins, and counted per session', async () => {
    const { token } = await stack.mint('qr-headers');
    const r = await qr(token, 'cache me', { origin: ORIGIN, 'x-request-id': 'qr-headers-1' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'private, max-age=86400');
    assert.match(r.headers.get('vary') ?? '', /\bAuthorization\b/i, 'a cached answer is not reused for another token');
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal((await qr(token, 'other', { origin: 'https://elsewhere.example' })).headers.get('access-control-allow-origin'), null);
    assert.match(r.headers.get('ratelimit') ?? '', new RegExp(`^limit=${SESSION_LIMIT}, remaining=\\d+, reset=\\d+$`));

    let last = 200;
    for (let i = 0; i < SESSION_LIMIT && last !== 429; i++) last = (await qr(token, `n${i}`)).status;
    assert.equal(last, 429, 'the per-session limit applies');
  });

  it('logs one access line without the text it encoded', async () => {
    const { token } = await stack.mint('qr-log');
    const secretish = '0xAbC0000000000000000000000000000000051ce';
    assert.equal((await qr(token, secretish, { 'x-request-id': 'qr-log-1' })).status, 200);
    const access = () =>
      logs.lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string; method?: string; path?: string; status?: number }).filter((l) => l.reqId === 'qr-log-1' && l.msg === 'request');
    // The line is written once the answer has gone out, which may be just after the client read it.
    for (let i = 0; i < 100 && !access().length; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(access().map((l) => [l.method, l.path, l.status]), [['GET', '/api/qr', 200]]);
    assert.ok(!logs.lines.some((l) => l.includes(secretish)), 'the encoded text is not logged');
  });
});
