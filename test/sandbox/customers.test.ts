import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Customer, CustomerList } from '../../contract/spherepay/customer.ts';
import { API_KEY, business, individual, startTestSandbox, type TestSandbox } from './helpers.ts';

describe('sandbox customers', () => {
  let s: TestSandbox;
  before(async () => (s = await startTestSandbox()));
  after(() => s.close());

  it('creates an individual with a kyc_profile_a whose data items are complete', async () => {
    const res = await s.post('/v2/customer', individual());
    assert.equal(res.status, 201);
    assert.ok(Customer.safeParse(res.body).success);
    assert.match(res.body.id, /^customer_[a-z0-9]{32}$/);
    assert.equal(res.body.firstName, 'Jane');
    assert.equal(res.body.createdAt, '2026-03-01T12:00:00.000Z');
    assert.equal(res.body.created, undefined);
    const [profile] = res.body.verificationProfiles;
    assert.equal(profile.name, 'kyc_profile_a');
    assert.equal(profile.status, 'incomplete');
    assert.deepEqual(profile.criteria.complete, ['email_address', 'phone_number', 'residential_address', 'tax_identification_number']);
    assert.deepEqual(profile.criteria.required, ['identity_document', 'terms_of_service', 'liveness_check']);
    assert.deepEqual(profile.criteria.pending, []);
  });

  it('echoes personalInformation without the tax number', async () => {
    const res = await s.post('/v2/customer', individual());
    assert.equal(res.body.personalInformation.taxIdentificationNumberType, 'ssn');
    assert.equal(res.body.personalInformation.taxIdentificationNumber, undefined);
    assert.ok(!JSON.stringify(res.body).includes('123-45-6789'));
  });

  it('lets meta.sandboxRequire choose the enhanced items (OTP, no TOS)', async () => {
    const res = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'otp,liveness_check' } }));
    assert.deepEqual(res.body.verificationProfiles[0].criteria.required, ['identity_document', 'liveness_check', 'email_verification', 'phone_verification']);
    const bad = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'otp,retina_scan' } }));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/meta/sandboxRequire');
  });

  it('creates a business with a kyb_profile_a needing representatives, documents, TOS and MSA', async () => {
    const res = await s.post('/v2/customer', business());
    assert.equal(res.status, 201);
    assert.equal(res.body.businessLegalName, 'Acme Widgets Inc.');
    const [profile] = res.body.verificationProfiles;
    assert.equal(profile.name, 'kyb_profile_a');
    assert.deepEqual(profile.criteria.required, [
      'business_representatives', 'incorporation_cert_document', 'shareholder_registry_document', 'proof_of_address_document',
      'terms_of_service', 'master_service_agreement',
    ]);
    assert.ok(profile.criteria.complete.includes('registered_address') && profile.criteria.complete.includes('regulated_activities'));
  });

  it('gets a customer; a malformed id is 422 and an unknown one 404', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const got = await s.get(`/v2/customer/${body.id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, body);
    const malformed = await s.get('/v2/customer/cust-1');
    assert.equal(malformed.status, 422);
    assert.equal(malformed.body.code, 'validation/failed');
    assert.equal(malformed.body.errors[0].pointer, '/id');
    const unknown = await s.get('/v2/customer/customer_ffffffffffffffffffffffffffffffff');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'resource/not-found');
    assert.match(unknown.body.correlationId, /^[0-9a-f]{32}$/);
  });

  it('lists customers newest first as {customers, pagination} with type and status filters', async () => {
    const fresh = await startTestSandbox();
    try {
      for (let i = 0; i < 3; i++) await fresh.post('/v2/customer', individual());
      await fresh.post('/v2/customer', business());
      const all = await fresh.get('/v2/customer?limit=2');
      assert.equal(all.status, 200);
      assert.ok(CustomerList.safeParse(all.body).success);
      assert.equal(all.body.data, undefined);
      assert.equal(all.body.customers[0].type, 'business');
      assert.deepEqual(all.body.pagination, { page: 1, limit: 2, total: 4, totalPages: 2, hasNext: true, hasPrevious: false });
      const page2 = await fresh.get('/v2/customer?limit=2&page=2');
      assert.deepEqual(page2.body.pagination, { page: 2, limit: 2, total: 4, totalPages: 2, hasNext: false, hasPrevious: true });
      const individuals = await fresh.get('/v2/customer?type=individual');
      assert.equal(individuals.body.pagination.total, 3);
      const approved = await fresh.get('/v2/customer?status=approved');
      assert.equal(approved.body.pagination.total, 0);
      const bad = await fresh.get('/v2/customer?status=happy&limit=1000');
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/limit', '/status']);
    } finally {
      await fresh.close();
    }
  });

  it('refuses bad bodies with 422 and pointers, creating nothing', async () => {
    const fresh = await startTestSandbox();
    try {
      const cases: [unknown, string[]][] = [
        [{ ...individual(), email: 'not-an-email' }, ['/email']],
        [{ ...individual(), phone: 4155550123 }, ['/phone']],
        [{ type: 'individual', email: 'a@b.co' }, ['/address', '/phone']],
        [{ ...individual(), nickname: 'JJ' }, ['/nickname']],
        [{ ...individual(), address: { ...individual().address, country: 'US' } }, ['/address/country']],
        [{ ...individual(), personalInformation: { taxIdentificationNumber: '123456789' } }, ['/personalInformation/taxIdentificationNumberCountry', '/personalInformation/taxIdentificationNumberType']],
        [{ type: 'robot' }, ['/type']],
      ];
      for (const [body, pointers] of cases) {
        const res = await fresh.post('/v2/customer', body);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.equal(res.body.code, 'validation/failed');
        assert.deepEqual(res.body.errors.map((e: { pointer: string }) => e.pointer).sort(), pointers, JSON.stringify(res.body));
      }
      const list = await fresh.get('/v2/customer');
      assert.equal(list.body.pagination.total, 0);
    } finally {
      await fresh.close();
    }
  });

  it('answers malformed JSON, a non-JSON body and an unknown route with ProblemDetails, never 500', async () => {
    const broken = await s.post('/v2/customer', '{"type":', { 'content-type': 'application/json' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.code, 'address/invalid');
    const form = await s.post('/v2/customer', 'type=individual', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 400);
    const unknown = await s.get('/v2/nothing-here');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'resource/not-found');
  });

  it('answers 403 for a missing or wrong API key', async () => {
    for (const authorization of [undefined, 'Bearer wrong', API_KEY, `Basic ${API_KEY}`]) {
      const res = await fetch(`${s.url}/v2/customer`, { headers: authorization ? { authorization } : {} });
      assert.equal(res.status, 403);
      const body = await res.json();
      assert.equal(body.status, 403);
      assert.equal(body.detail, 'Forbidden resource');
      assert.match(body.correlationId, /^[0-9a-f]{32}$/);
    }
    const control = await fetch(`${s.url}/_sandbox/clock`, { method: 'POST' });
    assert.equal(control.status, 403);
  });

  it('patches an individual: address and meta (replaced), tax fields need an address; email and phone are not in the body', async () => {
    const { body } = await s.post('/v2/customer', individual({ meta: { crm: 'a1', tier: 2 } }));
    const res = await s.patch(`/v2/customer/${body.id}`, { address: { line1: '1 Main St', city: 'Austin', country: 'USA' }, meta: { crm: 'b2' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.address.city, 'Austin');
    assert.deepEqual(res.body.meta, { crm: 'b2' });
    const contact = await s.patch(`/v2/customer/${body.id}`, { phone: '+14155550100' });
    assert.equal(contact.status, 422);
    assert.equal(contact.body.errors[0].pointer, '/phone');
    const noAddress = await s.patch(`/v2/customer/${body.id}`, { personalInformation: { taxIdentificationNumber: '987-65-4321', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' } });
    assert.equal(noAddress.status, 422);
    assert.equal(noAddress.body.errors[0].pointer, '/address');
    const biz = await s.post('/v2/customer', business());
    const refused = await s.patch(`/v2/customer/${biz.body.id}`, { meta: { crm: 'c3' } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'address/invalid');
  });

  it('fills tax_identification_number when a patch adds it', async () => {
    const { body } = await s.post('/v2/customer', individual({ personalInformation: { firstName: 'Ann' } }));
    assert.ok(body.verificationProfiles[0].criteria.required.includes('tax_identification_number'));
    const res = await s.patch(`/v2/customer/${body.id}`, {
      address: individual().address,
      personalInformation: { taxIdentificationNumber: '987-65-4321', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' },
    });
    assert.ok(res.body.verificationProfiles[0].criteria.complete.includes('tax_identification_number'));
    assert.equal(res.body.firstName, 'Ann');
  });
});
