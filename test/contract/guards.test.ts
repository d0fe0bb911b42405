/** The shell's hand-written guards say yes exactly where the zod schemas do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProblemDetails, isProxyHealth, isQrCode, isSessionInfo, isSessionMinted } from '../../contract/guards.ts';
import { ProxyHealth, QrCode, SessionInfo, SessionMinted } from '../../contract/proxy-api.ts';
import { ProblemDetails } from '../../contract/spherepay/common.ts';

const odd = [null, undefined, 'x', 1, [], {}, { token: 1 }, { status: '422', detail: 'x' }];

function agree(name: string, guard: (v: unknown) => boolean, schema: { safeParse(v: unknown): { success: boolean } }, samples: unknown[]) {
  for (const sample of [...samples, ...odd]) {
    assert.equal(guard(sample), schema.safeParse(sample).success, `${name}: ${JSON.stringify(sample)}`);
  }
}

test('isSessionMinted agrees with SessionMinted', () => {
  agree('SessionMinted', isSessionMinted, SessionMinted, [
    { token: 't' },
    { token: 't', expiresAt: '2026-12-01T00:00:00Z', customerId: null },
    { token: 't', customerId: 'customer_1', extra: true },
    { token: 't', customerId: 5 },
    { token: 't', expiresAt: null },
    { token: 't', expiresAt: 'x', customerId: null, policy: { integratorFeeBps: '50', integratorFixedFee: '0.00', minAmount: null, maxAmount: null, directions: ['off-ramp'], currencies: ['usdc'] } },
    { token: 't', policy: { integratorFeeBps: 50 } },
    { token: 't', policy: null },
  ]);
});

test('isProxyHealth agrees with ProxyHealth', () => {
  agree('ProxyHealth', isProxyHealth, ProxyHealth, [
    { status: 'ok', service: 'sphere-ramp' },
    { status: 'ok', service: 'sphere-ramp', uptime: 1 },
    { status: 'ok' },
    { status: 'ok', service: 'other' },
    { status: 'down', service: 'sphere-ramp' },
  ]);
});

test('isQrCode agrees with QrCode', () => {
  agree('QrCode', isQrCode, QrCode, [
    { size: 29, path: 'M4 4h7v1h-7z' },
    { size: 29, path: '', extra: true },
    { size: 29 },
    { path: 'M4 4h1v1h-1z' },
    { size: '29', path: 'x' },
    { size: 0, path: 'x' },
    { size: -29, path: 'x' },
    { size: 29.5, path: 'x' },
    { size: 2 ** 53, path: 'x' },
    { size: Number.NaN, path: 'x' },
    { size: Number.POSITIVE_INFINITY, path: 'x' },
    { size: 29, path: null },
  ]);
});

test('isSessionInfo agrees with SessionInfo', () => {
  agree('SessionInfo', isSessionInfo, SessionInfo, [
    { customerId: null, expiresAt: 'x' },
    { customerId: 'customer_1', expiresAt: 'x', more: 1 },
    { customerId: 'customer_1' },
    { expiresAt: 'x' },
    { customerId: null, expiresAt: 'x', policy: { integratorFeeBps: '50', integratorFixedFee: '0.00', minAmount: null, maxAmount: '100.00', directions: ['on-ramp'], currencies: ['usd'] } },
    { customerId: null, expiresAt: 'x', policy: { integratorFeeBps: '50', integratorFixedFee: '0.00', minAmount: null, maxAmount: '100.00', directions: ['on-ramp'], currencies: ['usd'], later: 1 } },
    { customerId: null, expiresAt: 'x', policy: { integratorFeeBps: 50, integratorFixedFee: '0.00', minAmount: null, maxAmount: null, directions: [], currencies: [] } },
    { customerId: null, expiresAt: 'x', policy: { integratorFeeBps: '0', integratorFixedFee: '0.00', minAmount: null, maxAmount: null, directions: [1], currencies: [] } },
    { customerId: null, expiresAt: 'x', policy: null },
  ]);
});

test('isProblemDetails agrees with ProblemDetails', () => {
  agree('ProblemDetails', isProblemDetails, ProblemDetails, [
    { status: 422, detail: 'Invalid', errors: [{ detail: 'Required', pointer: '/email' }] },
    { status: 404, code: 'customer/not-found', detail: 'Not found', correlationId: 'c' },
    { status: 422, detail: 'Invalid', errors: [{ detail: 'Required' }] },
    { status: 422, detail: 'Invalid', errors: {} },
    { status: 500, detail: 'x', code: 7 },
    { status: 500 },
  ]);
});
