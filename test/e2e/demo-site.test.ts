/**
 * The demo merchant site itself: every page axe-clean in light and dark,
 * "switch user" gives the widget a new person, and without the sandbox there
 * is no demo (its backend would mint sessions for anyone).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { ROOT, buildServedParts, launchChromium, startProxy } from './support/stack.ts';

let server: RampServer;
let browser: Browser;

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('the demo merchant site', () => {
  before(async () => {
    buildServedParts();
    server = await startProxy();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any page (${colorScheme})`, async () => {
      // axe is injected as an inline script, which the site's CSP rightly forbids.
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      for (const [path, ready] of [
        ['/', '#user-name'],
        ['/script-tag', '[data-step="profile"]'],
        ['/minimal', '[data-step="profile"]'],
        ['/spa', '[data-step="profile"]'],
        ['/portal', '#event-log li[data-type="ramp-ready"]'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        // The minimal page has nothing but the widget: no demo chrome to wait for.
        if (path !== '/minimal') await page.locator('#user-name').filter({ hasNotText: '…' }).waitFor();
        assert.deepEqual(await axeViolations(page), [], `${path} (${colorScheme})`);
      }
      await context.close();
    });
  }

  it('switch user starts the widget over for a new person', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/script-tag`);
    await page.locator('input[type="radio"][value="individual"]').waitFor();
    const first = await page.locator('#user-name').filter({ hasNotText: '…' }).textContent();
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.locator('#user-name').filter({ hasNotText: first! }).filter({ hasNotText: '…' }).waitFor();
    await page.locator('input[type="radio"][value="individual"]').waitFor();
    await context.close();
  });

  it('is not served without the sandbox: only the widget, its iframe page and the API are', async () => {
    const sandbox = await startSandbox({ apiKey: 'sk_e2e_' + 'k'.repeat(24), webhook: { secret: 'whsec_e2e_demo' } });
    const production = await startProxy({
      SPHEREPAY_API_KEY: 'sk_e2e_' + 'k'.repeat(24), SPHEREPAY_BASE_URL: sandbox.url, SPHEREPAY_WEBHOOK_SECRET: 'whsec_e2e_demo', RAMP_SERVER_SECRET: 'e2e-production-secret',
    });
    try {
      for (const path of ['/', '/script-tag', '/demo/config']) assert.equal((await fetch(`${production.url}${path}`)).status, 404, path);
      assert.equal((await fetch(`${production.url}/demo/session`, { method: 'POST' })).status, 404);
      assert.equal((await fetch(`${production.url}/sphere-ramp.js`)).status, 200);
      assert.equal((await fetch(`${production.url}/embed`)).status, 200);
    } finally {
      await production.close();
      await sandbox.close();
    }
  });
});
