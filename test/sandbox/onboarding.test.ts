import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Document } from '../../contract/spherepay/document.ts';
import { BusinessRepresentative, HostedLink, TosLink } from '../../contract/spherepay/onboarding.ts';
import { MAX_DOCUMENT_BYTES } from '../../contract/spherepay/document.ts';
import { PNG, business, documentForm, individual, startTestSandbox, type TestSandbox } from './helpers.ts';

const criteria = (customer: any) => customer.verificationProfiles[0].criteria;

/** Opens a hosted link like a browser: GET the page, then submit its form. */
async function confirmHosted(link: string) {
  const page = await fetch(link);
  const html = await page.text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  assert.ok(token && action, html);
  const res = await fetch(new URL(action!, link), { method: 'POST', body: new URLSearchParams({ token: token! }) });
  return { page, html, res, done: await res.text() };
}

describe('sandbox onboarding: documents, hosted links, OTP, representatives', () => {
  let s: TestSandbox;
  before(async () => (s = await startTestSandbox()));
  after(() => s.close());

  it('takes an individual from incomplete to pending through a document, TOS and face links, then approval', async () => {
    const { body: customer } = await s.post('/v2/customer', individual());
    const id = customer.id;

    const upload = await s.post('/v2/document', documentForm({ targetId: id, target: 'customer', documentType: 'passport', country: 'USA', description: 'Passport photo page' }, undefined, 'passport.pdf'));
    assert.equal(upload.status, 201);
    assert.ok(Document.safeParse(upload.body).success);
    assert.equal(upload.body.mimeType, 'application/pdf');
    assert.equal(upload.body.fileName, 'passport.pdf');
    assert.equal(upload.body.createdAt, '2026-03-01T12:00:00.000Z');

    let now = (await s.get(`/v2/customer/${id}`)).body;
    assert.deepEqual(criteria(now).pending, ['identity_document']);
    s.clock.advance(1);
    assert.deepEqual(criteria((await s.get(`/v2/customer/${id}`)).body).pending, ['identity_document']);
    s.clock.advance(1);
    now = (await s.get(`/v2/customer/${id}`)).body;
    assert.deepEqual(criteria(now).pending, []);
    assert.ok((criteria(now).complete as string[]).includes('identity_document'));

    const tos = await s.post(`/v2/customer/${id}/tos-link`);
    assert.equal(tos.status, 201);
    assert.ok(TosLink.safeParse(tos.body).success);
    assert.equal(tos.body.url, undefined);
    assert.equal(tos.body.expiresAt, '2026-03-01T13:00:02.000Z');
    const tosDone = await confirmHosted(tos.body.link);
    assert.match(tosDone.page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(tosDone.html, /SpherePay sandbox/);
    assert.equal(tosDone.res.status, 200);
    assert.match(tosDone.done, /Done — you can close this window/);
    now = (await s.get(`/v2/customer/${id}`)).body;
    assert.equal(now.tosStatus, 'approved');
    assert.deepEqual(criteria(now).required, ['liveness_check']);
    assert.equal(now.verificationProfiles[0].status, 'incomplete');

    const face = await s.post(`/v2/customer/${id}/face-verification-link`);
    assert.equal(face.status, 201);
    assert.ok(HostedLink.safeParse(face.body).success);
    await confirmHosted(face.body.url);
    now = (await s.get(`/v2/customer/${id}`)).body;
    assert.deepEqual(criteria(now).required, []);
    assert.equal(now.verificationProfiles[0].status, 'pending');

    const locked = await s.patch(`/v2/customer/${id}`, { personalInformation: { firstName: 'Janet' } });
    assert.equal(locked.status, 400);
    assert.equal(locked.body.errors[0].pointer, '/personalInformation/firstName');
    const contact = await s.patch(`/v2/customer/${id}`, { meta: { note: 'still editable' } });
    assert.equal(contact.status, 200);

    // D13: kyc_profile_b (BRL) is fed by the same onboarding and approved on its own.
    assert.deepEqual(now.verificationProfiles.map((p: { name: string; status: string }) => [p.name, p.status]), [['kyc_profile_a', 'pending'], ['kyc_profile_b', 'pending']]);
    const onlyA = await s.post(`/_sandbox/customer/${id}/approve`, { profile: 'kyc_profile_a' });
    assert.deepEqual(onlyA.body.verificationProfiles.map((p: { status: string }) => p.status), ['approved', 'pending']);
    const approved = await s.post(`/_sandbox/customer/${id}/approve`);
    assert.equal(approved.status, 200);
    assert.deepEqual(approved.body.verificationProfiles.map((p: { status: string }) => p.status), ['approved', 'approved']);
    const again = await s.post(`/_sandbox/customer/${id}/reject`);
    assert.equal(again.status, 422);
  });

  it('rejects a pending profile by control; an incomplete one cannot be approved', async () => {
    const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }));
    assert.equal((await s.post(`/_sandbox/customer/${body.id}/approve`)).status, 422);
    await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' }));
    await s.post('/_sandbox/clock', { advanceSeconds: 2 });
    const rejected = await s.post(`/_sandbox/customer/${body.id}/reject`);
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.verificationProfiles[0].status, 'rejected');
    assert.equal((await s.get('/v2/customer?status=rejected')).body.pagination.total, 1);
  });

  it('needs both sides of a two-sided identity document uploaded with sides; one without `side` is single-sided (D11)', async () => {
    const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }));
    const fields = { targetId: body.id, target: 'customer', documentType: 'drivers', country: 'USA' };
    const other = (await s.post('/v2/customer', individual({ email: 'other@example.com', meta: { sandboxRequire: 'none' } }))).body;
    const noSide = await s.post('/v2/document', documentForm({ ...fields, targetId: other.id }));
    assert.equal(noSide.status, 201);
    assert.equal(noSide.body.side, null);
    assert.deepEqual(criteria((await s.get(`/v2/customer/${other.id}`)).body).pending, ['identity_document']);
    await s.post('/v2/document', documentForm({ ...fields, side: 'front' }, PNG, 'front.png', 'image/png'));
    assert.deepEqual(criteria((await s.get(`/v2/customer/${body.id}`)).body).required, ['identity_document']);
    await s.post('/v2/document', documentForm({ ...fields, side: 'back' }, PNG, 'back.png', 'image/png'));
    assert.deepEqual(criteria((await s.get(`/v2/customer/${body.id}`)).body).pending, ['identity_document']);
  });

  it('reports a blurry document in errors and puts its criterion back to required', async () => {
    const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }));
    await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA', description: 'sandbox:blurry' }));
    s.clock.advance(2);
    let c = criteria((await s.get(`/v2/customer/${body.id}`)).body);
    assert.deepEqual(c.required, ['identity_document']);
    assert.deepEqual(c.errors, [{ name: 'identity_document', message: 'The document is blurry or unreadable; upload a clearer copy' }]);
    await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' }));
    c = criteria((await s.get(`/v2/customer/${body.id}`)).body);
    assert.deepEqual(c.errors, []);
    assert.deepEqual(c.pending, ['identity_document']);
  });

  it('refuses bad uploads with 422 pointers and unknown targets with 404', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const ok = { targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' };
    const cases: [FormData, string][] = [
      [documentForm(ok, new TextEncoder().encode('MZ this is an executable'), 'passport.pdf'), '/file'],
      [documentForm({ ...ok, documentType: 'incorporation_cert' }), '/documentType'],
      [documentForm({ ...ok, country: '' }), '/country'],
      [documentForm({ targetId: body.id, target: 'customer', documentType: 'passport' }), '/country'],
      [documentForm({ ...ok, documentType: 'selfie' }), '/documentType'],
      [documentForm({ ...ok, target: 'business_representative' }), '/targetId'],
    ];
    for (const [form, pointer] of cases) {
      const res = await s.post('/v2/document', form);
      assert.equal(res.status, 422);
      assert.equal(res.body.errors[0].pointer, pointer, JSON.stringify(res.body));
    }
    const noFile = new FormData();
    for (const [k, v] of Object.entries(ok)) noFile.set(k, v);
    assert.equal((await s.post('/v2/document', noFile)).body.errors[0].pointer, '/file');
    const unknown = await s.post('/v2/document', documentForm({ ...ok, targetId: 'customer_ffffffffffffffffffffffffffffffff' }));
    assert.equal(unknown.status, 404);
    const json = await s.post('/v2/document', ok);
    assert.equal(json.status, 400);
    assert.deepEqual(criteria((await s.get(`/v2/customer/${body.id}`)).body).pending, []);
  });

  it('refuses a file over 15 MB', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    const res = await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' }, big));
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].pointer, '/file');
  });

  it('shows clear pages for used, expired and made-up hosted links', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const used = await s.post(`/v2/customer/${body.id}/tos-link`);
    await confirmHosted(used.body.link);
    const again = await fetch(used.body.link);
    assert.equal(again.status, 410);
    assert.match(await again.text(), /already used/);
    const expiring = await s.post(`/v2/customer/${body.id}/face-verification-link`);
    s.clock.advance(3601);
    const expired = await fetch(expiring.body.url);
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /expired/);
    const madeUp = await fetch(`${s.url}/_sandbox/hosted/tos?token=nope`);
    assert.equal(madeUp.status, 404);
    assert.match(await madeUp.text(), /not valid/);
    const wrongKind = await fetch(used.body.link.replace('/hosted/tos', '/hosted/face'));
    assert.equal(wrongKind.status, 404);
  });

  it('speaks the language the widget asks for (lang=), else the browser\'s, on every hosted page', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const tos = await s.post(`/v2/customer/${body.id}/tos-link`);
    const spanish = await fetch(`${tos.body.link}&lang=es`);
    const html = await spanish.text();
    assert.match(html, /<html lang="es">/);
    assert.match(html, /Acepto las condiciones/);
    assert.doesNotMatch(html, /accept the terms/i);
    // The language survives the form post: the done page speaks it too.
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const lang = /name="lang" value="([^"]+)"/.exec(html)![1]!;
    const done = await (await fetch(new URL('/_sandbox/hosted/tos', tos.body.link), { method: 'POST', body: new URLSearchParams({ token, lang }) })).text();
    assert.match(done, /Condiciones aceptadas\./);
    // Accept-Language when the link names none; the used link says so in Portuguese.
    const again = await fetch(tos.body.link, { headers: { 'accept-language': 'fr;q=0.9, pt-BR;q=0.8, en;q=0.5' } });
    assert.equal(again.status, 410);
    const used = await again.text();
    assert.match(used, /<html lang="pt-BR">/);
    assert.match(used, /Este link já foi usado/);
    const face = await s.post(`/v2/customer/${body.id}/face-verification-link`);
    const english = await (await fetch(`${face.body.url}&lang=de`, { headers: { 'accept-language': 'de' } })).text();
    assert.match(english, /Complete the liveness check/);
  });

  it('verifies OTP with 000000 only, after a code was sent', async () => {
    const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'otp' } }));
    assert.deepEqual(criteria(body).required, ['identity_document', 'email_verification', 'phone_verification']);
    const early = await s.post(`/v2/customer/${body.id}/otp-verify`, { type: 'email', code: '000000' });
    assert.equal(early.status, 422);
    assert.equal(early.body.errors[0].pointer, '/code');
    const sent = await s.post(`/v2/customer/${body.id}/otp-send`, { type: 'email' });
    assert.equal(sent.status, 201);
    assert.deepEqual(sent.body, { customerId: body.id, expiresAt: new Date(s.clock.now().getTime() + 600_000).toISOString() });
    const wrong = await s.post(`/v2/customer/${body.id}/otp-verify`, { type: 'email', code: '123456' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0].pointer, '/code');
    const badType = await s.post(`/v2/customer/${body.id}/otp-send`, { type: 'pigeon' });
    assert.equal(badType.body.errors[0].pointer, '/type');
    const verified = await s.post(`/v2/customer/${body.id}/otp-verify`, { type: 'email', code: '000000' });
    assert.equal(verified.status, 201);
    assert.equal(verified.body.verifiedAt, s.clock.now().toISOString());
    assert.deepEqual(criteria((await s.get(`/v2/customer/${body.id}`)).body).required, ['identity_document', 'phone_verification']);
  });

  it('takes a business with a representative from incomplete to approved', async () => {
    const { body: biz } = await s.post('/v2/customer', business());
    const rep = await s.post('/v2/business-representative', {
      customerId: biz.id, type: 'individual', email: 'ceo@acme.example', phone: '+14155550998', firstName: 'Ada', lastName: 'Lovelace',
      address: individual().address,
      personalInformation: { taxIdentificationNumber: '111-22-3333', taxIdentificationNumberType: 'ssn', taxIdentificationNumberCountry: 'USA' },
      representationDetails: { roles: ['ubo'], ownershipPercentage: '60', isControlPerson: true, isSigner: true, title: 'CEO' },
    });
    assert.equal(rep.status, 201, JSON.stringify(rep.body));
    assert.ok(BusinessRepresentative.safeParse(rep.body).success);
    assert.match(rep.body.id, /^associatedPerson_[a-z0-9]+$/);
    assert.equal(rep.body.verificationProfiles[0].name, 'ubo_kyc_profile_a');
    assert.deepEqual(rep.body.verificationProfiles[0].criteria.required, ['identity_document', 'liveness_check']);

    const notOwner = await s.post('/v2/business-representative', { ...rep.body, id: undefined, verificationProfiles: undefined, createdAt: undefined, updatedAt: undefined, personalInformation: undefined, representationDetails: { roles: ['director'], ownershipPercentage: '30' } });
    assert.equal(notOwner.status, 422);
    assert.equal(notOwner.body.errors[0].pointer, '/representationDetails/roles');

    const repId = rep.body.id;
    const repDoc = { targetId: repId, target: 'business_representative', documentType: 'id_card', country: 'USA' };
    assert.equal((await s.post('/v2/document', documentForm({ ...repDoc, side: 'front' }))).status, 201);
    assert.equal((await s.post('/v2/document', documentForm({ ...repDoc, side: 'back' }))).status, 201);
    const wrongDoc = await s.post('/v2/document', documentForm({ ...repDoc, documentType: 'incorporation_cert' }));
    assert.equal(wrongDoc.status, 422);
    const face = await s.post(`/v2/business-representative/${repId}/face-verification-link`);
    assert.equal(face.status, 201);
    await confirmHosted(face.body.url);
    s.clock.advance(2);
    let now = (await s.get(`/v2/customer/${biz.id}`)).body;
    assert.ok(criteria(now).complete.includes('business_representatives'));

    for (const documentType of ['incorporation_certificate', 'shareholder_registry', 'proof_of_address']) {
      const res = await s.post('/v2/document', documentForm({ targetId: biz.id, target: 'customer', documentType }));
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const bizPassport = await s.post('/v2/document', documentForm({ targetId: biz.id, target: 'customer', documentType: 'passport', country: 'USA' }));
    assert.equal(bizPassport.status, 422);
    s.clock.advance(2);
    now = (await s.get(`/v2/customer/${biz.id}`)).body;
    assert.deepEqual(criteria(now).required, ['terms_of_service', 'master_service_agreement']);
    assert.equal((await s.post(`/v2/customer/${biz.id}/face-verification-link`)).status, 400);
    // D14: the KYC link is refused while anything is required, naming what is.
    const early = await s.post(`/v2/customer/${biz.id}/kyc-link`);
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'validation/failed');
    assert.equal(early.body.errors.length, 2);

    const tos = await s.post(`/v2/customer/${biz.id}/tos-link`);
    await confirmHosted(tos.body.link);
    now = (await s.get(`/v2/customer/${biz.id}`)).body;
    assert.deepEqual(criteria(now).required, []);
    assert.equal(now.verificationProfiles[0].status, 'pending');
    assert.equal((await s.post(`/v2/customer/${biz.id}/kyc-link`)).status, 201);

    const approved = await s.post(`/_sandbox/customer/${biz.id}/approve`);
    assert.equal(approved.body.verificationProfiles[0].status, 'approved');
    assert.equal((await s.post(`/v2/customer/${biz.id}/kyc-link`)).status, 400);
  });

  it('refuses the KYC link while criteria are required (D14), and issues it once nothing is', async () => {
    const { body } = await s.post('/v2/customer', individual({ meta: { sandboxRequire: 'none' } }));
    const refused = await s.post(`/v2/customer/${body.id}/kyc-link`);
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors.map((e: { detail: string }) => e.detail), ['Required: identity_document']);
    await s.post('/v2/document', documentForm({ targetId: body.id, target: 'customer', documentType: 'passport', country: 'USA' }));
    const kyc = await s.post(`/v2/customer/${body.id}/kyc-link`);
    assert.equal(kyc.status, 201);
    assert.ok(HostedLink.safeParse(kyc.body).success);
    await confirmHosted(kyc.body.url);
    s.clock.advance(2);
    const now = (await s.get(`/v2/customer/${body.id}`)).body;
    assert.equal(now.verificationProfiles[0].status, 'pending');
  });

  it('refuses representatives for individuals and unknown customers', async () => {
    const { body } = await s.post('/v2/customer', individual());
    const base = {
      type: 'individual', email: 'x@acme.example', phone: '+14155550998', firstName: 'A', lastName: 'B', address: individual().address,
      representationDetails: { roles: ['director'] },
    };
    const forIndividual = await s.post('/v2/business-representative', { ...base, customerId: body.id });
    assert.equal(forIndividual.status, 400);
    const unknown = await s.post('/v2/business-representative', { ...base, customerId: 'customer_ffffffffffffffffffffffffffffffff' });
    assert.equal(unknown.status, 404);
    const bad = await s.post('/v2/business-representative', { ...base, customerId: body.id, representationDetails: { roles: [] } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/representationDetails/roles');
  });
});
