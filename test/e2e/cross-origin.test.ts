/**
 * A merchant site on another origin than the proxy (localhost vs 127.0.0.1):
 * the script tag finds the proxy from its own URL, the iframe talks to the
 * page by postMessage and is sized by it, and a site outside the allowlist
 * cannot frame the widget at all.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { ROOT, buildServedParts, launchChromium, startProxy } from './support/stack.ts';

const SERVER_SECRET = 'e2e-cross-origin-secret';

/** A merchant's site: two host pages, the npm package's files, and a session endpoint calling the proxy. */
function merchantSite(proxyUrl: () => string) {
  const log = `<ol id="log"></ol><script>
    const names = ['ramp-ready', 'ramp-step-change', 'ramp-error', 'ramp-session-expired'];
    for (const n of names) document.addEventListener(n, (e) => {
      const li = document.createElement('li'); li.dataset.type = n; li.textContent = JSON.stringify(e.detail); document.getElementById('log').append(li);
    });
  </script>`;
  // `?attrs=` adds attributes to the element (debug, api-base, session-url), as a merchant would write them.
  const pages: Record<string, (url: URL) => string> = {
    '/script': (url) => `<!doctype html><title>shop</title>${log}<script src="${url.searchParams.get('src') ?? `${proxyUrl()}/sphere-ramp.js`}"></script>
      <sphere-ramp ${(url.searchParams.get('attrs') ?? '').includes('session-url') ? '' : 'session-url="/ramp/session"'} ${url.searchParams.get('attrs') ?? ''}></sphere-ramp>`,
    '/frame': () => `<!doctype html><title>portal</title>${log}<div id="host"></div><script type="module">
      import { createRampFrame } from '/pkg/frame.js';
      createRampFrame(document.getElementById('host'), { src: '${proxyUrl()}/embed', sessionUrl: '/ramp/session' });
    </script>`,
  };
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // `/ramp/session` passes on the proxy's whole answer; `/ramp/session-token-only` only the token, as some backends will.
    if (req.method === 'POST' && (url.pathname === '/ramp/session' || url.pathname === '/ramp/session-token-only')) {
      const minted = await fetch(`${proxyUrl()}/api/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SERVER_SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ externalUserId: `cross-${Math.random().toString(36).slice(2)}` }),
      });
      const text = await minted.text();
      const body = url.pathname === '/ramp/session' || !minted.ok ? text : JSON.stringify({ token: (JSON.parse(text) as { token: string }).token });
      res.writeHead(minted.status, { 'content-type': 'application/json' }).end(body);
      return;
    }
    if (url.pathname.startsWith('/pkg/')) {
      const file = normalize(join(ROOT, 'dist/esm', url.pathname.slice(5)));
      if (file.startsWith(join(ROOT, 'dist/esm')) && existsSync(file)) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
        return;
      }
    }
    const page = pages[url.pathname === '/csp' ? '/script' : url.pathname];
    // `/csp`: the shop page under a Content-Security-Policy that forgot the proxy in connect-src.
    const csp = url.pathname === '/csp' ? { 'content-security-policy': `script-src 'self' 'unsafe-inline' ${proxyUrl()}; connect-src 'self'` } : {};
    if (page) res.writeHead(200, { 'content-type': 'text/html', ...csp }).end(page(url));
    else res.writeHead(404).end();
  });
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

let proxy: RampServer;
let allowed: Server;
let stranger: Server;
let allowedOrigin: string;
let strangerOrigin: string;
let browser: Browser;

const logged = (page: Page, type: string) => page.locator(`#log li[data-type="${type}"]`);

describe('a merchant site on another origin', () => {
  before(async () => {
    buildServedParts();
    if (!existsSync(join(ROOT, 'dist/esm/frame.js'))) await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'esm' });
    allowed = merchantSite(() => proxy.url);
    stranger = merchantSite(() => proxy.url);
    allowedOrigin = `http://localhost:${await listen(allowed)}`;
    strangerOrigin = `http://localhost:${await listen(stranger)}`;
    proxy = await startProxy({ RAMP_ALLOWED_ORIGINS: allowedOrigin, RAMP_SERVER_SECRET: SERVER_SECRET });
    assert.match(proxy.url, /^http:\/\/127\.0\.0\.1:/);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await proxy?.close();
    allowed?.close();
    stranger?.close();
  });

  it('script tag: the widget calls the proxy it was loaded from, not the page origin', async () => {
    const page = await browser.newPage();
    const apiOrigins = new Set<string>();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiOrigins.add(new URL(r.url()).origin);
    });
    await page.goto(`${allowedOrigin}/script`);
    await page.locator('[data-step="profile"]').waitFor();
    assert.equal(await logged(page, 'ramp-ready').count() > 0, true);
    assert.deepEqual([...apiOrigins], [proxy.url]);
    await page.close();
  });

  it('script tag: a backend that passes on only the token still works; the loader then asks GET /api/session early, once', async () => {
    const page = await browser.newPage();
    const calls: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (/^\/(api\/session|ramp\/session)/.test(pathname)) calls.push(`${r.method()} ${pathname}`);
    });
    await page.goto(`${allowedOrigin}/script?attrs=${encodeURIComponent('session-url="/ramp/session-token-only"')}`);
    await page.locator('[data-step="profile"]').waitFor();
    assert.deepEqual(calls, ['POST /ramp/session-token-only', 'GET /api/session']);
    await page.close();
  });

  it('script tag: the first screen comes in one preloaded wave, compressed and cached for good, with one early session request', async () => {
    const page = await browser.newPage();
    const scripts: { path: string; encoding?: string; cache?: string; vary?: string }[] = [];
    let sessionPosts = 0;
    let sessionInfos = 0;
    const order: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === '/api/session') sessionInfos++;
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/ramp/session') {
        sessionPosts++;
        order.push('session requested');
      }
    });
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (/^\/sphere-ramp\/index-/.test(url.pathname)) order.push('entry received');
      if (url.origin === proxy.url && url.pathname.startsWith('/sphere-ramp/')) {
        const h = r.headers();
        scripts.push({ path: url.pathname, encoding: h['content-encoding'], cache: h['cache-control'], vary: h['vary'] });
      }
    });
    await page.goto(`${allowedOrigin}/script`);
    await page.locator('[data-step="profile"]').waitFor();
    const preloaded = await page.$$eval('link[rel="modulepreload"]', (links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    assert.ok(preloaded.length >= 2, `the loader preloads the first screen (${preloaded.join(', ')})`);
    // Response events reach this process a little after the page uses them: give the last ones a moment.
    for (let i = 0; i < 50 && !preloaded.every((p) => scripts.some((s) => s.path === p)); i++) await new Promise((r) => setTimeout(r, 100));
    const fetched = scripts.map((s) => s.path);
    for (const path of preloaded) assert.equal(fetched.filter((p) => p === path).length, 1, `${path} was preloaded and then imported from the same fetch (not fetched twice)`);
    // The first screen's chunks are known before the entry runs: the entry and the first step with its strings.
    assert.ok(preloaded.some((p) => /\/index-/.test(p)) && preloaded.some((p) => /\/en-profile-/.test(p)), `entry and first-step strings preloaded (${preloaded.join(', ')})`);
    for (const s of scripts) {
      assert.match(s.encoding ?? 'identity', /^(br|gzip)$/, `${s.path} travels compressed`);
      assert.equal(s.cache, 'public, max-age=31536000, immutable', s.path);
      assert.equal(s.vary, 'Accept-Encoding', s.path);
    }
    assert.equal(sessionPosts, 1, 'the loader starts the session request and the widget uses it: one mint, not two');
    assert.equal(sessionInfos, 0, "the proxy's mint answer carries the policy: no GET /api/session before the first screen");
    assert.equal(order[0], 'session requested', `the session is asked for before the widget's code has arrived (${order.join(' -> ')})`);
    await page.close();
  });

  it('iframe: events arrive as DOM events on the iframe, and the frame is sized to its content', async () => {
    const page = await browser.newPage();
    await page.goto(`${allowedOrigin}/frame`);
    await page.frameLocator('#host iframe').locator('[data-step="profile"]').waitFor();
    await logged(page, 'ramp-step-change').filter({ hasText: '"profile"' }).waitFor();
    assert.ok((await logged(page, 'ramp-ready').count()) > 0);
    const height = await page.locator('#host iframe').evaluate((f) => parseFloat((f as HTMLIFrameElement).style.height));
    assert.ok(height > 200, `iframe sized to its content (${height}px)`);
    await page.close();
  });

  /** Opens a shop page and waits for its first ramp-error; with what `debug` printed. */
  async function firstError(url: string) {
    const page = await browser.newPage();
    const printed: string[] = [];
    page.on('console', (m) => printed.push(m.text()));
    await page.goto(url);
    await logged(page, 'ramp-error').first().waitFor();
    const detail = JSON.parse((await logged(page, 'ramp-error').first().textContent())!) as { code: string; message: string; retryable: boolean };
    return { page, detail, printed: printed.join('\n') };
  }

  it('script tag on a site outside the allowlist: ramp-error origin-not-allowed before any form, and debug names the fix', async () => {
    const { page, detail, printed } = await firstError(`${strangerOrigin}/script?attrs=debug`);
    assert.equal(detail.code, 'origin-not-allowed');
    assert.equal(detail.retryable, false);
    assert.match(detail.message, new RegExp(strangerOrigin));
    assert.match(printed, new RegExp(`RAMP_ALLOWED_ORIGINS.*${strangerOrigin}`), 'debug prints which variable and which origin');
    await page.getByText('not available on this site').waitFor();
    assert.equal(await page.locator('[data-pointer]').count(), 0, 'the person is not shown a form to fill in');
    assert.equal(await logged(page, 'ramp-ready').count(), 0, 'no ramp-ready');
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0, 'no retry that cannot help');
    await page.close();
  });

  it('without debug, the same ramp-error fires and nothing prints the fix', async () => {
    const { page, detail, printed } = await firstError(`${strangerOrigin}/script`);
    assert.equal(detail.code, 'origin-not-allowed');
    assert.doesNotMatch(printed, /RAMP_ALLOWED_ORIGINS/);
    await page.close();
  });

  it('a page whose CSP leaves the proxy out of connect-src: proxy-unreachable, and debug names the directive', async () => {
    const { page, detail, printed } = await firstError(`${allowedOrigin}/csp?attrs=debug`);
    assert.equal(detail.code, 'proxy-unreachable');
    assert.match(printed, new RegExp(`connect-src.*${proxy.url}|${proxy.url}.*connect-src`));
    await page.close();
  });

  it('api-base pointing at something that is not a proxy: proxy-unreachable, and debug says to set api-base', async () => {
    const { page, detail, printed } = await firstError(`${allowedOrigin}/script?attrs=${encodeURIComponent(`debug api-base="${allowedOrigin}"`)}`);
    assert.equal(detail.code, 'proxy-unreachable');
    assert.equal(detail.retryable, false);
    assert.match(printed, /api-base=/);
    await page.close();
  });

  it('a session-url that fails: session-failed, and debug says what the route must do', async () => {
    const { page, detail, printed } = await firstError(`${allowedOrigin}/script?attrs=${encodeURIComponent('debug session-url="/no-such-route"')}`);
    assert.equal(detail.code, 'session-failed');
    assert.match(detail.message, /\/no-such-route answered 404/);
    assert.match(printed, /POST \/api\/sessions.*RAMP_SERVER_SECRET/);
    await page.close();
  });

  it('script tag from a package CDN: a console warning before any call, then proxy-unreachable naming the CDN', async () => {
    // The CDN serves the package's own dist/ (as unpkg would), intercepted by the browser: no traffic leaves the machine.
    const cdn = 'https://unpkg.com/sphere-ramp@0.1.0/dist';
    const page = await browser.newPage();
    // Every request off this machine is answered here: the CDN's files from dist/, anything else 404 (with CORS, as unpkg does).
    await page.route((url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1', (route) => {
      const url = new URL(route.request().url());
      const prefix = '/sphere-ramp@0.1.0/dist/';
      const file = url.hostname === 'unpkg.com' && url.pathname.startsWith(prefix) ? normalize(join(ROOT, 'dist', url.pathname.slice(prefix.length))) : '';
      const found = !!file && file.startsWith(join(ROOT, 'dist')) && existsSync(file);
      return route.fulfill({ status: found ? 200 : 404, contentType: found ? 'text/javascript' : 'text/plain', headers: { 'access-control-allow-origin': '*' }, body: found ? readFileSync(file) : 'Not found' });
    });
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.goto(`${allowedOrigin}/script?src=${encodeURIComponent(`${cdn}/sphere-ramp.js`)}`);
    await logged(page, 'ramp-error').first().waitFor();
    const detail = JSON.parse((await logged(page, 'ramp-error').first().textContent())!) as { code: string; message: string };
    assert.equal(detail.code, 'proxy-unreachable');
    assert.match(detail.message, /package CDN/);
    assert.ok(warnings.some((w) => w.includes('https://unpkg.com') && w.includes('api-base')), `a console warning names the CDN and api-base: ${warnings.join(' | ')}`);
    await page.close();
  });

  it('iframe on a site outside the allowlist: the browser refuses to frame /embed', async () => {
    const page = await browser.newPage();
    const embed = page.waitForResponse((r) => r.url().startsWith(`${proxy.url}/embed`));
    await page.goto(`${strangerOrigin}/frame`);
    const response = await embed;
    assert.match(response.headers()['content-security-policy'] ?? '', new RegExp(`frame-ancestors 'self' ${allowedOrigin}(;|$)`));
    await page.waitForLoadState('load');
    const child = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(child, 'the iframe exists');
    assert.equal(await child.locator('sphere-ramp').count(), 0, 'no widget rendered inside a refused frame');
    assert.equal(await logged(page, 'ramp-ready').count(), 0);
    await page.close();
  });
});
