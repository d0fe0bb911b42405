/**
 * Live-event streams are capped per session and per process: past a cap the
 * proxy answers 503 with Retry-After (the widget polls meanwhile) instead of
 * running out of sockets, webhooks are still taken in and reach the open
 * streams, and a closed stream frees its slot. The per-process cap stays
 * below the open-file limit whatever RAMP_MAX_STREAMS says.
 */

const signedWebhook = (id: string, customerId: string) => {
  const body = JSON.stringify({ id, type: 'customer.kyc.pending', createdAt: new Date().toISOString(), data: { id: customerId } });
  return { method: 'POST', headers: { 'content-type': 'application/json', signature: sign(WEBHOOK_SECRET, body) }, body };
};
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxyProcess } from '../../dev/processes.ts';
import { sign } from '../../sandbox/webhooks.ts';
import { API_KEY, openEvents, readEvents, SERVER_SECRET, startStack, WEBHOOK_SECRET, type Stack } from './helpers.ts';

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
    assert.equal((await fetch(`${stack.url}/webhooks/spherepay`, signedWebhook('evt_caps_full', b.customerId))).status, 200);
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

describe('live event streams on a host with few open files', () => {
  it('stops taking streams well below the open-file limit, and webhooks and sessions still get through', async () => {
    const proxy = await startProxyProcess(
      {
        SPHEREPAY_API_KEY: API_KEY, SPHEREPAY_BASE_URL: 'http://127.0.0.1:9', SPHEREPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, RAMP_SERVER_SECRET: SERVER_SECRET,
        RAMP_DB: join(mkdtempSync(join(tmpdir(), 'ramp-fds-')), 'ramp.db'), LOG_LEVEL: 'silent', RAMP_RATE_LIMIT_IP: '100000', RAMP_RATE_LIMIT_SESSION: '100000',
      },
      { maxOpenFiles: 256 },
    );
    const open: ReturnType<typeof readEvents>[] = [];
    try {
      const mint = async (i: number) => {
        const res = await fetch(`${proxy.url}/api/sessions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SERVER_SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ externalUserId: `fds-${i}`, customerId: `customer_fds${i}` }),
        });
        assert.equal(res.status, 201);
        return ((await res.json()) as { token: string }).token;
      };
      // RAMP_MAX_STREAMS is 10,000 by default: the limit of 256 files is what stops the streams.
      let refused: Response | undefined;
      for (let i = 0; !refused && i < 64; i++) {
        const token = await mint(i);
        for (let k = 0; k < 4 && !refused; k++) {
          const res = await fetch(`${proxy.url}/api/events`, { headers: { authorization: `Bearer ${token}` } });
          if (res.status === 200) open.push(readEvents(res));
          else refused = res;
        }
      }
      assert.ok(refused, 'a stream was refused before the files ran out');
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(((await refused.json()) as { code: string }).code, 'events/process-full');
      assert.ok(open.length > 0 && open.length <= 192, `${open.length} streams open: at most three quarters of the limit`);

      assert.equal((await fetch(`${proxy.url}/webhooks/spherepay`, signedWebhook('evt_fds_full', 'customer_fds0'))).status, 200);
      await open[0]!.until(() => open[0]!.events.some((e) => e.data?.id === 'evt_fds_full'));
      assert.ok(await mint(1000), 'a session can still be minted');
    } finally {
      await Promise.all(open.map((s) => s.cancel()));
      await proxy.close();
    }
  });
});
