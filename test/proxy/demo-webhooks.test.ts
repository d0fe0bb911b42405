/** The demo merchant backend as a merchant-webhook receiver, under `npm start` (embedded sandbox). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startStack, type Stack } from './helpers.ts';

describe("the demo backend receives the proxy's merchant webhooks", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { RAMP_OUTBOX_POLL_MS: '50' } });
  });
  after(() => stack.close());

  const received = async (user: string) =>
    ((await (await fetch(`${stack.url}/demo/webhooks`, { headers: { cookie: `demo_user=${user}` } })).json()) as { received: any[] }).received;

  it("verifies and shows what it learned about the signed-in user, without a browser open", async () => {
    const { customerId } = await stack.approved('demo-hooks-user');
    const deadline = Date.now() + 5000;
    let got: any[] = [];
    while (Date.now() < deadline && !(got = await received('demo-hooks-user')).length) await new Promise((r) => setTimeout(r, 50));
    assert.ok(got.length >= 1, 'a webhook reached the demo backend');
    assert.ok(got.every((h) => h.externalUserId === 'demo-hooks-user' && h.customerId === customerId));
    assert.deepEqual(await received('someone-else'), []);
  });

  it('refuses a forged or stale signature', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'customer.verification', createdAt: new Date().toISOString(), externalUserId: 'demo-forged', customerId: null, data: {} });
    const t = Math.floor(Date.now() / 1000);
    for (const signature of [undefined, `t=${t},v1=${createHmac('sha256', 'not-the-secret').update(`${t}.${body}`).digest('hex')}`, 'v1=abc']) {
      const r = await fetch(`${stack.url}/demo/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'ramp-signature': signature } : {}) }, body });
      assert.equal(r.status, 401);
    }
    assert.deepEqual(await received('demo-forged'), []);
  });
});
