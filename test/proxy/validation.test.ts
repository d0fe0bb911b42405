import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER_SECRET, bankAccount, onRamp, passportForm, startStack, type Stack } from './helpers.ts';

type Funded = Awaited<ReturnType<Stack['funded']>>;

describe('proxy validation: invalid requests never reach SpherePay', () => {
  let stack: Stack;
  let s: Funded;
  before(async () => {
    stack = await startStack({ external: true });
    s = await stack.funded('validation-user');
  });
  after(() => stack.close());

  it('answers 422 with JSON pointers and sends nothing upstream', async () => {
    const cases: [string, string, unknown, string[]][] = [
      ['PATCH', `/api/v2/customer/${'CUSTOMER'}`, { email: 'not-an-email', nickname: 'x' }, ['/email', '/nickname']],
      ['POST', '/api/v2/wallet', { address: '0x1234', network: 'ethereum' }, ['/address']],
      ['POST', '/api/v2/wallet', { address: 'x', network: 'dogecoin' }, ['/network']],
      ['POST', '/api/v2/bank-account', bankAccount({ accountDetails: { accountNumber: '12', routingNumber: '123456789', accountType: 'checking' } }), ['/accountDetails/accountNumber', '/accountDetails/routingNumber']],
      ['PATCH', `/api/v2/bank-account/${'BANK'}`, { networks: [] }, ['/networks']],
      ['POST', '/api/v2/quote', { amount: '10.5', source: { currency: 'usd', network: 'ach' }, destination: { currency: 'usdc', network: 'ethereum' } }, ['/amount']],
      ['POST', '/api/v2/transfer', { ...onRamp('BANK', 'WALLET'), amount: '1e3' }, ['/amount']],
      ['POST', '/api/v2/transfer', { ...onRamp('BANK', 'WALLET'), surprise: true }, ['/surprise']],
      ['POST', `/api/v2/customer/${'CUSTOMER'}/otp-verify`, { type: 'fax', code: '000000' }, ['/type']],
      ['POST', `/api/v2/customer/${'CUSTOMER'}/tos-link`, { extra: 1 }, ['/extra']],
      ['GET', '/api/v2/transfer?status=lost&limit=1000', undefined, ['/status', '/limit']],
      ['GET', '/api/v2/wallet?color=red', undefined, ['/color']],
    ];
    const before = stack.counter!.seen.length;
    for (const [method, rawPath, rawBody, pointers] of cases) {
      const path = rawPath.replace('CUSTOMER', s.customerId).replace('BANK', s.bankId);
      const body = rawBody && JSON.parse(JSON.stringify(rawBody).replaceAll('"BANK"', `"${s.bankId}"`).replaceAll('"WALLET"', `"${s.walletId}"`));
      const r = await stack.call(s.token, method, path, body, { 'idempotency-key': `v-${Math.random()}` });
      assert.equal(r.status, 422, `${method} ${path}: ${r.text}`);
      assert.equal(r.body.code, 'validation/failed');
      const got = r.body.errors.map((e: { pointer: string }) => e.pointer);
      for (const p of pointers) assert.ok(got.includes(p), `${method} ${path}: expected ${p} in ${got}`);
    }
    assert.equal(stack.counter!.seen.length, before, `forwarded: ${stack.counter!.seen.slice(before).join(', ')}`);
  });

  it('tells a value of the wrong type from a missing one', async () => {
    const wallet = await stack.call(s.token, 'POST', '/api/v2/wallet', { address: 42 });
    assert.equal(wallet.status, 422);
    const said = (r: typeof wallet) => Object.fromEntries(r.body.errors.map((e: { pointer: string; detail: string }) => [e.pointer, e.detail]));
    assert.deepEqual(said(wallet), { '/address': 'wrongType', '/network': 'required' });
    const session = await stack.call(SERVER_SECRET, 'POST', '/api/sessions', { externalUserId: 7, ttlSeconds: 'soon' });
    assert.equal(session.status, 422, session.text);
    assert.equal(said(session)['/externalUserId'], 'wrongType');
    assert.equal(said(session)['/ttlSeconds'], 'wrongType');
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with 4xx, no stack trace', async () => {
    const before = stack.counter!.seen.length;
    const malformed = await stack.call(s.token, 'POST', '/api/v2/wallet', '{"address":', { 'content-type': 'application/json' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'validation/failed');
    const text = await stack.call(s.token, 'POST', '/api/v2/wallet', 'address=1', { 'content-type': 'text/plain' });
    assert.equal(text.status, 422);
    const huge = await stack.call(s.token, 'POST', '/api/v2/wallet', { address: 'x'.repeat(300_000), network: 'ethereum' });
    assert.equal(huge.status, 413);
    for (const r of [malformed, text, huge]) assert.ok(!/at .*\.ts:\d+/.test(r.text), r.text);
    assert.equal(stack.counter!.seen.length, before);
  });

  it('checks document uploads by content, fields and size before they reach SpherePay', async () => {
    const before = stack.counter!.count('POST /v2/document');
    const fake = await stack.call(s.token, 'POST', '/api/v2/document', passportForm(undefined, new TextEncoder().encode('just some text pretending to be a PDF')));
    assert.equal(fake.status, 422);
    assert.equal(fake.body.errors[0].pointer, '/file');

    const noCountry = passportForm();
    noCountry.delete('country');
    const missing = await stack.call(s.token, 'POST', '/api/v2/document', noCountry);
    assert.equal(missing.status, 422);
    assert.equal(missing.body.errors[0].pointer, '/country');

    const badType = passportForm();
    badType.set('documentType', 'selfie');
    assert.equal((await stack.call(s.token, 'POST', '/api/v2/document', badType)).status, 422);

    const noFile = new FormData();
    noFile.append('target', 'customer');
    noFile.append('documentType', 'passport');
    noFile.append('country', 'USA');
    const none = await stack.call(s.token, 'POST', '/api/v2/document', noFile);
    assert.equal(none.status, 422);
    assert.equal(none.body.errors[0].pointer, '/file');

    assert.equal((await stack.call(s.token, 'POST', '/api/v2/document', { target: 'customer' })).status, 422);
    assert.equal(stack.counter!.count('POST /v2/document'), before);
  });

  it('aborts an upload over 15 MB: 422 and no document stored', async () => {
    const { token, customerId } = await stack.customer('validation-big-upload');
    const big = new Uint8Array(15 * 1024 * 1024 + 10);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const r = await stack.call(token, 'POST', '/api/v2/document', passportForm(undefined, big));
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.errors[0].pointer, '/file');
    const c = await stack.call(token, 'GET', `/api/v2/customer/${customerId}`);
    const criteria = c.body.verificationProfiles[0].criteria;
    assert.ok(criteria.required.includes('identity_document'), JSON.stringify(criteria));
  });
});
