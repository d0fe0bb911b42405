/**
 * What ships defines what it renders: every chunk of the script-tag build
 * (dist/sphere-ramp/*, also what the /embed page loads) is imported in
 * Chromium, in a page and inside the /embed frame, and every
 * `sphere-ramp-*` tag the templates use must then be a defined custom
 * element. A bundler that tree-shakes a `define` away (the `sideEffects`
 * trap) fails here, although source-compiled browser tests stay green.
 * The npm build (dist/esm) gets the same check through a real consumer
 * bundle in test/package/packed.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { ROOT, buildServedParts, launchChromium, openPageAt, startProxy } from './support/stack.ts';
import { templateTags } from './support/tags.ts';

let server: RampServer;
let browser: Browser;
const TAGS = templateTags(ROOT);

/** Imports every chunk, then answers which tags are still undefined. */
async function undefinedAfterLoading(scope: Page | Frame, chunks: string[]): Promise<string[]> {
  return scope.evaluate(
    async ([files, tags]) => {
      for (const file of files) await import(`/sphere-ramp/${file}`);
      await new Promise((r) => setTimeout(r, 0));
      return tags.filter((t) => !customElements.get(t));
    },
    [chunks, TAGS] as const,
  );
}

describe('the built bundles define every element their templates use', () => {
  before(async () => {
    buildServedParts();
    server = await startProxy();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const chunks = () => readdirSync(join(ROOT, 'dist/sphere-ramp')).filter((f) => f.endsWith('.js'));

  it('finds the tags the templates use (copy button and QR code among them)', () => {
    for (const tag of ['sphere-ramp-copy', 'sphere-ramp-qr', 'sphere-ramp-deposit-instructions', 'sphere-ramp-profile', 'sphere-ramp-transfer']) {
      assert.ok(TAGS.includes(tag), `${tag} is used by a template`);
    }
    assert.ok(chunks().length > 5, 'the script build has its chunks');
  });

  it('ships no QR encoder (the proxy draws QR codes, GET /api/qr)', () => {
    // lean-qr's own error text, which minification keeps.
    const withEncoder = chunks().filter((f) => readFileSync(join(ROOT, 'dist/sphere-ramp', f), 'utf8').includes('lean-qr error'));
    assert.deepEqual(withEncoder, []);
  });

  it('script tag: after loading /sphere-ramp.js and every chunk, all of them are defined', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openPageAt(page, server.url, '<!doctype html><script src="/sphere-ramp.js"></script>');
    await page.waitForFunction(() => customElements.get('sphere-ramp'));
    assert.deepEqual(await undefinedAfterLoading(page, chunks()), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the minified theme keeps every token, in light and dark (no declaration swallowed by the one before)', async () => {
    const names = [...new Set(readFileSync(join(ROOT, 'widget/theme/tokens.ts'), 'utf8').match(/--ramp-[a-z-]+(?=:)/g))];
    assert.ok(names.length > 10, `tokens found (${names.join(', ')})`);
    const page = await browser.newPage();
    await openPageAt(page, server.url, '<!doctype html><script src="/sphere-ramp.js"></script><sphere-ramp theme="light"></sphere-ramp><sphere-ramp theme="dark"></sphere-ramp>');
    await page.waitForFunction(() => [...document.querySelectorAll('sphere-ramp')].every((el) => el.shadowRoot?.querySelector('[part="base"]')));
    const seen = await page.evaluate(
      (tokens) =>
        [...document.querySelectorAll('sphere-ramp')].map((el) => {
          const style = getComputedStyle(el);
          return { theme: el.getAttribute('theme'), scheme: style.colorScheme, values: Object.fromEntries(tokens.map((t) => [t, style.getPropertyValue(t).trim()])) };
        }),
      names,
    );
    for (const { theme, scheme, values } of seen) {
      assert.equal(scheme, theme, `color-scheme of theme="${theme}"`);
      for (const [token, value] of Object.entries(values)) {
        assert.ok(value && !value.includes(':'), `${token} on theme="${theme}" resolves to one value (got "${value}")`);
      }
    }
    assert.notEqual(seen[0]!.values['--ramp-color-focus'], seen[1]!.values['--ramp-color-focus'], 'dark has its own focus colour');
    await page.close();
  });

  it('iframe: inside the /embed page, after every chunk, all of them are defined', async () => {
    const page = await browser.newPage();
    await openPageAt(page, server.url, `<!doctype html><iframe src="${server.url}/embed"></iframe>`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    assert.ok(frame);
    await frame.waitForFunction(() => customElements.get('sphere-ramp'));
    assert.deepEqual(await undefinedAfterLoading(frame, chunks()), []);
    await page.close();
  });
});
