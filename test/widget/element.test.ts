import { expect, fixture, html } from '@open-wc/testing';
import '../../widget/sphere-ramp/define.ts';
import type { SphereRamp } from '../../widget/sphere-ramp/sphere-ramp.ts';
import { api, mountRamp, sessionFor, stepElement, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';

const individual = (email: string) => ({
  type: 'individual',
  email,
  phone: '+14155550123',
  address: { line1: '233 South Wacker Drive', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'USA' },
});

async function mount(template: ReturnType<typeof html>) {
  const el = await fixture<SphereRamp>(template);
  const events: CustomEvent[] = [];
  for (const name of ['ramp-ready', 'ramp-step-change', 'ramp-session-expired', 'ramp-error']) el.addEventListener(name, (e) => events.push(e as CustomEvent));
  return { el, events };
}

describe('<sphere-ramp> element', () => {
  it('starts a new person at the profile step, fires ramp-ready, and is accessible', async () => {
    const { el, events } = await mountRamp();
    const step = await waitForStep(el, 'profile');
    await waitUntil(() => events.some((e) => e.type === 'ramp-ready'), 'ramp-ready');
    const change = events.find((e) => e.type === 'ramp-step-change');
    expect(change?.detail).to.deep.equal({ step: 'profile', previous: null });
    expect(change?.bubbles && change.composed).to.equal(true);
    await expect(el).to.be.accessible();
    expect(step).to.exist;
  });

  it('resumes a returning person from a bare session-token (the proxy says whose it is)', async () => {
    const user = uniqueUser('token');
    await api(user, 'customer', { body: individual(`${user}@example.com`) });
    const { token } = await sessionFor(user);
    const { el } = await mount(html`<sphere-ramp session-token=${token}></sphere-ramp>`);
    await waitForStep(el, 'verification');
  });

  it('renews through fetchSession when the proxy refuses a token, then carries on', async () => {
    const user = uniqueUser('renew');
    let calls = 0;
    const el = document.createElement('sphere-ramp');
    el.fetchSession = async () => (++calls === 1 ? 'rs_expired-or-unknown' : (await sessionFor(user)).token);
    const { el: mounted } = await mount(html`${el}`);
    await waitForStep(mounted, 'profile');
    expect(calls).to.equal(2);
  });

  it('fires ramp-session-expired and says so when renewal fails', async () => {
    const el = document.createElement('sphere-ramp');
    el.fetchSession = async () => 'rs_never-valid';
    const { el: mounted, events } = await mount(html`${el}`);
    await waitUntil(() => events.some((e) => e.type === 'ramp-session-expired'), 'ramp-session-expired');
    expect(events.filter((e) => e.type === 'ramp-session-expired')).to.have.length(1);
    await waitForStep(mounted, 'session-error');
    expect(text(mounted)).to.contain('Your session was interrupted');
    expect([...mounted.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include('Try again');
    const errors = events.filter((e) => e.type === 'ramp-error').map((e) => e.detail);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'session-expired', retryable: false });
  });

  it('offers a retry when the proxy cannot be reached', async () => {
    const { token } = await sessionFor(uniqueUser('offline'));
    const { el, events } = await mount(html`<sphere-ramp session-token=${token} api-base="http://127.0.0.1:9"></sphere-ramp>`);
    await waitUntil(() => /could not reach the service/.test(text(el)), 'network error shown', { timeout: 10000 });
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again');
    expect(retry).to.exist;
    const error = events.find((e) => e.type === 'ramp-error');
    expect(error?.detail).to.include({ code: 'proxy-unreachable', retryable: true });
    expect(error?.detail.message).to.contain('http://127.0.0.1:9');
    expect(events.some((e) => e.type === 'ramp-ready')).to.equal(false);
  });

  it('says session-failed when there is no session source, and debug prints which attribute to set', async () => {
    const printed: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void printed.push(args.join(' '));
    try {
      const { el, events } = await mount(html`<sphere-ramp debug></sphere-ramp>`);
      await waitUntil(() => events.some((e) => e.type === 'ramp-error'), 'ramp-error');
      expect(events.find((e) => e.type === 'ramp-error')!.detail).to.include({ code: 'session-failed', retryable: false });
      expect(printed.join('\n')).to.match(/session-failed.*\n?.*Fix: set session-url/);
      await waitForStep(el, 'session-error');
    } finally {
      console.error = original;
    }
  });

  it('speaks the requested locale, falling back to English for missing strings', async () => {
    const { el } = await mountRamp({ attrs: { locale: 'es' } });
    await waitForStep(el, 'profile');
    await waitUntil(() => text(el).includes('Compra y vende stablecoins'), 'Spanish title');
  });

  it('switches between light and dark theme tokens', async () => {
    const { el } = await mountRamp({ attrs: { theme: 'light' } });
    await waitForStep(el, 'profile');
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    const light = getComputedStyle(base).backgroundColor;
    el.theme = 'dark';
    await el.updateComplete;
    const dark = getComputedStyle(base).backgroundColor;
    expect(light).to.equal('rgb(255, 255, 255)');
    expect(dark).to.not.equal(light);
    expect(el.getAttribute('theme')).to.equal('dark');
    await expect(stepElement(el)).to.be.accessible();
  });
});
