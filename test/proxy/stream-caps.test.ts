/**
 * Live-event streams are capped per session and per process: past a cap the
 * proxy answers 503 with Retry-After (the widget polls meanwhile) instead of
 * running out of sockets, webhooks are still taken in and reach the open
 * streams, and a closed stream frees its slot.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sign } from '../../sandbox/webhooks.ts';
import { openEvents, startStack, WEBHOOK_SECRET, type Stack } from './helpers.ts';

describe('live event stream caps', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { RAMP_MAX_STREAMS: '3', RAMP_MAX_STREAMS_PER_SESSION: '2', RAMP_SSE_HEARTBEAT_MS: '1000', SPHEREPAY_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  });
  after(() => stack.close());

  /** A refused stream, read as the problem it is. */
  const refused = async (token: string) => {
    const res = await fetch(`${stack.url}/api/events`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 200) await res.body?.cancel();
    return { status: res.status, retryAfter: Number(res.headers.get('retry-after')), body: res.status === 200 ? undefined : ((await res.json()) as { code: string }) };
  };

  it('a session past its cap gets 503 events/session-full with Retry-After; others are unaffected', async () => {
    const a = (await stack.mint('caps-a')).token;
    const first = await openEvents(stack, a);
    const second = await openEvents(stack, a);
    assert.equal(first.res.status, 200);
    assert.equal(second.res.status, 200);
    const third = await refused(a);
    assert.equal(third.status, 503);
    assert.ok(third.retryAfter > 0);
    assert.equal(third.body?.code, 'events/session-full');

    const b = await stack.customer('caps-b');
    const other = await openEvents(stack, b.token);
    assert.equal(other.res.status, 200, 'another session still gets the last process slot');
    const overProcess = await refused((await stack.mint('caps-c')).token);
    assert.equal(overProcess.status, 503);
    assert.ok(overProcess.retryAfter > 0);
    assert.equal(overProcess.body?.code, 'events/process-full');

    // A full process still takes webhooks in and delivers them to the streams it holds.
    const body = JSON.stringify({ id: 'evt_caps_full', type: 'customer.kyc.pending', createdAt: new Date().toISOString(), data: { id: b.customerId } });
    const webhook = await stack.call(undefined, 'POST', '/webhooks/spherepay', body, { 'content-type': 'application/json', signature: sign(WEBHOOK_SECRET, body) });
    assert.equal(webhook.status, 200);
    await other.stream.until(() => other.stream.events.some((e) => e.data?.id === 'evt_caps_full'));

    await first.stream.cancel();
    // The server notices the closed connection asynchronously.
    let reopened = 0;
    for (let i = 0; i < 50 && reopened !== 200; i++) {
      reopened = (await refused(a)).status;
      if (reopened !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(reopened, 200, 'a closed stream frees its slot');
    await second.stream.cancel();
    await other.stream.cancel();
  });
});
