/**
 * The proxy never reads an upstream answer whole when it is too large: a
 * 64 MB answer (streamed, with or without Content-Length) is refused with
 * 502 `upstream/too-large` after at most the limit has arrived, and the
 * connection is dropped so the rest is never sent.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { HttpProblem } from '../../proxy-server/errors.ts';
import { createUpstream } from '../../proxy-server/upstream.ts';

const HUGE = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');
let server: Server;
let url: string;
let bytesSent = 0;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/v2/small') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    res.writeHead(200, req.url === '/v2/huge-declared' ? { 'content-type': 'application/json', 'content-length': String(HUGE) } : { 'content-type': 'application/json' });
    let sent = 0;
    const pump = () => {
      while (sent < HUGE) {
        sent += CHUNK.length;
        bytesSent += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = HUGE));
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const upstream = () => createUpstream({ baseUrl: url, apiKey: 'sk_test', timeoutMs: 10_000, retries: 0, logger: pino({ level: 'silent' }), maxAnswerBytes: 1024 * 1024 });

async function refused(path: string) {
  await assert.rejects(upstream().request({ method: 'GET', path }), (err: unknown) => {
    assert.ok(err instanceof HttpProblem);
    assert.equal(err.body.status, 502);
    assert.equal(err.body.code, 'upstream/too-large');
    return true;
  });
}

test('a streamed 64 MB answer is cut off at the limit, not read whole', async () => {
  bytesSent = 0;
  await refused('/v2/huge-streamed');
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(bytesSent < 16 * 1024 * 1024, `the upstream stopped being read (${(bytesSent / 1024 / 1024).toFixed(1)} MB sent of 64)`);
});

test('an answer declaring 64 MB is refused before its body is read', async () => {
  await refused('/v2/huge-declared');
});

test('answers under the limit come through, over a reused keep-alive connection', async () => {
  const u = upstream();
  const sockets = new Set<unknown>();
  server.on('connection', (s) => sockets.add(s));
  for (let i = 0; i < 3; i++) {
    const res = await u.request({ method: 'GET', path: '/v2/small' });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.text), { ok: true });
    assert.equal(res.headers.get('Content-Type'), 'application/json');
  }
  assert.equal(sockets.size, 1, 'one connection for three requests');
});
