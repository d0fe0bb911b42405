/**
 * The three ways to embed, end to end on the demo merchant site: in each, a
 * person completes onboarding and an on-ramp up to deposit instructions;
 * the host page receives the same events in all three; and no response the
 * browser receives, nor any built file, contains a secret.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { onboardAndOnRamp, type HostPage } from './support/person.ts';
import { ROOT, buildServedParts, launchChromium, secretsOf, startProxy } from './support/stack.ts';

interface Seen {
  type: string;
  step?: string;
}

let server: RampServer;
let browser: Browser;
const bodies: { url: string; body: Buffer }[] = [];
const sequences = new Map<string, Seen[]>();

/** Every response body the browser receives (event streams never end, so they are read by the widget only). */
function recordBodies(context: BrowserContext) {
  const pending: Promise<void>[] = [];
  context.on('response', (res) => {
    if ((res.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    pending.push(res.body().then((body) => void bodies.push({ url: res.url(), body }), () => undefined));
  });
  return () => Promise.all(pending);
}

/** What the host page's event log shows: the events it received, in order. */
const received = (page: Page) =>
  page.$$eval('#event-log li', (items) =>
    items.map((li) => {
      const detail = JSON.parse(li.textContent!.slice(li.dataset.type!.length + 1)) as { step?: string };
      return { type: li.dataset.type!, ...(li.dataset.type === 'ramp-step-change' ? { step: detail.step } : {}) };
    }),
  );

function hostPage(page: Page): HostPage {
  return {
    async approve() {
      await page.getByRole('button', { name: 'Approve KYC' }).click();
      await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    },
    async received(type, count) {
      await page.waitForFunction(([t, n]) => document.querySelectorAll(`#event-log li[data-type="${t}"]`).length >= Number(n), [type, String(count)]);
    },
  };
}

async function runMode(path: string, scopeOf: (page: Page) => Page | FrameLocator) {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const flush = recordBodies(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await onboardAndOnRamp(context, scopeOf(page), hostPage(page));
  await hostPage(page).received('ramp-transfer-created', 1);
  sequences.set(path, await received(page));
  await flush();
  await context.close();
}

/** Repeats of one event type in a row are timing (how live updates batch), not behaviour: keep one. */
const collapse = (seen: Seen[]) => seen.filter((e, i) => i === 0 || e.type !== seen[i - 1]!.type || e.step !== seen[i - 1]!.step);

describe('three ways to embed, end to end', () => {
  before(async () => {
    buildServedParts();
    server = await startProxy();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('script tag: a person onboards and gets deposit instructions for an on-ramp', async () => {
    await runMode('/script-tag', (page) => page);
  });

  it('SPA (React, npm import): the same person journey', async () => {
    await runMode('/spa', (page) => page);
  });

  it('iframe (partner portal): the same journey inside /embed', async () => {
    await runMode('/portal', (page) => page.frameLocator('#frame-host iframe'));
  });

  it('the host page received the same sequence of events in all three', () => {
    const [script, spa, portal] = ['/script-tag', '/spa', '/portal'].map((p) => sequences.get(p));
    assert.ok(script && spa && portal, 'all three journeys ran');
    const steps = (seen: Seen[]) => seen.filter((e) => e.type === 'ramp-step-change').map((e) => e.step);
    // Whether the root announces its `loading` placeholder as a step is its own business; the journey is not.
    assert.deepEqual(steps(script).filter((s) => s !== 'loading'), ['profile', 'verification', 'review', 'ramp', 'quote', 'transfer']);
    assert.deepEqual(steps(spa), steps(script));
    assert.deepEqual(steps(portal), steps(script));
    assert.deepEqual(collapse(spa), collapse(script));
    assert.deepEqual(collapse(portal), collapse(script));
    for (const type of ['ramp-ready', 'ramp-customer-created', 'ramp-verification-change', 'ramp-instrument-added', 'ramp-quote', 'ramp-transfer-created']) {
      assert.ok(script.some((e) => e.type === type), `${type} reached the host page`);
    }
  });

  it('no response the browser received, and no built file, contains the API key or a server secret', () => {
    assert.ok(bodies.length > 50, `responses were recorded (${bodies.length})`);
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true }).map(String).filter((f) => /\.(js|html|json|css|map|ts)$/.test(f));
    for (const secret of secretsOf(server)) {
      for (const { url, body } of bodies) assert.ok(!body.includes(secret), `a response from ${url} contains a secret`);
      for (const file of files) assert.ok(!readFileSync(join(ROOT, 'dist', file)).includes(secret), `dist/${file} contains a secret`);
    }
  });
});
