/**
 * Two proxies as separate OS processes on one PostgreSQL database, behind
 * no load balancer but the test itself, which splits requests across them.
 * The sandbox runs on its own port and sends its webhooks to the first
 * process only; a counting forwarder sees every upstream call.
 */
import { after, before, describe, it } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { startSandbox } from '../../sandbox/server.ts';
import { freshSchema, postgresUnavailable } from '../support/node/postgres.ts';
import { startProxyProcess, type ProxyProcess } from '../../dev/processes.ts';
import { API_KEY, individual, onRamp, openEvents, SERVER_SECRET, Stack, startCounter, WEBHOOK_SECRET } from './helpers.ts';

const noPostgres = await postgresUnavailable();
/** The upstream timeout of every process: also how long a dead process's Idempotency-Key claim holds. */
const TIMEOUT_MS = 3000;

/** The normalised live event of a funded transfer (contract/live-events.ts). */
const isFunded = (e: { event?: string; data?: any }) => e.event === 'transfer.status' && e.data?.data?.status === 'fundsReceived';

describe('two proxy processes on one PostgreSQL database', { skip: noPostgres }, () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let counter: Awaited<ReturnType<typeof startCounter>>;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let env: Record<string, string>;
  /** The two proxies, each wrapped in the helpers' Stack (mint, funded, call). */
  let a: Stack;
  let b: Stack;
  const others: ProxyProcess[] = [];

  /** A Stack whose server is a child process; restart() starts a new process on the same database. */
  async function processStack(extra: Record<string, string> = {}, webhooksHere = false) {
    const start = async () => {
      const p = await startProxyProcess({ ...env, ...extra });
      if (webhooksHere) sandbox.setWebhook({ url: `${p.url}/webhooks/spherepay`, secret: WEBHOOK_SECRET });
      return { url: p.url, close: () => p.close(), process: p };
    };
    const server = await start();
    return new Stack(server as never, schema.url, sandbox.clock, counter, start as never, async () => {});
  }

  before(async () => {
    schema = await freshSchema();
    sandbox = await startSandbox({ apiKey: API_KEY, webhook: { secret: WEBHOOK_SECRET } });
    counter = await startCounter(sandbox.url);
    env = {
      SPHEREPAY_API_KEY: API_KEY, SPHEREPAY_BASE_URL: counter.url, SPHEREPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, SPHEREPAY_TIMEOUT_MS: String(TIMEOUT_MS),
      RAMP_SERVER_SECRET: SERVER_SECRET, RAMP_SANDBOX_CONTROLS: '1', RAMP_DB: schema.url, LOG_LEVEL: 'silent',
      RAMP_RATE_LIMIT_IP: '100000', RAMP_RATE_LIMIT_SESSION: '100000',
    };
    // Started together: both run the migrations at once on an empty schema.
    [a, b] = await Promise.all([processStack({}, true), processStack()]);
  });
  after(async () => {
    await Promise.allSettled([a?.close(), b?.close(), ...others.map((p) => p.kill())]);
    await sandbox?.close();
    await counter?.close();
    await schema?.drop();
  });

  const transfers = async (s: Stack, token: string) => (await s.call(token, 'GET', '/api/v2/transfer?limit=100')).body.data as { id: string }[];

  it('a session minted on one works on the other', async () => {
    const { token } = await a.mint('mp-session');
    const r = await b.call(token, 'GET', '/api/session');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.customerId, null);
  });

  it('concurrent first visits split across both make one customer', async () => {
    const [onA, onB] = [await a.mint('mp-first'), await b.mint('mp-first')];
    const before = counter.count('POST /v2/customer');
    // Different bodies (as from two tabs): only the per-user lock, not upstream idempotency, keeps them to one.
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? b.call(onB.token, 'POST', '/api/v2/customer', individual({ email: `first${i}@example.com` }))
        : a.call(onA.token, 'POST', '/api/v2/customer', individual({ email: `first${i}@example.com` })))),
    );
    const created = replies.filter((r) => r.status === 201);
    assert.equal(created.length, 1, replies.map((r) => r.status).join());
    assert.ok(replies.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'customer/exists')), replies.map((r) => r.text).join('\n'));
    assert.equal(counter.count('POST /v2/customer') - before, 1, 'one upstream call');
    assert.equal((await b.mint('mp-first')).customerId, created[0]!.body.id);
    assert.equal((await a.mint('mp-first')).customerId, created[0]!.body.id);
  });

  it('concurrent retries of one transfer split across both make one transfer, and every caller gets its answer', async () => {
    const s = await a.funded('mp-transfer');
    const before = counter.count('POST /v2/transfer');
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? b : a).call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'mp-burst' })),
    );
    assert.deepEqual(replies.map((r) => r.status), [201, 201, 201, 201, 201, 201], replies.map((r) => r.text).join('\n'));
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 5);
    assert.equal(counter.count('POST /v2/transfer') - before, 1, 'one upstream call');
    assert.deepEqual((await transfers(b, s.token)).map((t) => t.id), [replies[0]!.body.id]);
  });

  it('a webhook received by one reaches a stream on the other within a second', async () => {
    const s = await b.funded('mp-webhook');
    const created = await b.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'mp-webhook-1' });
    assert.equal(created.status, 201, created.text);
    const { stream } = await openEvents(b, s.token);
    const sent = Date.now();
    // The sandbox sends its webhooks to process a only.
    const funded = await b.call(s.token, 'POST', `/api/sandbox/transfer/${created.body.id}/fund`);
    assert.equal(funded.status, 200, funded.text);
    await stream.until(() => stream.events.some(isFunded), 1000);
    assert.ok(Date.now() - sent < 1000);
    assert.equal(stream.events.find(isFunded)!.data.data.transferId, created.body.id);
    await stream.cancel();
  });

  it('revocation on one is seen by the other at once, and ends its open streams', async () => {
    const { token } = await a.mint('mp-revoke');
    const { res, stream } = await openEvents(b, token);
    assert.equal(res.status, 200);
    assert.equal((await b.call(token, 'GET', '/api/session')).status, 200);
    const revoked = Date.now();
    assert.equal((await a.call(token, 'DELETE', '/api/session')).status, 204);
    const refused = await b.call(token, 'GET', '/api/session');
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'session/invalid');
    // The stream's own re-check runs every 15 s; the broadcast ends it well before.
    await Promise.race([stream.done, new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open after 1 s')), 1000))]);
    assert.ok(Date.now() - revoked < 1000);
  });

  it('shares rate limits: the configured rate holds for both together', async () => {
    const limited = { RAMP_RATE_LIMIT_SESSION: '6' };
    const [c, d] = await Promise.all([startProxyProcess({ ...env, ...limited }), startProxyProcess({ ...env, ...limited })]);
    others.push(c, d);
    const { token } = await a.mint('mp-limit');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${(i % 2 ? c : d).url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
    await Promise.all([c.close(), d.close()]);
  });

  it('the merchant-webhook outbox is shared: each event goes out once, in order per customer, whichever process received it', async () => {
    const received: { id: string; customerId: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      // A slow receiver, so both processes' senders are busy at once.
      req.on('end', () => setTimeout(() => {
        const e = JSON.parse(body);
        received.push({ id: e.id, customerId: e.customerId });
        res.writeHead(200).end();
      }, 20));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const outbox = {
      RAMP_MERCHANT_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, RAMP_MERCHANT_WEBHOOK_SECRET: 'whsec_merchant_mp', RAMP_OUTBOX_POLL_MS: '50',
    };
    const [c, d] = await Promise.all([startProxyProcess({ ...env, ...outbox }), startProxyProcess({ ...env, ...outbox })]);
    others.push(c, d);
    // Customer ids as SpherePay writes them: the normaliser attributes a customer.* event by the `customer_` prefix (API.md §8.3).
    const customers = ['customer_' + randomBytes(16).toString('hex'), 'customer_' + randomBytes(16).toString('hex')];
    const sent: { id: string; customerId: string }[] = [];
    for (let i = 0; i < 16; i++) {
      const customerId = customers[i % 2]!;
      const id = 'evt_' + randomBytes(16).toString('hex');
      const body = JSON.stringify({ id, type: 'customer.kyc.pending', createdAt: new Date().toISOString(), data: { id: customerId } });
      const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
      const r = await fetch(`${(i % 4 < 2 ? c : d).url}/webhooks/spherepay`, { method: 'POST', headers: { 'content-type': 'application/json', signature }, body });
      assert.equal(r.status, 200);
      sent.push({ id, customerId });
    }
    const deadline = Date.now() + 10_000;
    while (received.length < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(received.length, sent.length, 'each event once: no more, no fewer');
    for (const customerId of customers) {
      assert.deepEqual(received.filter((e) => e.customerId === customerId).map((e) => e.id), sent.filter((e) => e.customerId === customerId).map((e) => e.id), 'in order per customer');
    }
    await Promise.all([c.close(), d.close()]);
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it('a claim left by a process that died is taken over within the upstream timeout', async () => {
    const s = await a.funded('mp-crash');
    // Process c reaches SpherePay through a forwarder that swallows transfer creations: c is mid-request when it dies.
    const stall = await startStall(counter.url, 'POST /v2/transfer');
    const c = await startProxyProcess({ ...env, SPHEREPAY_BASE_URL: stall.url });
    others.push(c);
    const before = counter.count('POST /v2/transfer');
    void fetch(`${c.url}/api/v2/transfer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', 'idempotency-key': 'mp-crash-key' },
      body: JSON.stringify(onRamp(s.bankId, s.walletId)),
    }).catch(() => {});
    await stall.held;
    await c.kill();
    const retried = Date.now();
    const r = await b.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'mp-crash-key' });
    const waited = Date.now() - retried;
    assert.equal(r.status, 201, r.text);
    // Within the upstream timeout of the death (plus scheduling slack on a busy machine), not the minute it used to be.
    assert.ok(waited < TIMEOUT_MS + 2000, `the retry waited ${waited} ms`);
    assert.equal(counter.count('POST /v2/transfer') - before, 1, 'the dead process never reached SpherePay; the retry did, once');
    await stall.close();
  });

  it('both restart with nothing lost', async () => {
    const s = await a.funded('mp-restart');
    const first = await b.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'mp-restart-key' });
    assert.equal(first.status, 201);
    const funded = await a.call(s.token, 'POST', `/api/sandbox/transfer/${first.body.id}/fund`);
    assert.equal(funded.status, 200);
    // Wait for the webhook to be stored before the restart.
    const live = await openEvents(a, s.token, '0');
    await live.stream.until(() => live.stream.events.some((e) => isFunded(e)));
    await live.stream.cancel();

    await Promise.all([a.restart(), b.restart()]);
    for (const p of [a, b]) {
      assert.equal((await p.call(s.token, 'GET', '/api/session')).status, 200, 'the session survives');
      assert.equal((await p.mint('mp-restart')).customerId, s.customerId, 'the mapping survives');
      const replay = await p.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'mp-restart-key' });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.body.id, first.body.id);
      const { stream } = await openEvents(p, s.token, '0');
      await stream.until(() => stream.events.some((e) => isFunded(e)));
      await stream.cancel();
    }
    assert.equal((await transfers(a, s.token)).length, 1);
  });
});

/** Forwards to `target`, except requests matching `hold` ("METHOD /path"), which it keeps open and never answers. */
async function startStall(target: string, hold: string) {
  let heldOne!: () => void;
  const held = new Promise<void>((r) => (heldOne = r));
  const forwarder = await startCounter(target, (key, req) => {
    if (key !== hold) return false;
    req.resume();
    heldOne();
    return true;
  });
  return { url: forwarder.url, held, close: forwarder.close };
}
