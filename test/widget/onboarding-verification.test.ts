import { expect } from '@open-wc/testing';
import { api, button, click, fieldError, fill, mountRamp, sandbox, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { ACCEPTED, entry, individualBody, pdf, pickFile, uploadAs, waitForStatus } from '../support/browser/onboarding.ts';

/** A person with a customer already (created through the proxy as the widget would), before mounting. */
async function existingCustomer(sandboxRequire: string) {
  const user = uniqueUser('verify');
  const customer = await api<{ id: string }>(user, 'customer', { body: individualBody(sandboxRequire) });
  return { user, customerId: customer.id };
}

describe('<sphere-ramp> verification checklist', () => {
  it('refuses a 20 MB file and an .exe before uploading anything', async () => {
    const { user } = await existingCustomer('none');
    const { el } = await mountRamp({ user });
    await waitForStep(el, 'verification');
    const realSend = XMLHttpRequest.prototype.send;
    let sends = 0;
    XMLHttpRequest.prototype.send = function (...args) {
      sends++;
      return realSend.apply(this, args);
    };
    try {
      await fill(el, '/documentType', 'passport');
      await pickFile(el, pdf('big-scan.pdf', 20 * 1024 * 1024));
      expect(text(el)).to.contain('20.0 MB; the limit is 15 MB');
      expect(button(el, 'Upload').disabled).to.equal(true);

      const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff])], 'passport.exe', { type: 'application/pdf' });
      await pickFile(el, exe);
      expect(text(el)).to.contain('is not a PDF, JPEG, PNG, HEIC or TIFF');
      button(el, 'Upload').click();
      await new Promise((r) => setTimeout(r, 100));
      expect(sends).to.equal(0);
      expect(entry(el, 'identity_document')?.dataset.status).to.equal('required');
    } finally {
      XMLHttpRequest.prototype.send = realSend;
    }
  });

  it('shows the OTP steps for a profile that requires them, and verifies the code', async () => {
    const { user } = await existingCustomer('otp');
    const { el } = await mountRamp({ user, attrs: { theme: 'dark' } });
    const step = await waitForStep(el, 'verification');
    await waitForStatus(el, 'email_verification', 'required');
    await waitForStatus(el, 'phone_verification', 'required');
    await expect(step).to.be.accessible();

    await click(el, 'Email me a code');
    await waitUntil(() => text(el).includes('We sent you a code'), 'code sent');
    await fill(el, '/code', '123456');
    await click(el, 'Confirm');
    await waitUntil(() => fieldError(el, '/code'), 'wrong code refused beside the field');
    expect(fieldError(el, '/code')).to.match(/not correct/);

    await fill(el, '/code', '000000');
    // As a person would: the button takes focus, then its form goes away once the code is accepted.
    button(el, 'Confirm').focus();
    await click(el, 'Confirm');
    await waitForStatus(el, 'email_verification', 'complete');
    expect(entry(el, 'phone_verification')?.dataset.status).to.equal('required');
    // Focus is not dropped to <body>: it moves to the heading of the next item that still needs the person.
    await waitUntil(() => document.activeElement !== document.body, 'focus kept in the widget');
    let active: Element | null = el.shadowRoot!.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    expect(active?.tagName).to.equal('H3');
    const item = active!.closest('li')!;
    expect(item.dataset.status).to.equal('required');
    expect(item.querySelector('.action')).to.exist;
  });

  it('never shows OTP to a profile that does not require it', async () => {
    const { user } = await existingCustomer('none');
    const { el, events } = await mountRamp({ user });
    await waitForStep(el, 'verification');
    await waitForStatus(el, 'identity_document', 'required');
    expect(entry(el, 'email_verification')).to.equal(undefined);
    expect(entry(el, 'phone_verification')).to.equal(undefined);
    expect(text(el)).to.not.contain('Email me a code');
    const required = events.filter((e) => e.type === 'ramp-verification-change').flatMap((e) => e.detail.required as string[]);
    expect(required.some((r) => r.endsWith('_verification'))).to.equal(false);
  });

  it('lets a returning person resume: done and pending items stay done, only the rest is asked', async () => {
    const { user, customerId } = await existingCustomer('liveness_report_document');
    await uploadAs(user, { targetId: customerId, target: 'customer', documentType: 'passport', country: 'USA' });
    const { el } = await mountRamp({ user });
    await waitForStep(el, 'verification');
    expect(entry(el, 'residential_address')?.dataset.status).to.equal('complete');
    expect(['pending', 'complete']).to.include(entry(el, 'identity_document')?.dataset.status);
    expect(entry(el, 'identity_document')!.querySelector('sphere-ramp-document-upload')).to.equal(null);
    await waitForStatus(el, 'liveness_report_document', 'required');
    await pickFile(el, pdf('liveness.pdf'), 'front', entry(el, 'liveness_report_document')!);
    await click(el, 'Upload');
    await waitForStatus(el, 'liveness_report_document', ACCEPTED);
  });

  it('shows what to do when SpherePay reports an error on an item', async () => {
    const { user, customerId } = await existingCustomer('none');
    await uploadAs(user, { targetId: customerId, target: 'customer', documentType: 'passport', country: 'USA' }, pdf('blurry-passport.pdf'));
    await sandbox(user, 'clock', { advanceSeconds: 5 });
    const { el } = await mountRamp({ user });
    await waitForStep(el, 'verification');
    await waitForStatus(el, 'identity_document', 'error');
    expect(text(el)).to.contain('blurry');
    expect(entry(el, 'identity_document')!.querySelector('sphere-ramp-document-upload')).to.not.equal(null);
  });
});
