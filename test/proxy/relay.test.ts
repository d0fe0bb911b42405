import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADDRESS, bankAccount, EVM_ADDRESS, onRamp, passportForm, startStack, type Stack } from './helpers.ts';

describe('proxy relay: every allowlisted route works for the session customer', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());

  it('customer: create, get, patch; onboarding links and OTP', async () => {
    const { token, customerId } = await stack.customer('relay-onboarding');
    const got = await stack.call(token, 'GET', `/api/v2/customer/${customerId}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.id, customerId);

    const patched = await stack.call(token, 'PATCH', `/api/v2/customer/${customerId}`, { meta: { plan: 'gold', sandboxRequire: 'none' } });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.meta.plan, 'gold');

    const tos = await stack.call(token, 'POST', `/api/v2/customer/${customerId}/tos-link`);
    assert.equal(tos.status, 201);
    assert.ok(tos.body.link.startsWith(stack.url + '/_sandbox/hosted/'), 'hosted links use the proxy origin');
    const page = await fetch(tos.body.link);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /html/);

    const face = await stack.call(token, 'POST', `/api/v2/customer/${customerId}/face-verification-link`, {});
    assert.ok(face.status === 200 || face.status === 201, face.text);
    assert.equal(typeof face.body.url, 'string');

    const kyc = await stack.call(token, 'POST', `/api/v2/customer/${customerId}/kyc-link`);
    assert.notEqual(kyc.body?.code, 'resource/not-found', kyc.text);
    assert.ok(kyc.status < 500);

    const sent = await stack.call(token, 'POST', `/api/v2/customer/${customerId}/otp-send`, { type: 'email' });
    assert.ok(sent.status === 200 || sent.status === 201, sent.text);
    const verified = await stack.call(token, 'POST', `/api/v2/customer/${customerId}/otp-verify`, { type: 'email', code: '000000' });
    assert.ok(verified.status === 200 || verified.status === 201, verified.text);
    assert.equal(verified.body.customerId, customerId);
  });

  it('document upload is streamed through and moves the identity criterion', async () => {
    const { token, customerId } = await stack.customer('relay-document');
    const up = await stack.call(token, 'POST', '/api/v2/document', passportForm());
    assert.equal(up.status, 201, up.text);
    assert.equal(up.body.targetId, customerId);
    assert.equal(up.body.mimeType, 'application/pdf');
    const c = await stack.call(token, 'GET', `/api/v2/customer/${customerId}`);
    assert.ok(!c.body.verificationProfiles[0].criteria.required.includes('identity_document'));
  });

  it('business representative: create and face link', async () => {
    const { token } = await stack.mint('relay-business');
    const biz = await stack.call(token, 'POST', '/api/v2/customer', {
      type: 'business', email: 'ops@acme.example', phone: '+14155550100',
      addresses: [{ ...ADDRESS, type: 'registered' }, { ...ADDRESS, type: 'operating' }],
      businessInformation: { legalName: 'Acme Inc', tradeName: 'Acme' },
    });
    assert.equal(biz.status, 201, biz.text);
    const rep = await stack.call(token, 'POST', '/api/v2/business-representative', {
      type: 'individual', email: 'ceo@acme.example', phone: '+14155550101', address: ADDRESS, firstName: 'Ada', lastName: 'Lovelace',
      representationDetails: { roles: ['ubo'], ownershipPercentage: '50' },
    });
    assert.equal(rep.status, 201, rep.text);
    assert.equal(rep.body.customerId, biz.body.id);
    const face = await stack.call(token, 'POST', `/api/v2/business-representative/${rep.body.id}/face-verification-link`);
    assert.ok(face.status === 200 || face.status === 201, face.text);
    assert.equal(typeof face.body.url, 'string');
  });

  it('bank accounts and wallets: create, list, get, patch, delete', async () => {
    const { token, customerId } = await stack.approved('relay-instruments');
    const bank = await stack.call(token, 'POST', '/api/v2/bank-account', bankAccount());
    assert.equal(bank.status, 201, bank.text);
    assert.equal(bank.body.customerId, customerId);
    const banks = await stack.call(token, 'GET', '/api/v2/bank-account');
    assert.equal(banks.status, 200);
    assert.deepEqual(banks.body.data.map((b: { id: string }) => b.id), [bank.body.id]);
    assert.equal((await stack.call(token, 'GET', `/api/v2/bank-account/${bank.body.id}`)).body.id, bank.body.id);
    const patched = await stack.call(token, 'PATCH', `/api/v2/bank-account/${bank.body.id}`, { networks: ['ach', 'wire'] });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(patched.body.networks.sort(), ['ach', 'wire']);

    const wallet = await stack.call(token, 'POST', '/api/v2/wallet', { address: EVM_ADDRESS, network: 'ethereum' });
    assert.equal(wallet.status, 201, wallet.text);
    const wallets = await stack.call(token, 'GET', '/api/v2/wallet?page=1&limit=5');
    assert.deepEqual(wallets.body.data.map((w: { id: string }) => w.id), [wallet.body.id]);
    assert.equal((await stack.call(token, 'GET', `/api/v2/wallet/${wallet.body.id}`)).body.id, wallet.body.id);

    // Removing a saved instrument from the widget's list.
    for (const path of [`/api/v2/wallet/${wallet.body.id}`, `/api/v2/bank-account/${bank.body.id}`]) {
      const deleted = await stack.call(token, 'DELETE', path);
      assert.equal(deleted.status, 200, deleted.text);
      assert.deepEqual(deleted.body, { ok: true });
      assert.equal((await stack.call(token, 'GET', path)).status, 404);
    }
  });

  it('quotes: create, get, void', async () => {
    const { token, customerId } = await stack.approved('relay-quote');
    const quote = await stack.call(token, 'POST', '/api/v2/quote', {
      amount: '250.00', source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'ethereum' },
    });
    assert.equal(quote.status, 201, quote.text);
    assert.equal(quote.body.customerId, customerId);
    assert.equal((await stack.call(token, 'GET', `/api/v2/quote/${quote.body.id}`)).body.id, quote.body.id);
    const voided = await stack.call(token, 'PUT', `/api/v2/quote/${quote.body.id}`, { status: 'expired' });
    assert.equal(voided.status, 200, voided.text);
    assert.equal(voided.body.status, 'expired');
  });

  it('transfers: create, get, list, cancel', async () => {
    const s = await stack.funded('relay-transfer');
    const created = await stack.call(s.token, 'POST', '/api/v2/transfer', onRamp(s.bankId, s.walletId), { 'idempotency-key': 'relay-1' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.customer, s.customerId);
    assert.equal(created.body.status, 'pendingFunding');
    const id = created.body.id;
    assert.equal((await stack.call(s.token, 'GET', `/api/v2/transfer/${id}`)).body.id, id);
    const list = await stack.call(s.token, 'GET', '/api/v2/transfer?status=pendingFunding');
    assert.deepEqual(list.body.data.map((t: { id: string }) => t.id), [id]);
    const canceled = await stack.call(s.token, 'DELETE', `/api/v2/transfer/${id}`);
    assert.equal(canceled.status, 200, canceled.text);
    assert.equal(canceled.body.status, 'canceled');
  });

  it('matches routes as Express does: any case, one trailing slash, HEAD like GET, a percent-encoded id', async () => {
    const s = await stack.customer('relay-matching');
    for (const path of [`/api/v2/customer/${s.customerId}`, `/API/V2/Customer/${s.customerId}/`, `/api/v2/customer/${encodeURIComponent(s.customerId).replace('_', '%5F')}`]) {
      const r = await stack.call(s.token, 'GET', path);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      assert.equal(r.body.id, s.customerId);
    }
    const head = await stack.call(s.token, 'HEAD', `/api/v2/customer/${s.customerId}`);
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.equal((await stack.call(s.token, 'GET', `/api/v2/customer/${s.customerId}//`)).status, 404);
  });

  it('answers 404 resource/not-found for every route that is not allowlisted', async () => {
    const s = await stack.funded('relay-unlisted');
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v2/customer'],
      ['DELETE', `/api/v2/customer/${s.customerId}`],
      ['GET', '/api/v2/quote'],
      // DELETE wallet and bank account are relayed now (removing a saved instrument, issue 12).
      ['POST', '/api/v2/virtual-account', { customerId: s.customerId }],
      ['GET', '/api/v2/offloader-wallet'],
      ['POST', '/api/v1/webhook', { url: 'https://evil.example' }],
      ['GET', '/api/v2/../../_sandbox/clock'],
      ['POST', '/api/v2/customer/' + s.customerId + '/unknown-link'],
      ['GET', '/api/nothing'],
    ];
    for (const [method, path, body] of routes) {
      const r = await stack.call(s.token, method, path, body);
      assert.equal(r.status, 404, `${method} ${path}: ${r.text}`);
      assert.equal(r.body.code, 'resource/not-found', `${method} ${path}`);
    }
  });
});
