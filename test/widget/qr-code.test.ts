/**
 * `<sphere-ramp-qr>` against the real proxy (web-test-runner.config.mjs
 * forwards `/api/` to it): the element asks `GET /api/qr` through the ramp
 * context's client and draws the answer. Here the context carries a real
 * client and nothing else, which is all the element takes from it; the
 * deposit screen shows it inside the whole widget (money-quote.test.ts,
 * test/e2e/deposit-screen.test.ts, which scans it).
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../widget/ui/qr-code/define.ts';
import { RampClient, type SessionSource } from '../../widget/api/client.ts';
import { rampContext, type RampContext } from '../../widget/state/context.ts';
import type { QrCode } from '../../widget/ui/qr-code/qr-code.ts';
import { sessionFor, uniqueUser, waitUntil } from '../support/browser/ramp.ts';

const ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';
const LABEL = 'QR code for Deposit address';

/** A session source that counts the requests made with it (the client asks for the token once per request). */
function sessionOf(token: string, gate?: Promise<void>) {
  const source = {
    asked: 0,
    token: async () => {
      source.asked++;
      await gate;
      return token;
    },
    renew: async () => undefined,
  } satisfies SessionSource & { asked: number };
  return source;
}

async function mountQr(value: string, session: SessionSource | undefined, style = '') {
  // fixtureSync: fixture() waits a frame for a plain element, which never comes in a background tab (wtr runs two files at once).
  const host = fixtureSync<HTMLDivElement>(html`<div style=${style}></div>`);
  const provider = session ? new ContextProvider(host, { context: rampContext, initialValue: { client: new RampClient(location.origin, session) } as unknown as RampContext }) : undefined;
  const qr = document.createElement('sphere-ramp-qr');
  qr.label = LABEL;
  qr.value = value;
  host.append(qr);
  await qr.updateComplete;
  return { qr, provider };
}

const drawn = (qr: QrCode) => qr.shadowRoot!.querySelector('svg');
const loading = (qr: QrCode) => qr.shadowRoot!.querySelector<HTMLElement>('[aria-busy="true"]');
/** The markup of the first element the shadow root holds, or null when it holds none (a string, so a failure reads well). */
const rendered = (qr: QrCode) => qr.shadowRoot!.querySelector('*')?.outerHTML.slice(0, 120) ?? null;

/** The proxy's answer for `text`, asked directly. */
async function answerFor(token: string, text: string): Promise<{ size: number; path: string }> {
  const res = await fetch(`/api/qr?${new URLSearchParams({ text })}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).to.equal(200);
  return res.json();
}

describe('<sphere-ramp-qr>', () => {
  it('draws the code the proxy encodes as an accessible SVG, dark on light by default', async () => {
    const { token } = await sessionFor(uniqueUser('qr'));
    const { qr } = await mountQr(ADDRESS, sessionOf(token));
    await waitUntil(() => drawn(qr), 'the code is drawn');
    const svg = drawn(qr)!;
    const expected = await answerFor(token, ADDRESS);
    expect(svg.getAttribute('part')).to.equal('qr');
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(LABEL);
    expect(svg.getAttribute('viewBox')).to.equal(`0 0 ${expected.size} ${expected.size}`);
    const path = svg.querySelector('path')!;
    expect(path.getAttribute('d')).to.equal(expected.path);
    // The finder patterns reach the corners of the code, just inside the 4-module quiet zone.
    const box = path.getBBox();
    expect([box.x, box.y, box.width, box.height]).to.deep.equal([4, 4, expected.size - 8, expected.size - 8]);
    expect(getComputedStyle(path).fill).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(svg).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(qr.getBoundingClientRect().width).to.equal(176);
    expect(loading(qr)).to.equal(null);
    await expect(qr).to.be.accessible();
  });

  it('follows its size and colour tokens', async () => {
    const { token } = await sessionFor(uniqueUser('qr-tokens'));
    const style = '--ramp-qr-size: 120px; --ramp-qr-background: rgb(250, 240, 230); --ramp-qr-foreground: rgb(10, 20, 30)';
    const { qr } = await mountQr(ADDRESS, sessionOf(token), style);
    await waitUntil(() => drawn(qr), 'the code is drawn');
    const rect = drawn(qr)!.getBoundingClientRect();
    expect([rect.width, rect.height]).to.deep.equal([120, 120]);
    expect(getComputedStyle(drawn(qr)!).backgroundColor).to.equal('rgb(250, 240, 230)');
    expect(getComputedStyle(drawn(qr)!.querySelector('path')!).fill).to.equal('rgb(10, 20, 30)');
  });

  it('holds a busy square of the same size while the code loads, so nothing moves when it comes', async () => {
    const { token } = await sessionFor(uniqueUser('qr-loading'));
    let release!: () => void;
    const session = sessionOf(token, new Promise<void>((r) => (release = r)));
    const { qr } = await mountQr(ADDRESS, session);
    const square = loading(qr);
    expect(square, 'a placeholder while the request is held').to.exist;
    expect(drawn(qr)).to.equal(null);
    expect(square!.getAttribute('role')).to.equal('img');
    expect(square!.getAttribute('aria-label')).to.equal(LABEL);
    expect(square!.getAttribute('part')).to.equal('qr');
    const before = qr.getBoundingClientRect();
    expect([before.width, before.height]).to.deep.equal([176, 176]);
    await expect(qr).to.be.accessible();

    release();
    await waitUntil(() => drawn(qr), 'the code is drawn');
    const after = qr.getBoundingClientRect();
    expect([after.x, after.y, after.width, after.height]).to.deep.equal([before.x, before.y, before.width, before.height]);
    expect(loading(qr)).to.equal(null);
  });

  it('shows nothing, and no error, when the proxy refuses the session or the text', async () => {
    const { token } = await sessionFor(uniqueUser('qr-refused'));
    for (const [value, session] of [
      [ADDRESS, sessionOf('rs_not-a-session')],
      ['x'.repeat(513), sessionOf(token)],
    ] as const) {
      const { qr } = await mountQr(value, session);
      await waitUntil(() => !loading(qr), 'the request is over');
      expect(session.asked).to.be.greaterThan(0, 'the proxy was asked');
      expect(rendered(qr)).to.equal(null);
      expect(qr.shadowRoot!.textContent!.trim()).to.equal('');
      expect(qr.getBoundingClientRect().height).to.equal(0);
    }
  });

  it('asks again for a new value, not when the ramp state changes', async () => {
    const { token } = await sessionFor(uniqueUser('qr-change'));
    const session = sessionOf(token);
    const { qr, provider } = await mountQr(ADDRESS, session);
    await waitUntil(() => drawn(qr), 'the first code');
    expect(session.asked).to.equal(1);

    provider!.setValue({ ...(provider!.value as RampContext) });
    await qr.updateComplete;
    expect(session.asked).to.equal(1, 'a new context object with the same client asks nothing');

    const next = '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV';
    const expected = await answerFor(token, next);
    qr.value = next;
    await waitUntil(() => drawn(qr)?.querySelector('path')?.getAttribute('d') === expected.path, 'the new code');
    expect(session.asked).to.equal(2);
  });

  it('draws nothing, and asks nothing, outside a ramp or without a value', async () => {
    const { qr } = await mountQr(ADDRESS, undefined);
    expect(rendered(qr)).to.equal(null);
    const session = sessionOf('rs_unused');
    const { qr: empty } = await mountQr('', session);
    expect(rendered(empty)).to.equal(null);
    expect(session.asked).to.equal(0);
  });
});
