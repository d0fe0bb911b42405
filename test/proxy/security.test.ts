import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, bankAccount, logCapture, onRamp, SERVER_SECRET, startStack, type Reply, type Stack } from './helpers.ts';

describe('proxy security and operations', () => {
  let stack: Stack;
  const logs = logCapture();
  const replies: Reply[] = [];
  const record = async (p: Promise<Reply>) => {
    const r = await p;
    replies.push(r);
    return r;
  };
  before(async () => {
    stack = await startStack({
      external: true,
      logs,
      env: { RAMP_ALLOWED_ORIGINS: 'https://shop.example', RAMP_RATE_LIMIT_SESSION: '1000' },
    });
  });
  after(() => stack.close());

  it('never reveals the API key, tokens or account numbers in bodies, headers or logs', async () => {
    const s = await stack.funded('security-key');
    const token = s.token;
    await record(stack.call(token, 'GET', `/api/v2/customer/${s.customerId}`));
    await record(stack.call(token, 'POST', '/api/v2/bank-account', bankAccount({ accountDetails: { accountNumber: '99887766', routingNumber: '021000021', accountType: 'savings' } })));
    await record(stack.call(token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'sec-1' }));
    await record(stack.call(token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'sec-1' }));
    await record(stack.call(token, 'GET', '/api/v2/wallet/wallet_doesnotexist'));
    await record(stack.call('rs_bad', 'GET', '/api/v2/wallet'));
    await record(stack.call(token, 'POST', '/api/v2/wallet', '{bad json', { 'content-type': 'application/json' }));
    await record(stack.call(undefined, 'GET', '/readyz'));
    await record(stack.call(undefined, 'POST', '/webhooks/spherepay', '{}', { signature: 'x' }));
    for (const r of replies) {
      const headers = JSON.stringify([...r.headers]);
      assert.ok(!r.text.includes(API_KEY) && !headers.includes(API_KEY), 'API key in a response');
      assert.ok(!headers.toLowerCase().includes('bearer'), 'credentials in response headers');
    }
    assert.ok(logs.lines.length > 10, 'logs were captured');
    const all = logs.lines.join('\n');
    assert.ok(!all.includes(API_KEY), 'API key in a log line');
    assert.ok(!all.includes(token), 'session token in a log line');
    assert.ok(!all.includes(SERVER_SECRET), 'server secret in a log line');
    assert.ok(!all.includes('99887766'), 'account number in a log line');
    assert.ok(logs.lines.every((l) => JSON.parse(l).reqId !== undefined || !/"path"/.test(l)));
  });

  it('gives a relayed call the same headers as any answer, and one access line', async () => {
    const s = await stack.customer('security-relayed');
    const r = await stack.call(s.token, 'GET', `/api/v2/customer/${s.customerId}`, undefined, { 'x-request-id': 'relayed-1', origin: 'https://shop.example' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-request-id'), 'relayed-1');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(r.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(r.headers.get('ratelimit') ?? '', /^limit=1000, remaining=\d+, reset=\d+$/);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json; charset=utf-8$/);
    const access = () => logs.lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'relayed-1');
    // The line is written once the answer has gone out, which may be just after the client read it.
    for (let i = 0; i < 100 && !access().length; i++) await new Promise((r) => setTimeout(r, 10));
    const lines = access();
    assert.deepEqual(lines.map((l) => [l.msg, l.method, l.path, l.status]), [['request', 'GET', `/api/v2/customer/${s.customerId}`, 200]]);
  });

  it('sets request ids, keeping a sane incoming one', async () => {
    const r = await stack.call(undefined, 'GET', '/healthz');
    assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const mine = await stack.call(undefined, 'GET', '/healthz', undefined, { 'x-request-id': 'trace-123' });
    assert.equal(mine.headers.get('x-request-id'), 'trace-123');
    const evil = await stack.call(undefined, 'GET', '/healthz', undefined, { 'x-request-id': 'a b\tc' });
    assert.notEqual(evil.headers.get('x-request-id'), 'a b\tc');
  });

  it('allows CORS only for the allowlisted origins', async () => {
    const ok = await fetch(stack.url + '/api/v2/wallet', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key' },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
    const evil = await fetch(stack.url + '/api/v2/wallet', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const simple = await fetch(stack.url + '/healthz', { headers: { origin: 'https://evil.example' } });
    assert.equal(simple.headers.get('access-control-allow-origin'), null);
  });

  it('sends helmet headers, and lets only the allowlist frame /embed', async () => {
    const api = await fetch(stack.url + '/healthz');
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(api.headers.get('x-frame-options'), 'SAMEORIGIN');
    const embed = await fetch(stack.url + '/embed');
    assert.equal(embed.headers.get('x-frame-options'), null);
    assert.match(embed.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/shop\.example(;|$)/);
  });

  it('answers /healthz and /readyz', async () => {
    // It says it is a sphere-ramp proxy: the widget checks that before its first form.
    assert.deepEqual((await stack.call(undefined, 'GET', '/healthz')).body, { status: 'ok', service: 'sphere-ramp' });
    const ready = await stack.call(undefined, 'GET', '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready', store: true, upstream: true });
  });

  it('has no sandbox controls in live mode unless RAMP_SANDBOX_CONTROLS=1', async () => {
    const live = await startStack({ external: true, env: { RAMP_SANDBOX_CONTROLS: '0' } });
    try {
      const s = await live.mint('security-live', { customerId: 'customer_0123456789abcdef' });
      assert.equal((await live.call(s.token, 'GET', '/api/sandbox')).status, 404);
      assert.equal((await live.call(s.token, 'POST', '/api/sandbox/customer/approve')).status, 404);
    } finally {
      await live.close();
    }
  });
});

describe('proxy rate limits', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { RAMP_RATE_LIMIT_SESSION: '3', RAMP_RATE_LIMIT_IP: '50' } });
  });
  after(() => stack.close());

  it('limits each session, answering 429 rate-limit/exceeded with Retry-After', async () => {
    const a = await stack.mint('rate-a');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await stack.call(a.token, 'GET', '/api/sandbox')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await stack.call(a.token, 'GET', '/api/sandbox');
    assert.equal(limited.body.code, 'rate-limit/exceeded');
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    const b = await stack.mint('rate-b');
    assert.equal((await stack.call(b.token, 'GET', '/api/sandbox')).status, 200, 'another session is not affected');
  });

  it('limits each IP across sessions', async () => {
    let last = 0;
    // Fixed one-minute windows: 120 calls reach the limit of 50 even when a window boundary falls among them.
    for (let i = 0; i < 120 && last !== 429; i++) last = (await stack.call(undefined, 'GET', '/api/sandbox')).status;
    assert.equal(last, 429);
  });
});
