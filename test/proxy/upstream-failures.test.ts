import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onRamp, startStack, type Stack } from './helpers.ts';

/** Sits between the proxy and the sandbox: forwards, or answers slowly, or is not listening at all. */
async function startSwitch(target: string) {
  const t = new URL(target);
  let mode: 'forward' | 'slow' = 'forward';
  const pending = new Set<Promise<void>>();
  const server: Server = createServer((req, res) => {
    // Resolves when the sandbox has answered, even if the proxy stopped waiting long before.
    const forward = () =>
      new Promise<void>((done) => {
        const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
          r.on('end', done);
        });
        up.on('error', () => (res.destroy(), done()));
        up.end(body);
      });
    let body = Buffer.alloc(0);
    req.on('data', (c: Buffer) => (body = Buffer.concat([body, c])));
    req.on('end', () => {
      if (mode === 'slow') pending.add(new Promise<void>((r) => setTimeout(r, 1500)).then(forward));
      else void forward();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (m: typeof mode) => (mode = m),
    /** Resolves once every delayed request has been forwarded and answered. */
    settled: () => Promise.all(pending),
    down: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
    up: () => new Promise<void>((r) => server.listen(port, '127.0.0.1', r)),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe('proxy upstream failures: 502 and 504, then recovery', () => {
  let stack: Stack;
  let sw: Awaited<ReturnType<typeof startSwitch>>;
  let s: Awaited<ReturnType<Stack['funded']>>;
  before(async () => {
    stack = await startStack({
      external: true,
      env: { SPHEREPAY_TIMEOUT_MS: '400', SPHEREPAY_RETRIES: '1' },
      wrapUpstream: async (url) => (sw = await startSwitch(url)),
    });
    s = await stack.funded('failures-user');
  });
  after(async () => {
    await stack.close();
    await sw.close().catch(() => {});
  });

  const transfers = async () => (await stack.call(s.token, 'GET', '/api/v2/transfer?limit=100')).body.data as { id: string }[];

  it('answers 502 upstream/unavailable when SpherePay cannot be reached, then recovers', async () => {
    await sw.down();
    const read = await stack.call(s.token, 'GET', '/api/v2/wallet');
    assert.equal(read.status, 502);
    assert.equal(read.body.code, 'upstream/unavailable');
    const write = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'down-key' });
    assert.equal(write.status, 502);
    const ready = await stack.call(undefined, 'GET', '/readyz');
    assert.equal(ready.status, 503);
    assert.equal(ready.body.upstream, false);

    await sw.up();
    assert.equal((await stack.call(s.token, 'GET', '/api/v2/wallet')).status, 200);
    assert.equal((await stack.call(undefined, 'GET', '/readyz')).status, 200);
    const retried = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'down-key' });
    assert.equal(retried.status, 201, retried.text);
    assert.equal((await transfers()).length, 1);
  });

  it('answers 504 upstream/timeout when SpherePay is slow; a retried transfer still exists once', async () => {
    sw.set('slow');
    const read = await stack.call(s.token, 'GET', '/api/v2/wallet');
    assert.equal(read.status, 504);
    assert.equal(read.body.code, 'upstream/timeout');
    const before = (await (sw.set('forward'), transfers())).length;
    sw.set('slow');
    const write = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId, '42.00'), { 'idempotency-key': 'slow-key' });
    assert.equal(write.status, 504);

    sw.set('forward');
    const retried = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId, '42.00'), { 'idempotency-key': 'slow-key' });
    assert.equal(retried.status, 201, retried.text);
    // Let the slow first attempt arrive upstream too: the forwarded key makes it the same transfer.
    await sw.settled();
    const after = await transfers();
    assert.equal(after.length, before + 1);
    assert.ok(after.some((t) => t.id === retried.body.id));
  });
});
