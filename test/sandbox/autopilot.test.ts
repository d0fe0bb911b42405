import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVM_ADDRESS, documentForm, individual, startTestSandbox, usdAccount, type TestSandbox } from './helpers.ts';

/** Polls until a read satisfies a condition (bounded; the auto-pilot runs on real timers). */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, label: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sandbox auto-pilot', () => {
  it('approves a submitted profile and walks a funded transfer to succeeded', async () => {
    const s: TestSandbox = await startTestSandbox({ autopilot: { approveAfterSeconds: 0.05, stepSeconds: 0.05 } });
    try {
      const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }));
      await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' }));
      await s.post('/_sandbox/clock', { advanceSeconds: 2 });
      await eventually(() => s.get(`/v2/customer/${body.id}`), (r) => r.body.verificationProfiles[0].status === 'approved', 'approval');
      const bank = (await s.post('/v2/bank-account', usdAccount(body.id))).body.id;
      const wallet = (await s.post('/v2/wallet', { customerId: body.id, address: EVM_ADDRESS, network: 'ethereum' })).body.id;
      const t = (await s.post('/v2/transfer', {
        amount: '20.00', customer: body.id,
        source: { type: 'bank_account', id: bank, currency: 'usd', network: 'wire' },
        destination: { type: 'wallet', id: wallet, currency: 'usdc', network: 'ethereum' },
      })).body;
      await new Promise((r) => setTimeout(r, 100));
      assert.equal((await s.get(`/v2/transfer/${t.id}`)).body.status, 'pendingFunding', 'unfunded transfers wait');
      await s.post(`/_sandbox/transfer/${t.id}/fund`);
      const done = await eventually(() => s.get(`/v2/transfer/${t.id}`), (r) => r.body.status === 'succeeded', 'succeeded');
      assert.ok(done.body.tracking.source.imad);
    } finally {
      await s.close();
    }
  });

  it('is off by default: a pending profile stays pending', async () => {
    const s = await startTestSandbox();
    try {
      const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }));
      await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' }));
      await s.post('/_sandbox/clock', { advanceSeconds: 2 });
      await new Promise((r) => setTimeout(r, 100));
      assert.equal((await s.get(`/v2/customer/${body.id}`)).body.verificationProfiles[0].status, 'pending');
    } finally {
      await s.close();
    }
  });
});
