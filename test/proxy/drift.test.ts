/**
 * The proxy against a drifted SpherePay (test/support/node/drift-upstream.ts):
 * 24-hex payout ids, fees without bpsAmount, a profile without criteria, an
 * unknown status and network, the lifecycle page's off-ramp deposit shape,
 * 2025 and v1 webhook envelopes. And webhooks of every documented naming and
 * envelope, of any shape or depth, posted directly.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveEvent } from '../../contract/live-events.ts';
import { normaliseWebhook } from '../../proxy-server/webhooks/normalise.ts';
import { startDriftUpstream, UNKNOWN_STATUS, type DriftUpstream } from '../support/node/drift-upstream.ts';
import { onRamp, openEvents, startStack, WEBHOOK_SECRET, type Stack } from './helpers.ts';

const sign = (body: string) => createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
const hex = (n: number) => randomBytes(n).toString('hex').slice(0, n);

describe('proxy against a drifted upstream', () => {
  let stack: Stack;
  let drift: DriftUpstream;
  before(async () => {
    stack = await startStack({
      external: true,
      wrapUpstream: async (url) => {
        drift = await startDriftUpstream(url, WEBHOOK_SECRET);
        return {
          url: drift.url,
          webhooks: (proxyWebhookUrl) => {
            drift.setWebhookTarget(proxyWebhookUrl);
            return drift.webhookUrl;
          },
        };
      },
    });
  });
  after(async () => {
    await stack.close();
    await drift.close();
  });

  it('creates, lists, reads and replays a transfer whose id has 24 hex characters', async () => {
    const s = await stack.funded('drift-transfer');
    const created = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'drift-1' });
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.id, /^payout_[0-9a-f]{24}$/);
    assert.equal(created.body.fees.platformFee.bpsAmount, undefined);
    const again = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'drift-1' });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, created.body.id);
    assert.equal((await stack.call(s.token, 'GET', `/api/v2/transfer/${created.body.id}`)).status, 200);
    const list = await stack.call(s.token, 'GET', '/api/v2/transfer');
    assert.deepEqual(list.body.data.map((t: { id: string }) => t.id), [created.body.id]);
  });

  it('keeps the odd wallet list item out of nothing: every wallet of the customer is passed on', async () => {
    const s = await stack.funded('drift-wallets');
    const list = await stack.call(s.token, 'GET', '/api/v2/wallet');
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 3, 'the real wallet, one on an unknown network, one odd item');
  });

  it('follows a transfer through 2025 and v1 webhook envelopes to the live stream', async () => {
    const s = await stack.funded('drift-events');
    const created = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'drift-2' });
    const { stream } = await openEvents(stack, s.token);
    const id = created.body.id as string;
    for (const status of ['fundsReceived', 'processing', 'succeeded']) {
      const path = status === 'fundsReceived' ? `/api/sandbox/transfer/${id}/fund` : `/api/sandbox/transfer/${id}/advance`;
      const r = await stack.call(s.token, 'POST', path, status === 'fundsReceived' ? undefined : { status });
      assert.equal(r.status, 200, r.text);
    }
    await stream.until(() => stream.events.filter((e) => e.event === 'transfer.status' && e.data.data.transferId === id).length >= 3, 5000);
    const statuses = stream.events.filter((e) => e.event === 'transfer.status').map((e) => e.data.data.status);
    const [funded, middle, done] = statuses.slice(-3);
    assert.deepEqual([funded, done], ['fundsReceived', 'succeeded']);
    // The 2025 envelope carries the drifted (unknown) status, which wins; the v1 one has none, so its name says it.
    assert.ok(middle === UNKNOWN_STATUS || middle === 'processing', middle);
    assert.ok(drift.sent.some((w) => w.envelope === 'v1') && drift.sent.some((w) => w.envelope === '2025'));
    assert.ok(drift.sent.some((w) => w.name === 'payout.funded' || w.name === 'transfer.funded'));
    await stream.cancel();
  });
});

describe('proxy webhooks: every documented naming and envelope, any shape', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ external: true });
  });
  after(() => stack.close());

  const post = (body: string, signature = sign(body)) =>
    stack.call(undefined, 'POST', '/webhooks/spherepay', body, { 'content-type': 'application/json', signature });

  it('normalises 2026, 2025, 2024/v1 and v2-status names to one event shape', () => {
    const customer = 'customer_' + hex(32);
    const t = { id: 'payout_' + hex(32), customer };
    const cases: [unknown, string | undefined][] = [
      [{ id: 'evt_1', type: 'transfer.succeeded', createdAt: 'x', data: { ...t, status: 'succeeded' } }, 'succeeded'],
      [{ id: 'evt_2', type: 'payout.successful', createdAt: 'x', data: t }, 'succeeded'],
      [{ id: 'evt_3', type: 'payout.funded', createdAt: 'x', data: t }, 'fundsReceived'],
      [{ id: 'evt_4', type: 'payout.cancelled', createdAt: 'x', data: t }, 'canceled'],
      [{ id: 'evt_5', type: 'payout.create', createdAt: 'x', data: t }, 'pendingFunding'],
      [{ id: 'event_6', name: 'transfer.cancelled', created: 'x', data: { transfer: t } }, 'canceled'],
      [{ id: 'event_7', name: 'payout.refunded', created: 'x', data: { payout: t } }, 'refunded'],
      [{ id: 'evt_8', type: 'transfer.canceled', createdAt: 'x', data: t }, 'canceled'],
      [{ id: 'evt_9', type: 'payout.somethingNew', createdAt: 'x', data: t }, undefined],
      [{ id: 'evt_10', type: 'payout.processing', createdAt: 'x', data: { ...t, status: 'fundsReceived' } }, 'fundsReceived'],
    ];
    for (const [raw, status] of cases) {
      const e = normaliseWebhook(raw)!;
      assert.ok(LiveEvent.safeParse(e).success, JSON.stringify(raw));
      assert.equal(e.type, 'transfer.status', JSON.stringify(raw));
      assert.deepEqual(e.data, { transferId: t.id, ...(status ? { status } : {}) }, JSON.stringify(raw));
      assert.equal(e.customerId, customer);
    }
    const kyc = normaliseWebhook({ id: 'event_k', name: 'customer.kyc.successful', created: 'x', data: { customer: { id: customer } } })!;
    assert.deepEqual([kyc.type, kyc.data, kyc.customerId], ['customer.verification', { customerId: customer }, customer]);
    const wallet = normaliseWebhook({ id: 'evt_w', type: 'wallet.create', createdAt: 'x', data: { id: 'wallet_1', customerId: customer } })!;
    assert.deepEqual([wallet.type, wallet.data], ['instrument.changed', { kind: 'wallet', id: 'wallet_1' }]);
    assert.equal(normaliseWebhook({ id: 'evt_x', type: 'webhook.create', createdAt: 'x', data: {} })!.type, 'spherepay.event');
    assert.equal(normaliseWebhook([1, 2]), undefined);
    assert.equal(normaliseWebhook({ type: 'payout.create' }), undefined);
  });

  it('delivers a v1-enveloped event to the customer\'s stream as the normalised event', async () => {
    const s = await stack.customer('hooks-v1');
    const { stream } = await openEvents(stack, s.token);
    const body = JSON.stringify({ id: 'event_' + hex(24), name: 'payout.successful', created: new Date().toISOString(), data: { payout: { id: 'payout_' + hex(32), customer: s.customerId } } });
    assert.equal((await post(body)).status, 200);
    await stream.until(() => stream.events.length >= 1);
    const e = stream.events[0]!;
    assert.equal(e.event, 'transfer.status');
    assert.ok(LiveEvent.safeParse(e.data).success);
    assert.equal(e.data.data.status, 'succeeded');
    await stream.cancel();
  });

  it('answers 200 to any correctly signed body: unattributable, unknown, not JSON, or nested 10,000 deep', async () => {
    const before = await eventCount(stack);
    const orphan = JSON.stringify({ id: 'evt_' + hex(32), type: 'transfer.succeeded', createdAt: new Date().toISOString(), data: { id: 'transfer_xyz789', status: 'succeeded', amount: '100.00' } });
    assert.equal((await post(orphan)).status, 200);
    assert.equal(await eventCount(stack), before + 1, 'an event without a customer is kept');
    const deep = `{"id":"evt_${hex(32)}","type":"payout.processing","createdAt":"2026-12-01T00:00:00.000Z","data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    assert.equal((await post(deep)).status, 200);
    assert.equal((await post('not json at all')).status, 200);
    assert.equal((await post('[]')).status, 200);
    assert.equal((await post('{"id":"evt_1"}')).status, 200);
    assert.equal((await post(deep, sign('something else'))).status, 401);
  });
});

async function eventCount(stack: Stack): Promise<number> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(stack.db, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('proxy idempotency after an upstream 2xx', () => {
  let stack: Stack;
  let odd = false;
  let wrapper: ReturnType<typeof createServer> | undefined;
  before(async () => {
    stack = await startStack({
      external: true,
      // An upstream whose create answer the proxy cannot fully read (an id without the payout_ prefix).
      wrapUpstream: async (url) => {
        const target = new URL(url);
        const server = createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on('data', (c: Buffer) => chunks.push(c));
          req.on('end', () => {
            if (odd && req.method === 'POST' && req.url === '/v2/transfer') {
              const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              res.writeHead(201, { 'content-type': 'application/json' })
                .end(JSON.stringify({ id: 'transfer_' + hex(32), type: 'on_ramp', status: 'pendingFunding', source: { id: body.source.id, type: 'bank_account' }, destination: body.destination }));
              return;
            }
            const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
              res.writeHead(r.statusCode ?? 502, r.headers);
              r.pipe(res);
            });
            up.end(Buffer.concat(chunks));
          });
        });
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        wrapper = server;
        return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
      },
    });
  });
  after(async () => {
    await stack.close();
    wrapper?.closeAllConnections();
    await new Promise((r) => wrapper?.close(r));
  });

  it('passes on and replays the upstream 201, never a 404 of its own', async () => {
    const s = await stack.funded('idem-odd');
    odd = true;
    const first = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'odd-1' });
    odd = false;
    assert.equal(first.status, 201, first.text);
    assert.match(first.body.id, /^transfer_/);
    const replay = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'odd-1' });
    assert.equal(replay.status, 201);
    assert.equal(replay.body.id, first.body.id);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');

  });
});
