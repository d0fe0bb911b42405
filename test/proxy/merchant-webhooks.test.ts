import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logCapture, startStack, WEBHOOK_SECRET, type Stack } from './helpers.ts';

const MERCHANT_SECRET = 'merchant-webhook-secret-test';

interface Received {
  raw: string;
  body: any;
  signature: string;
}

/** The merchant's backend: records every delivery; `answer` decides the status per delivery. */
async function startReceiver() {
  const received: Received[] = [];
  let answer: (r: Received) => number = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const r = { raw, body: JSON.parse(raw), signature: String(req.headers['ramp-signature'] ?? '') };
      received.push(r);
      res.writeHead(answer(r)).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    set answer(f: (r: Received) => number) {
      answer = f;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

async function until(predicate: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What the docs tell a merchant to do with `ramp-signature`. */
function verify(raw: string, header: string, secret: string, nowSeconds: number) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  if (Math.abs(nowSeconds - Number(m[1])) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

describe('merchant webhooks: signed, at least once, in order per customer', () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const logs = logCapture();
  before(async () => {
    receiver = await startReceiver();
    stack = await startStack({
      external: true, logs,
      env: {
        RAMP_MERCHANT_WEBHOOK_URL: receiver.url, RAMP_MERCHANT_WEBHOOK_SECRET: MERCHANT_SECRET,
        RAMP_MERCHANT_WEBHOOK_BACKOFF_MS: '40', RAMP_OUTBOX_POLL_MS: '20',
      },
    });
  });
  after(async () => {
    await stack.close();
    await receiver.close();
  });

  /** A SpherePay webhook for `customerId`, signed as SpherePay signs it, posted to the proxy. */
  async function spherepay(type: string, customerId: string) {
    const id = 'evt_' + randomBytes(16).toString('hex');
    const body = JSON.stringify({ id, type, createdAt: new Date().toISOString(), data: { id: customerId } });
    const r = await stack.call(undefined, 'POST', '/webhooks/spherepay', body, {
      'content-type': 'application/json', signature: createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex'),
    });
    assert.equal(r.status, 200, r.text);
    return id;
  }
  const deliveredIds = (customerId: string) => receiver.received.filter((r) => r.body.customerId === customerId).map((r) => r.body.id);

  it("delivers each event to the merchant's URL, signed, with the merchant's user id", async () => {
    const { customerId } = await stack.customer('merchant-hook-user');
    const id = await spherepay('customer.kyc.successful', customerId);
    await until(() => deliveredIds(customerId).includes(id), 'the delivery');
    const got = receiver.received.find((r) => r.body.id === id)!;
    assert.deepEqual(Object.keys(got.body).sort(), ['createdAt', 'customerId', 'data', 'externalUserId', 'id', 'type']);
    assert.equal(got.body.externalUserId, 'merchant-hook-user');
    assert.equal(got.body.customerId, customerId);
    assert.ok(verify(got.raw, got.signature, MERCHANT_SECRET, Math.floor(Date.now() / 1000)), got.signature);
    assert.ok(!verify(got.raw, got.signature, 'another-secret', Math.floor(Date.now() / 1000)));
    assert.ok(!verify(got.raw.replace(customerId, 'customer_forged'), got.signature, MERCHANT_SECRET, Math.floor(Date.now() / 1000)));
    assert.ok(!verify(got.raw, got.signature, MERCHANT_SECRET, Math.floor(Date.now() / 1000) + 600), 'a signature 10 minutes old is refused');
  });

  it('retries a failing receiver with backoff until it accepts, logging attempts but never the secret', async () => {
    const { customerId } = await stack.customer('merchant-hook-retry');
    let failures = 0;
    receiver.answer = (r) => (r.body.customerId === customerId && failures++ < 3 ? 503 : 200);
    const id = await spherepay('customer.kyc.pending', customerId);
    await until(() => receiver.received.filter((r) => r.body.id === id).length === 4, 'three failures and a success');
    receiver.answer = () => 200;
    const attemptsLogged = () => logs.lines.map((l) => JSON.parse(l)).filter((l) => l.eventId === id && l.component === 'merchant-webhooks');
    // The success is logged once the receiver's answer is back, a moment after it was received.
    await until(() => attemptsLogged().some((l) => l.msg === 'merchant webhook delivered'), 'the delivery logged');
    const attempts = attemptsLogged();
    assert.deepEqual(attempts.map((l) => l.msg), [
      'merchant webhook failed; will retry', 'merchant webhook failed; will retry', 'merchant webhook failed; will retry', 'merchant webhook delivered',
    ]);
    assert.deepEqual(attempts.map((l) => l.attempt), [1, 2, 3, 4]);
    assert.equal(attempts[0].error, 'HTTP 503');
    // Exponential: each wait doubles the one before (40 ms, 80 ms, 160 ms), as each attempt's log line says.
    const waits = attempts.slice(0, 3).map((l) => l.retryInMs);
    assert.deepEqual(waits, [40, 80, 160]);
    assert.ok(!logs.lines.some((l) => l.includes(MERCHANT_SECRET)), 'the secret is never logged');
  });

  it("keeps a customer's events in order while one is retried, without holding up other customers", async () => {
    const a = await stack.customer('merchant-hook-order-a');
    const b = await stack.customer('merchant-hook-order-b');
    let blockA = true;
    receiver.answer = (r) => (r.body.customerId === a.customerId && blockA ? 500 : 200);
    const first = await spherepay('customer.kyc.pending', a.customerId);
    const second = await spherepay('customer.tos.successful', a.customerId);
    const third = await spherepay('customer.kyc.successful', a.customerId);
    const other = await spherepay('customer.kyc.pending', b.customerId);
    await until(() => deliveredIds(b.customerId).includes(other), "the other customer's event");
    await until(() => receiver.received.filter((r) => r.body.id === first).length >= 2, 'a retry of the first event');
    assert.deepEqual([...new Set(deliveredIds(a.customerId))], [first], 'later events wait behind the failing one');
    blockA = false;
    await until(() => deliveredIds(a.customerId).includes(third), 'the rest of the queue');
    assert.deepEqual([...new Set(deliveredIds(a.customerId))], [first, second, third]);
    receiver.answer = () => 200;
  });

  it('loses nothing across a restart: undelivered events go out when the proxy is back', async () => {
    const { customerId } = await stack.customer('merchant-hook-restart');
    receiver.answer = () => 503;
    const ids = [
      await spherepay('customer.kyc.pending', customerId),
      await spherepay('customer.tos.successful', customerId),
      await spherepay('customer.kyc.successful', customerId),
    ];
    await until(() => deliveredIds(customerId).length >= 1, 'a first failed attempt');
    await stack.restart();
    receiver.answer = () => 200;
    await until(() => ids.every((id) => deliveredIds(customerId).includes(id)), 'every event after the restart');
    const accepted = receiver.received.filter((r) => r.body.customerId === customerId).map((r) => r.body.id);
    // At least once, in order: the first may repeat, but no event overtakes one before it.
    assert.deepEqual([...new Set(accepted)], ids);
  });

  it('refuses to start with a webhook URL but no secret', async () => {
    await assert.rejects(startStack({ env: { RAMP_MERCHANT_WEBHOOK_URL: receiver.url } }), /RAMP_MERCHANT_WEBHOOK_SECRET/);
  });
});

describe('merchant webhooks: giving up after 24 hours', () => {
  it("marks an event failed once it has been retried for 24 h, and lets the customer's next event go", async () => {
    const receiver = await startReceiver();
    const logs = logCapture();
    let offset = 0;
    const stack = await startStack({
      external: true, logs, now: () => new Date(Date.now() + offset),
      env: { RAMP_MERCHANT_WEBHOOK_URL: receiver.url, RAMP_MERCHANT_WEBHOOK_SECRET: MERCHANT_SECRET, RAMP_MERCHANT_WEBHOOK_BACKOFF_MS: '40', RAMP_OUTBOX_POLL_MS: '20' },
    });
    try {
      const { customerId } = await stack.customer('merchant-hook-give-up');
      const post = async (type: string, id = 'evt_' + randomBytes(16).toString('hex')) => {
        const body = JSON.stringify({ id, type, createdAt: new Date().toISOString(), data: { id: customerId } });
        await stack.call(undefined, 'POST', '/webhooks/spherepay', body, { 'content-type': 'application/json', signature: createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex') });
        return id;
      };
      // The receiver refuses before the event is posted: the proxy may deliver it before the intake's answer is back.
      const doomed = 'evt_' + randomBytes(16).toString('hex');
      receiver.answer = (r) => (r.body.id === doomed ? 500 : 200);
      await post('customer.kyc.pending', doomed);
      const next = await post('customer.kyc.successful');
      await until(() => receiver.received.filter((r) => r.body.id === doomed).length >= 2, 'retries of the first event');
      assert.ok(!receiver.received.some((r) => r.body.id === next), 'the next event waits while the first is retried');
      offset = 25 * 3600_000;
      await until(() => receiver.received.some((r) => r.body.id === next), 'the next event after giving up');
      const gaveUp = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'merchant webhook given up after 24 h');
      assert.deepEqual(gaveUp.map((l) => l.eventId), [doomed]);
    } finally {
      await stack.close();
      await receiver.close();
    }
  });
});

describe('merchant webhooks: one outbox shared by several proxy processes', () => {
  it('sends each event once, in order, whichever process stored it', async () => {
    const receiver = await startReceiver();
    const env = { RAMP_MERCHANT_WEBHOOK_URL: receiver.url, RAMP_MERCHANT_WEBHOOK_SECRET: MERCHANT_SECRET, RAMP_OUTBOX_POLL_MS: '10' };
    const first = await startStack({ external: true, env });
    const second = await startStack({ external: true, db: first.db, env });
    try {
      const { customerId } = await first.customer('merchant-hook-shared');
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const via = i % 2 ? second : first;
        const id = 'evt_' + randomBytes(16).toString('hex');
        const body = JSON.stringify({ id, type: 'customer.kyc.pending', createdAt: new Date().toISOString(), data: { id: customerId } });
        const r = await via.call(undefined, 'POST', '/webhooks/spherepay', body, { 'content-type': 'application/json', signature: createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex') });
        assert.equal(r.status, 200);
        ids.push(id);
      }
      await until(() => ids.every((id) => receiver.received.some((r) => r.body.id === id)), 'every event');
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(receiver.received.filter((r) => r.body.customerId === customerId).map((r) => r.body.id), ids);
    } finally {
      await second.close();
      await first.close();
      await receiver.close();
    }
  });
});
