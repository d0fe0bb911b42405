import { expect } from '@open-wc/testing';
import { button, click, deepQuery, field, fieldError, mountRamp, sandbox, settle, stepElement, text, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { ACCEPTED, INDIVIDUAL, chooseKind, fillAll, pdf, pickFile, waitForStatus, watchHostedPages } from '../support/browser/onboarding.ts';

describe('<sphere-ramp> onboarding an individual', () => {
  it('takes a person from the first screen to approved, live, with every step accessible', async () => {
    const hosted = watchHostedPages();
    try {
      const { el, user, events } = await mountRamp();
      const profile = await waitForStep(el, 'profile');
      await expect(profile).to.be.accessible();

      await chooseKind(el, 'individual');
      await fillAll(el, INDIVIDUAL);
      await expect(stepElement(el)!).to.be.accessible();
      await click(el, 'Continue');

      const verification = await waitForStep(el, 'verification');
      const created = events.find((e) => e.type === 'ramp-customer-created');
      expect(created?.detail.type).to.equal('individual');
      // Data given in the form is already complete; the rest asks for action.
      await waitForStatus(el, 'tax_identification_number', 'complete');
      await waitForStatus(el, 'identity_document', 'required');
      await expect(verification).to.be.accessible();

      // Identity document: a passport, one side, issuing country defaulted to the residence.
      await fillAll(el, { '/documentType': 'passport' });
      await pickFile(el, pdf());
      await click(el, 'Upload');
      await waitForStatus(el, 'identity_document', ACCEPTED);

      await click(el, 'Open terms of service');
      await hosted.confirmLatest();
      await waitForStatus(el, 'terms_of_service', 'complete');

      await click(el, 'Start face check');
      await hosted.confirmLatest();
      await waitForStatus(el, 'liveness_check', 'complete');

      // The document review ends by the sandbox clock; move it instead of waiting.
      await sandbox(user, 'clock', { advanceSeconds: 5 });
      const review = await waitForStep(el, 'review');
      await expect(review).to.be.accessible();

      // Approval arrives as a live event: no reload, no click.
      await sandbox(user, 'customer/approve');
      await waitForStep(el, 'ramp');
      expect(events.some((e) => e.type === 'ramp-verification-change' && e.detail.status === 'approved')).to.equal(true);
    } finally {
      hosted.restore();
    }
  });

  it('shows errors only after interaction, with the type rules for US tax ids', async () => {
    const { el } = await mountRamp();
    await waitForStep(el, 'profile');
    await chooseKind(el, 'individual');
    expect(fieldError(el, '/email')).to.equal(undefined);
    await fillAll(el, { '/email': 'not-an-email' });
    expect(fieldError(el, '/email')).to.match(/email/i);
    await fillAll(el, { '/address/country': 'USA', '/address/line1': '1 Main St', '/address/city': 'Austin' });
    expect(fieldError(el, '/personalInformation/taxIdentificationNumber')).to.equal(undefined);
    await click(el, 'Continue');
    expect(el.step).to.equal('profile');
    expect(fieldError(el, '/address/state')).to.match(/state/i);
  });

  it('asks for a phone number with a calling-code picker, refuses a number too short for its code, and adults only', async () => {
    const { el } = await mountRamp();
    await waitForStep(el, 'profile');
    await chooseKind(el, 'individual');
    await fillAll(el, { ...INDIVIDUAL, '/personalInformation/dateOfBirth': '2015-03-01', '/phone': '12345' });
    const picker = deepQuery<HTMLSelectElement>(el.shadowRoot!, '[data-calling-code="/phone"]')!;
    // The picker follows the address country; its options name each country with its code.
    expect(picker.value).to.equal('USA');
    expect(picker.selectedOptions[0]!.textContent).to.equal('United States (+1)');
    await click(el, 'Continue');
    expect(el.step).to.equal('profile');
    expect(fieldError(el, '/personalInformation/dateOfBirth')).to.equal('You must be 18 or older');
    expect(fieldError(el, '/phone')).to.equal('This number is too short or too long for its country code');

    picker.value = 'ESP';
    picker.dispatchEvent(new Event('change'));
    await fillAll(el, { '/phone': '612 345 678', '/personalInformation/dateOfBirth': '1990-04-12' });
    expect(picker.value).to.equal('ESP');
    expect(field(el, '/phone').value).to.equal('612345678');
    expect(fieldError(el, '/phone')).to.equal(undefined);
    // A number pasted with its own code moves the picker.
    await fillAll(el, { '/phone': '+44 20 7946 0958' });
    expect(picker.value).to.equal('GBR');
    expect(field(el, '/phone').value).to.equal('2079460958');
    await expect(stepElement(el)!).to.be.accessible();
  });

  it('puts a 422 from the server beside the field it names', async () => {
    // The client schema is the server's, so nothing it accepts is refused by the
    // proxy's schema; to reach the server's check we rewrite the email on the
    // wire (fetch is the browser's API, the 422 comes from the real proxy).
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/api/v2/customer') && init?.method === 'POST') {
        init = { ...init, body: String(init.body).replace('jane.smith@example.com', 'jane.smith@') };
      }
      return realFetch(input, init);
    };
    try {
      const { el, events } = await mountRamp();
      await waitForStep(el, 'profile');
      await chooseKind(el, 'individual');
      await fillAll(el, INDIVIDUAL);
      await click(el, 'Continue');
      await waitUntil(() => fieldError(el, '/email'), 'server error beside the email');
      expect(fieldError(el, '/email')).to.match(/email/i);
      expect(el.step).to.equal('profile');
      expect(events.some((e) => e.type === 'ramp-customer-created')).to.equal(false);
      expect(button(el, 'Continue').disabled).to.equal(false);
      expect(text(el)).to.not.contain('Internal');
      await settle(el);
    } finally {
      window.fetch = realFetch;
    }
  });
});
