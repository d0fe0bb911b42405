import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { documentForm, individual, readyCustomer, startTestSandbox, type TestSandbox } from './helpers.ts';
import { WEBHOOK_EVENT_TYPES } from '../../contract/spherepay/webhook.ts';

interface Received {
  raw: string;
  signature: string | undefined;
  event: { id: string; type: string; createdAt: string; data: { id?: string; status?: string } };
}

/** A webhook receiver on an ephemeral port; `failFirst` answers 500 to the first N deliveries. */
async function startReceiver(failFirst = 0) {
  const received: Received[] = [];
  let failures = failFirst;
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ raw, signature: req.headers.signature as string | undefined, event: JSON.parse(raw) });
      if (failures > 0) {
        failures--;
        res.writeHead(500).end();
      } else res.writeHead(204).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  /** Waits (event-driven, bounded) until a condition on what was received holds. */
  async function until(check: () => boolean, label: string) {
    const deadline = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; got ${received.map((r) => r.event.type).join(', ')}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }
  return { url, received, until, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const SECRET = 'whsec_test';
const sign = (raw: string) => createHmac('sha256', SECRET).update(raw).digest('hex');

describe('sandbox webhooks', () => {
  it('signs each event and sends the resource as GET returns it, through the whole flow', async () => {
    const receiver = await startReceiver();
    const s = await startTestSandbox({ webhook: { url: receiver.url, secret: SECRET } });
    try {
      const c = await readyCustomer(s);
      const t = (await s.post('/v2/transfer', {
        amount: '50.00', customer: c.customer,
        source: { type: 'bank_account', id: c.bank, currency: 'usd', network: 'ach' },
        destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'polygon' },
      })).body;
      await s.post(`/_sandbox/transfer/${t.id}/fund`);
      // D2: the 2026 envelope with `transfer.<v2 status>` names.
      const types = ['customer.kyc.pending', 'customer.kyc.successful', 'bankAccount.create', 'wallet.create', 'transfer.pendingFunding', 'transfer.fundsReceived'];
      await receiver.until(() => types.every((type) => receiver.received.some((r) => r.event.type === type)), types.join());
      for (const r of receiver.received) {
        assert.equal(r.signature, sign(r.raw));
        assert.deepEqual(Object.keys(r.event).sort(), ['createdAt', 'data', 'id', 'type']);
        assert.ok((WEBHOOK_EVENT_TYPES as readonly string[]).includes(r.event.type));
        assert.match(r.event.id, /^evt_[a-z0-9]+$/);
      }
      const funded = receiver.received.find((r) => r.event.type === 'transfer.fundsReceived')!;
      assert.deepEqual(funded.event.data, (await s.get(`/v2/transfer/${t.id}`)).body);
      const approved = receiver.received.find((r) => r.event.type === 'customer.kyc.successful')!;
      assert.equal((approved.event.data as { verificationProfiles: { status: string }[] }).verificationProfiles[0]!.status, 'approved');
      assert.equal(new Set(receiver.received.map((r) => r.event.id)).size, receiver.received.length);
    } finally {
      await s.close();
      await receiver.close();
    }
  });

  it('sends customer.tos.successful when the hosted terms are accepted', async () => {
    const receiver = await startReceiver();
    const s = await startTestSandbox({ webhook: { url: receiver.url, secret: SECRET } });
    try {
      const { body } = await s.post('/v2/customer', individual());
      const { link } = (await s.post(`/v2/customer/${body.id}/tos-link`)).body;
      const token = new URL(link).searchParams.get('token')!;
      await fetch(link, { method: 'POST', body: new URLSearchParams({ token }) });
      await receiver.until(() => receiver.received.some((r) => r.event.type === 'customer.tos.successful'), 'tos');
    } finally {
      await s.close();
      await receiver.close();
    }
  });

  it('retries a failed delivery with the same event id and the same bytes', async () => {
    const receiver = await startReceiver(2);
    const s = await startTestSandbox({ webhookRetry: { attempts: 4, baseDelayMs: 20 } });
    s.sandbox.setWebhook({ url: receiver.url, secret: SECRET });
    try {
      await s.post('/v2/wallet', { customerId: (await s.post('/v2/customer', individual())).body.id, address: '0x52908400098527886e0f7030069857d2e4169ee7', network: 'base' });
      await receiver.until(() => receiver.received.length >= 3, 'three attempts');
      const [first, ...rest] = receiver.received;
      assert.equal(first!.event.type, 'wallet.create');
      for (const r of rest) {
        assert.equal(r.raw, first!.raw);
        assert.equal(r.signature, sign(first!.raw));
      }
    } finally {
      await s.close();
      await receiver.close();
    }
  });

  it('delivers nothing without a webhook url', async () => {
    const receiver = await startReceiver();
    const s = await startTestSandbox({ webhook: { secret: SECRET } });
    try {
      await s.post('/v2/customer', individual());
      await s.post('/_sandbox/clock', { advanceSeconds: 1 });
      assert.equal(receiver.received.length, 0);
    } finally {
      await s.close();
      await receiver.close();
    }
  });
});

describe('sandbox idempotency', () => {
  let s: TestSandbox;
  before(async () => (s = await startTestSandbox()));
  after(() => s.close());

  it('replays the stored response for the same key and body, and creates once', async () => {
    const key = { 'idempotency-key': 'create-jane-1' };
    const first = await s.post('/v2/customer', individual(), key);
    const second = await s.post('/v2/customer', individual(), key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal((await s.get('/v2/customer')).body.pagination.total, 1);
  });

  it('answers 422 for the same key with a different body, changing nothing', async () => {
    const key = { 'idempotency-key': 'create-jane-2' };
    await s.post('/v2/customer', individual(), key);
    const other = await s.post('/v2/customer', individual({ email: 'other@example.com' }), key);
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'validation/failed');
    assert.equal((await s.get('/v2/customer')).body.pagination.total, 2);
  });

  it('replays errors with their status too, and refuses over-long keys', async () => {
    const key = { 'idempotency-key': 'bad-body' };
    const first = await s.post('/v2/customer', { type: 'individual' }, key);
    const second = await s.post('/v2/customer', { type: 'individual' }, key);
    assert.equal(first.status, 422);
    assert.deepEqual({ ...second.body, correlationId: 0 }, { ...first.body, correlationId: 0 });
    const long = await s.post('/v2/customer', individual(), { 'idempotency-key': 'k'.repeat(256) });
    assert.equal(long.status, 422);
    assert.equal((await s.post('/v2/customer', individual(), { 'idempotency-key': 'k'.repeat(255) })).status, 201);
  });

  it('does not double-create under concurrent duplicates', async () => {
    const fresh = await startTestSandbox();
    try {
      const c = await readyCustomer(fresh);
      const body = {
        amount: '75.00', customer: c.customer,
        source: { type: 'bank_account', id: c.bank, currency: 'usd', network: 'ach' },
        destination: { type: 'wallet', id: c.wallet, currency: 'usdc', network: 'polygon' },
      };
      const replies = await Promise.all(Array.from({ length: 8 }, () => fresh.post('/v2/transfer', body, { 'idempotency-key': 'pay-75' })));
      assert.ok(replies.every((r) => r.status === 201 && r.body.id === replies[0]!.body.id));
      assert.equal((await fresh.get('/v2/transfer')).body.pagination.total, 1);
    } finally {
      await fresh.close();
    }
  });

  it('covers multipart uploads: the same document with the same key is uploaded once', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const fields = { targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' };
    const first = await s.post('/v2/document', documentForm(fields), { 'idempotency-key': 'doc-1' });
    const again = await s.post('/v2/document', documentForm(fields), { 'idempotency-key': 'doc-1' });
    assert.equal(first.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });
});

describe('sandbox rate limit', () => {
  it('answers 429 rate-limit/exceeded with Retry-After past the limit, counting reads and writes apart', async () => {
    const s = await startTestSandbox({ rateLimitPerSecond: 5 });
    try {
      // Fire well past the limit at once, so the burst lands within one second.
      const reads = await Promise.all(Array.from({ length: 12 }, () => s.get('/v2/customer')));
      const limited = reads.filter((r) => r.status === 429);
      assert.ok(limited.length >= 1, 'some reads are limited');
      assert.ok(reads.filter((r) => r.status === 200).length <= 10);
      assert.equal(limited[0]!.body.code, 'rate-limit/exceeded');
      assert.equal(limited[0]!.body.status, 429);
      assert.ok(Number(limited[0]!.headers.get('retry-after')) >= 1);
      const write = await s.post('/v2/customer', individual());
      assert.notEqual(write.status, 429, 'writes have their own budget');
    } finally {
      await s.close();
    }
  });
});
