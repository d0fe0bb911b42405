import { expect } from '@open-wc/testing';
import { api, click, fill, mountRamp, sandbox, settle, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { ACCEPTED, chooseKind, entry, fillAll, individualBody, pdf, pickFile, uploadAs, waitForStatus, watchHostedPages } from '../support/browser/onboarding.ts';

const BUSINESS = {
  '/businessInformation/legalName': 'Acme Widgets Inc.',
  '/businessInformation/tradeName': 'Acme',
  '/businessInformation/entityType': 'corporation',
  '/businessInformation/description': 'We make widgets.',
  '/businessInformation/naicsCode': '541511',
  '/businessInformation/incorporatedOn': '2015-06-01',
  '/businessInformation/website': 'https://acme.example',
  '/businessInformation/identificationNumberType': 'ein',
  '/businessInformation/identificationNumber': '12-3456789',
  '/email': 'ops@acme.example',
  '/phone': '+14155550100',
  '/addresses/0/country': 'USA',
  '/addresses/0/line1': '100 Market St',
  '/addresses/0/city': 'San Francisco',
  '/addresses/0/state': 'CA',
  '/addresses/0/postalCode': '94105',
  '/businessInformation/estimatedAnnualRevenueInUsd': '100000-999999',
  '/businessInformation/expectedMonthlyPaymentsInUsd': '10000-99999',
  '/businessInformation/accountPurpose': 'treasury_management',
  '/businessInformation/primarySourceOfFunds': 'business_revenue',
  '/businessInformation/regulatedActivities': 'none',
};

const REPRESENTATIVE = {
  '/firstName': 'Ada',
  '/lastName': 'Owner',
  '/email': 'ada@acme.example',
  '/phone': '+14155550111',
  '/dateOfBirth': '1980-02-03',
  '/representationDetails/title': 'CEO',
  '/representationDetails/ownershipPercentage': '60',
  '/address/country': 'USA',
  '/address/line1': '5 Oak Ave',
  '/address/city': 'Oakland',
  '/address/state': 'CA',
  '/address/postalCode': '94612',
  '/personalInformation/taxIdentificationNumber': '987-65-4321',
};

describe('<sphere-ramp> onboarding a business', () => {
  it('takes a business with one representative to pending and then approved', async function () {
    // The whole business journey against the real server: well past the default budget on a loaded machine.
    this.timeout(60000);
    const hosted = watchHostedPages();
    try {
      const { el, user, events } = await mountRamp();
      await waitForStep(el, 'profile');
      await chooseKind(el, 'business');
      await fillAll(el, BUSINESS);
      await click(el, 'Continue');
      const verification = await waitForStep(el, 'verification');
      expect(events.find((e) => e.type === 'ramp-customer-created')?.detail.type).to.equal('business');
      expect(verification.shadowRoot!.querySelector('h2')!.textContent).to.equal('Verify your business');
      await waitForStatus(el, 'business_representatives', 'required');
      // Everything given in the form is complete: no hand-off needed for business details.
      expect(entry(el, 'business_details')?.dataset.status).to.equal('complete');
      await expect(verification).to.be.accessible();

      // The representative, with their own ID and face check.
      await click(el, 'Add a person');
      await fillAll(el, REPRESENTATIVE);
      const form = entry(el, 'business_representatives')!;
      (form.querySelector('sphere-ramp-representatives')!.shadowRoot!.querySelector('sphere-ramp-representative-form')!.shadowRoot!
        .querySelector('[part="submit"]') as HTMLButtonElement).click();
      await settle(el);
      const reps = () => entry(el, 'business_representatives')!.querySelector('sphere-ramp-representatives')!.shadowRoot!;
      await waitUntil(() => reps().querySelector('[data-representative]'), 'representative listed');
      const person = reps().querySelector<HTMLElement>('[data-representative]')!;
      expect(person.textContent).to.contain('Ada Owner');
      expect(person.textContent).to.contain('60% owner');
      await fill(el, '/documentType', 'passport');
      await pickFile(el, pdf('ada-passport.pdf'), 'front', person);
      (person.querySelector('sphere-ramp-document-upload')!.shadowRoot!.querySelector('[part="upload"]') as HTMLButtonElement).click();
      await waitUntil(() => person.textContent?.includes('Face check for Ada Owner') && !person.querySelector('sphere-ramp-document-upload'), 'ID uploaded');
      // Their face check is theirs: a link to send them, instead of doing it for them.
      const face = person.querySelector('sphere-ramp-hosted-link')!;
      expect(face.shadowRoot!.textContent).to.contain('Ada Owner does a short face check with their own camera.');
      expect(face.shadowRoot!.textContent).not.to.contain('really you');
      (face.shadowRoot!.querySelector('[part="share-hosted"]') as HTMLButtonElement).click();
      await waitUntil(() => face.shadowRoot!.querySelector<HTMLInputElement>('[data-share-link]')?.value.startsWith('http'), 'link to send');
      expect(face.shadowRoot!.activeElement?.id).to.equal('share-link');
      expect(face.shadowRoot!.querySelector('sphere-ramp-copy')).to.exist;
      // The link shown is the representative's own face-check link from SpherePay.
      expect(hosted.links.shift()).to.equal(face.shadowRoot!.querySelector<HTMLInputElement>('[data-share-link]')!.value);
      await expect(verification).to.be.accessible();
      (face.shadowRoot!.querySelector('[part="open-hosted"]') as HTMLButtonElement).click();
      await hosted.confirmLatest();
      await waitUntil(() => person.textContent?.includes('Submitted'), 'representative submitted');

      // The company documents.
      for (const [group, name] of [
        ['incorporation_cert_document', 'incorporation.pdf'],
        ['shareholder_registry_document', 'shareholders.pdf'],
        ['proof_of_address_document', 'utility-bill.pdf'],
      ] as const) {
        const item = entry(el, group)!;
        await pickFile(el, pdf(name), 'front', item);
        (item.querySelector('sphere-ramp-document-upload')!.shadowRoot!.querySelector('[part="upload"]') as HTMLButtonElement).click();
        await waitForStatus(el, group, ACCEPTED);
      }

      await click(el, 'Open terms of service');
      await hosted.confirmLatest();
      await waitForStatus(el, 'terms_of_service', 'complete');

      await sandbox(user, 'clock', { advanceSeconds: 5 });
      await waitForStep(el, 'review', 20000);
      expect(events.some((e) => e.type === 'ramp-verification-change' && e.detail.status === 'pending')).to.equal(true);
      await sandbox(user, 'customer/approve');
      await waitForStep(el, 'ramp');
    } finally {
      hosted.restore();
    }
  });

  it('keeps the business form accessible in the dark theme', async () => {
    const { el } = await mountRamp({ attrs: { theme: 'dark' } });
    const profile = await waitForStep(el, 'profile');
    await chooseKind(el, 'business');
    await expect(profile).to.be.accessible();
  });

  it('explains what happens next when the review rejects the customer', async () => {
    const user = uniqueUser('rejected');
    const customer = await api<{ id: string }>(user, 'customer', { body: individualBody('none') });
    await uploadAs(user, { targetId: customer.id, target: 'customer', documentType: 'passport', country: 'USA' });
    await sandbox(user, 'clock', { advanceSeconds: 5 });
    const { el } = await mountRamp({ user, attrs: { theme: 'dark' } });
    await waitForStep(el, 'review');
    await sandbox(user, 'customer/reject');
    const rejected = await waitForStep(el, 'rejected');
    expect(rejected.shadowRoot!.textContent).to.contain('support@spherepay.co');
    expect(rejected.shadowRoot!.textContent).to.contain(customer.id);
    await expect(rejected).to.be.accessible();
  });
});
