/**
 * A kept-alive upstream socket can be closed by SpherePay just as the proxy
 * sends the next request on it. Such a request was never read, so it goes
 * again once on a fresh connection: a POST without Idempotency-Key (a wallet,
 * a bank account) gets its answer instead of a 502. A reset on a fresh
 * connection is not sent again, and neither is a request that timed out
 * (SpherePay may have read it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pino } from 'pino';
import { HttpProblem } from '../../proxy-server/errors.ts';
import { createUpstream } from '../../proxy-server/upstream.ts';

let server: Server;
let url: string;
/** Requests answered, by body; and what each connection has carried. */
const answered: string[] = [];
const perSocket = new WeakMap<Socket, number>();
/** Which request on a connection the server drops without answering (0: none). */
let dropNth = 0;
/** Which request on a connection the server reads and never answers (0: none); what it read. */
let holdNth = 0;
const held: string[] = [];

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve(text));
  });

before(async () => {
  server = createServer(async (req, res) => {
    const nth = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, nth);
    const body = await bodyOf(req);
    if (nth === dropNth) return void req.socket.destroy();
    if (nth === holdNth) return void held.push(body);
    answered.push(body);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `w${answered.length}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const upstream = () => createUpstream({ baseUrl: url, apiKey: 'sk_test', timeoutMs: 10_000, retries: 0, logger: pino({ level: 'silent' }) });
const wallet = (n: number) => ({ method: 'POST' as const, path: '/v2/wallet', json: { n } });

test('a POST on a kept-alive socket the server closed is sent again on a fresh connection, once', async () => {
  answered.length = 0;
  dropNth = 2;
  const up = upstream();
  assert.equal((await up.request(wallet(1))).status, 201);
  // The second request reuses the first one's socket, which the server drops unanswered.
  const second = await up.request(wallet(2));
  assert.equal(second.status, 201);
  assert.deepEqual(answered, ['{"n":1}', '{"n":2}'], 'each wallet answered once');
});

test('a reset on a fresh connection is not sent again', async () => {
  answered.length = 0;
  dropNth = 1;
  await assert.rejects(upstream().request(wallet(3)), (err: unknown) => err instanceof HttpProblem && err.body.status === 502);
  assert.deepEqual(answered, []);
});

test('a POST that timed out on a kept-alive socket is not sent again', async () => {
  answered.length = 0;
  dropNth = 0;
  holdNth = 2;
  const up = createUpstream({ baseUrl: url, apiKey: 'sk_test', timeoutMs: 200, retries: 1, logger: pino({ level: 'silent' }) });
  assert.equal((await up.request(wallet(4))).status, 201);
  await assert.rejects(up.request(wallet(5)), (err: unknown) => err instanceof HttpProblem && err.body.status === 504);
  // Ending the timed-out request closes its socket; nothing may follow on a fresh one.
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(held, ['{"n":5}'], 'read once');
  assert.deepEqual(answered, ['{"n":4}'], 'never sent again');
  holdNth = 0;
});
