import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { EVM_ADDRESS, logCapture, openEvents, startStack, WEBHOOK_SECRET, type Stack } from './helpers.ts';

const DAY = 86_400_000;

describe('retention: the periodic purge', () => {
  let stack: Stack;
  let offset = 0;
  const logs = logCapture();
  before(async () => {
    stack = await startStack({
      external: true, logs, now: () => new Date(Date.now() + offset),
      env: { RAMP_EVENT_RETENTION_DAYS: '30', RAMP_PURGE_INTERVAL_MS: '50' },
    });
  });
  after(() => stack.close());

  async function spherepay(customerId: string) {
    const id = 'evt_' + randomBytes(16).toString('hex');
    const body = JSON.stringify({ id, type: 'customer.kyc.pending', createdAt: new Date().toISOString(), data: { id: customerId } });
    const r = await stack.call(undefined, 'POST', '/webhooks/spherepay', body, {
      'content-type': 'application/json', signature: createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex'),
    });
    assert.equal(r.status, 200);
    return id;
  }
  const wallet = (token: string, network: string, key: string) =>
    stack.call(token, 'POST', '/api/v2/wallet', { address: EVM_ADDRESS, network }, { 'idempotency-key': key });
  const purges = () => logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'retention purge');

  it('drops expired sessions, and events and finished idempotency records past the retention period', async () => {
    const { token, customerId } = await stack.customer('retention-user');
    const old = [await spherepay(customerId), await spherepay(customerId)];
    assert.equal((await wallet(token, 'ethereum', 'retention-key')).status, 201);
    const upstreamCalls = () => stack.counter!.count('POST /v2/wallet');
    const calls = upstreamCalls();
    assert.equal((await wallet(token, 'ethereum', 'retention-key')).headers.get('idempotent-replayed'), 'true');
    assert.equal(upstreamCalls(), calls, 'the proxy answers a retry from its own record');

    // 29 days on: the session has expired, but events and keys are still within the period.
    offset = 29 * DAY;
    await waitFor(() => purges().some((p) => p.purged.sessions >= 1), 'the expired session to be purged');
    const early = await stack.mint('retention-user');
    const kept = await openEvents(stack, early.token, '0');
    await kept.stream.until(() => old.every((id) => kept.stream.events.some((e) => e.data.id === id)));
    await kept.stream.cancel();

    // 31 days on: both are past the period.
    offset = 31 * DAY;
    await waitFor(() => purges().some((p) => p.purged.events >= 2 && p.purged.idempotency >= 1), 'events and keys to be purged');
    const later = await stack.mint('retention-user');
    const replay = await openEvents(stack, later.token, '0');
    const fresh = await spherepay(customerId);
    await replay.stream.until(() => replay.stream.events.some((e) => e.data.id === fresh));
    // Everything stored before the period ended (ours and the sandbox's own) has a lower sequence number.
    const freshSeq = Number(replay.stream.events.find((e) => e.data.id === fresh)!.id);
    assert.deepEqual(replay.stream.events.filter((e) => Number(e.id) < freshSeq), [], 'nothing older than the period is replayed');
    await replay.stream.cancel();
    await wallet(later.token, 'ethereum', 'retention-key');
    assert.equal(upstreamCalls(), calls + 1, "the proxy's record of the key is gone, so the retry reaches SpherePay");
  });
});

async function waitFor(predicate: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
