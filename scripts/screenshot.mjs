// docs/screenshot.png: the widget showing deposit instructions, taken in
// Chromium (playwright-core) on the demo's script-tag page after the same
// journey the end-to-end tests make. Run: node --import tsx scripts/screenshot.mjs
import { join } from 'node:path';
import { buildServedParts, launchChromium, startProxy, ROOT } from '../test/e2e/support/stack.ts';
import { onboardAndOnRamp } from '../test/e2e/support/person.ts';

buildServedParts();
const server = await startProxy();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2, colorScheme: 'light' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/script-tag`);
  await onboardAndOnRamp(context, page, {
    async approve() {
      await page.getByRole('button', { name: 'Approve KYC' }).click();
      await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    },
    async received(type, count) {
      await page.waitForFunction(([t, n]) => document.querySelectorAll(`#event-log li[data-type="${t}"]`).length >= Number(n), [type, String(count)]);
    },
  });
  await page.locator('main').screenshot({ path: join(ROOT, 'docs/screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}
