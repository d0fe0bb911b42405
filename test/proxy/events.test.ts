import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { onRamp, openEvents, startStack, WEBHOOK_SECRET, type Stack } from './helpers.ts';

const sign = (body: string, secret = WEBHOOK_SECRET) => createHmac('sha256', secret).update(body).digest('hex');
const evt = (type: string, data: Record<string, unknown>) =>
  JSON.stringify({ id: 'evt_' + randomBytes(16).toString('hex'), type, createdAt: new Date().toISOString(), data });

describe('proxy webhooks to live events', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ external: true, env: { RAMP_SSE_HEARTBEAT_MS: '50' } });
  });
  after(() => stack.close());

  const post = (body: string, signature?: string) =>
    stack.call(undefined, 'POST', '/webhooks/spherepay', body, { 'content-type': 'application/json', ...(signature ? { signature } : {}) });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const { token, customerId } = await stack.customer('events-forged');
    const forged = evt('customer.kyc.successful', { id: customerId });
    assert.equal((await post(forged)).status, 401);
    assert.equal((await post(forged, sign(forged, 'wrong-secret'))).status, 401);
    assert.equal((await post(forged, 'zz')).status, 401);
    const tampered = forged.replace('customer.kyc.successful', 'customer.kyc.rejected');
    assert.equal((await post(tampered, sign(forged))).status, 401, 'the signature covers the content');
    // D1: a match on the compact re-serialisation (what SpherePay's v1 reference code hashes) is accepted.
    const pretty = JSON.stringify(JSON.parse(evt('customer.kyc.pending', { id: customerId })), null, 2);
    assert.equal((await post(pretty, sign(JSON.stringify(JSON.parse(pretty))))).status, 200);
    const genuine = evt('customer.kyc.pending', { id: customerId });
    assert.equal((await post(genuine, sign(genuine))).status, 200);

    const { stream } = await openEvents(stack, token, '0');
    await stream.until(() => stream.events.length >= 1);
    assert.deepEqual(stream.events.map((e) => e.data.id).slice(-1), [JSON.parse(genuine).id]);
    await stream.cancel();
  });

  it('delivers a duplicated webhook to the stream once', async () => {
    const { token, customerId } = await stack.customer('events-duplicate');
    const { res, stream } = await openEvents(stack, token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(res.headers.get('x-accel-buffering'), 'no');
    const once = evt('customer.kyc.pending', { id: customerId });
    assert.equal((await post(once, sign(once))).status, 200);
    assert.equal((await post(once, sign(once))).status, 200);
    const last = evt('customer.kyc.successful', { id: customerId });
    await post(last, sign(last));
    await stream.until(() => stream.events.some((e) => e.data.id === JSON.parse(last).id));
    assert.equal(stream.events.filter((e) => e.data.id === JSON.parse(once).id).length, 1);
    await stream.cancel();
  });

  it("streams a transfer's status change within one second of the webhook, to its customer only", async () => {
    const s = await stack.funded('events-transfer');
    const other = await stack.customer('events-bystander');
    const created = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'events-1' });
    assert.equal(created.status, 201);
    const mine = await openEvents(stack, s.token);
    const theirs = await openEvents(stack, other.token);
    const sent = Date.now();
    const funded = await stack.call(s.token, 'POST', `/api/sandbox/transfer/${created.body.id}/fund`);
    assert.equal(funded.status, 200, funded.text);
    const isFunded = (x: { event?: string; data?: any }) => x.event === 'transfer.status' && x.data?.data?.status === 'fundsReceived';
    await mine.stream.until(() => mine.stream.events.some(isFunded), 1000);
    assert.ok(Date.now() - sent < 1000);
    const e = mine.stream.events.find(isFunded)!;
    // The normalised LiveEvent (contract/live-events.ts), not SpherePay's envelope.
    assert.deepEqual(Object.keys(e.data).sort(), ['createdAt', 'customerId', 'data', 'id', 'type']);
    assert.deepEqual(e.data.data, { transferId: created.body.id, status: 'fundsReceived' });
    assert.equal(e.data.customerId, s.customerId);
    assert.match(e.id!, /^\d+$/);
    assert.ok(theirs.stream.events.every((x) => x.data?.customerId !== s.customerId));
    await mine.stream.cancel();
    await theirs.stream.cancel();
  });

  it('replays what was missed after Last-Event-ID, and keeps the connection alive with heartbeats', async () => {
    const { token, customerId } = await stack.customer('events-replay');
    const ids = [];
    for (const type of ['customer.kyc.pending', 'customer.kyc.successful', 'customer.tos.successful']) {
      const body = evt(type, { id: customerId });
      ids.push(JSON.parse(body).id);
      await post(body, sign(body));
    }
    const all = await openEvents(stack, token, '0');
    await all.stream.until(() => all.stream.events.length === 3);
    await all.stream.cancel();
    const resumed = await openEvents(stack, token, all.stream.events[0]!.id);
    await resumed.stream.until(() => resumed.stream.events.length === 2 && resumed.stream.comments > 0);
    assert.deepEqual(resumed.stream.events.map((e) => e.data.id), ids.slice(1));
    await resumed.stream.cancel();
  });

  it('starts streaming a customer created while the stream is open', async () => {
    const { token } = await stack.mint('events-late-customer');
    const { stream } = await openEvents(stack, token);
    const created = await stack.call(token, 'POST', '/api/v2/customer', (await import('./helpers.ts')).individual());
    assert.equal(created.status, 201);
    const body = evt('customer.kyc.pending', { id: created.body.id });
    await post(body, sign(body));
    await stream.until(() => stream.events.length === 1);
    await stream.cancel();
  });

  it('needs a valid session for the stream', async () => {
    const r = await fetch(stack.url + '/api/events', { headers: { authorization: 'Bearer rs_nope' } });
    assert.equal(r.status, 401);
    const viaQuery = await fetch(stack.url + '/api/events?token=rs_nope');
    assert.equal(viaQuery.status, 401);
  });
});
