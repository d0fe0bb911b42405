/**
 * A proxy whose SpherePay cannot be reached (a live key, a dead
 * SPHEREPAY_BASE_URL): the widget's first customer load answers 502, and the
 * host hears `upstream-unavailable` (retryable) before any form; `debug`
 * says where to look; the person gets a retry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { buildServedParts, launchChromium, openPageAt, startProxy } from './support/stack.ts';

const SECRET = 'e2e-upstream-secret';
const CUSTOMER = `customer_${'a'.repeat(32)}`;

let server: RampServer;
let browser: Browser;

describe('SpherePay unreachable from the proxy', () => {
  before(async () => {
    buildServedParts();
    server = await startProxy({
      SPHEREPAY_API_KEY: 'e2e-live-key', SPHEREPAY_BASE_URL: 'http://127.0.0.1:9', SPHEREPAY_WEBHOOK_SECRET: 'e2e-webhook-secret',
      RAMP_SERVER_SECRET: SECRET, SPHEREPAY_RETRIES: '0', SPHEREPAY_TIMEOUT_MS: '2000',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fires ramp-error upstream-unavailable at start, debug names /readyz and SPHEREPAY_BASE_URL, and offers a retry', async () => {
    const minted = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ externalUserId: 'returning-person', customerId: CUSTOMER }),
    });
    assert.equal(minted.status, 201);
    const { token } = (await minted.json()) as { token: string };
    const page = await browser.newPage();
    const printed: string[] = [];
    page.on('console', (m) => printed.push(m.text()));
    // Listening from before the page's first script: the error may come as soon as the widget loads.
    await page.addInitScript(() => document.addEventListener('ramp-error', (e) => ((window as unknown as { rampErrors: unknown[] }).rampErrors ??= []).push((e as CustomEvent).detail)));
    await openPageAt(page, server.url, `<!doctype html><html lang="en"><title>shop</title><script src="/sphere-ramp.js"></script>
      <sphere-ramp debug session-token="${token}"></sphere-ramp></html>`);
    const rampErrors = () => page.evaluate(() => (window as unknown as { rampErrors?: unknown[] }).rampErrors ?? []);
    await page.waitForFunction(() => (window as unknown as { rampErrors?: unknown[] }).rampErrors);
    const [detail] = await rampErrors();
    assert.deepEqual(
      { ...(detail as Record<string, unknown>), message: undefined },
      { code: 'upstream-unavailable', message: undefined, retryable: true, status: 502 },
    );
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    assert.equal(await page.locator('[data-pointer]').count(), 0, 'no form to fill in');
    assert.equal((await rampErrors()).length, 1, 'one ramp-error for one failed start');
    assert.match(printed.join('\n'), /upstream-unavailable[\s\S]*\/readyz[\s\S]*SPHEREPAY_BASE_URL/);
    await page.close();
  });
});
