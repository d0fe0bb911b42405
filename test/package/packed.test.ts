/**
 * The packed package, as a merchant's developer gets it: `npm pack`, then a
 * fresh consumer project with the tarball unpacked into its node_modules
 * (offline: its declared dependencies, and the app's React, are linked from
 * this repository's node_modules, so a dependency the tarball forgets to
 * declare does not resolve). In that project:
 * - a strict TSX file type-checks against the packed .d.ts (the wrapper,
 *   the element in JSX with typed attributes and event details), and wrong
 *   attribute values or detail fields fail to compile;
 * - a Next.js-style server import: every entry imports in Node and the
 *   React wrapper renders with renderToString;
 * - a Vite + React app built from it works in Chromium as the README says,
 *   and, with every chunk of its bundle loaded, defines every element the
 *   templates use (the npm build's answer to the `sideEffects` trap).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DevServer as RampServer } from '../../dev/server.ts';
import { launchChromium, startProxy } from '../e2e/support/stack.ts';
import { templateTags } from '../e2e/support/tags.ts';
import { ROOT, ensureFullBuild } from './support.ts';

const SECRET = 'packed-consumer-secret';
let work: string;
let app: string;

/** Vue's template checker reads GlobalComponents: the element is declared there with its typed attributes. */
const VUE_CONSUMER = `import type {} from 'sphere-ramp/vue';
import type { GlobalComponents } from 'vue';

type Ramp = InstanceType<GlobalComponents['sphere-ramp']>['$props'];
export const ramp: Ramp = { 'session-url': '/ramp/session', theme: 'dark', locale: 'es' };
// @ts-expect-error theme is 'light' | 'dark' | 'auto'
export const wrong: Ramp = { theme: 'blue' };
// @ts-expect-error only <sphere-ramp> is declared
export type Missing = GlobalComponents['sphere-rampx'];
`;

const TSX_CONSUMER = `import { useState } from 'react';
import { SphereRamp, type SphereRampProps } from 'sphere-ramp/react';
import { RAMP_ERROR_CODES, RAMP_EVENTS, type RampErrorDetail, type RampEvent } from 'sphere-ramp';
import { createRampFrame } from 'sphere-ramp/frame';

export function Checkout(props: { token: () => Promise<string> }) {
  const [error, setError] = useState<RampErrorDetail | null>(null);
  const wrapperProps: SphereRampProps = { fetchSession: props.token, direction: 'off-ramp' };
  return (
    <>
      <SphereRamp {...wrapperProps} sessionUrl="/ramp/session" theme="dark" onRampError={(e) => setError(e.detail)}
        onRampQuote={(e) => console.log(e.detail.destination.exchangeRate.toUpperCase())} />
      <sphere-ramp session-url="/ramp/session" api-base="https://ramp.example.com" theme="auto" locale="pt-BR" debug
        fetchSession={props.token}
        onramp-error={(e) => { const retry: boolean = e.detail.retryable; console.log(retry, RAMP_ERROR_CODES.includes(e.detail.code as never)); }}
        onramp-transfer-status={(e: RampEvent<'ramp-transfer-status'>) => console.log(e.detail.status, e.detail.previous)} />
      {error ? <p>{error.message}</p> : null}
    </>
  );
}

export const frame = (host: HTMLElement) => createRampFrame(host, { src: 'https://ramp.example.com/embed', sessionUrl: '/ramp/session' });
export const names: readonly string[] = RAMP_EVENTS;
document.createElement('sphere-ramp').addEventListener('ramp-quote', (e) => console.log(e.detail.quoteId));

// @ts-expect-error theme is 'light' | 'dark' | 'auto'
export const WrongTheme = () => <sphere-ramp theme="blue" />;
// @ts-expect-error an event detail is typed, not any
export const WrongDetail = () => <sphere-ramp onramp-quote={(e) => e.detail.notAField} />;
// @ts-expect-error the wrapper's event props are typed too
export const WrongWrapper = () => <SphereRamp onRampTransferCreated={(e) => e.detail.notAField} />;
`;

const MAIN_TSX = `import { createRoot } from 'react-dom/client';
import { SphereRamp } from 'sphere-ramp/react';

const apiBase = document.querySelector('meta[name="ramp-proxy"]')!.getAttribute('content')!;
createRoot(document.getElementById('root')!).render(
  <SphereRamp apiBase={apiBase} sessionUrl="/ramp/session" onRampReady={() => (document.body.dataset.ready = 'yes')} />,
);
`;

const SERVER_IMPORT = `import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
await import('sphere-ramp');
await import('sphere-ramp/frame');
await import('sphere-ramp/vue');
const { SphereRamp } = await import('sphere-ramp/react');
console.log(renderToString(createElement(SphereRamp, { sessionUrl: '/ramp/session', theme: 'dark' })));
`;

/** npm pack, then the consumer project with the tarball unpacked and its dependencies linked. */
function makeConsumer() {
  work = mkdtempSync(join(tmpdir(), 'sphere-ramp-consumer-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made a tarball');
  app = join(work, 'app');
  const modules = join(app, 'node_modules');
  mkdirSync(modules, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
  cpSync(join(work, 'package'), join(modules, 'sphere-ramp'), { recursive: true });
  const packed = JSON.parse(readFileSync(join(modules, 'sphere-ramp/package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
  const appDeps = ['react-dom', '@types/react', '@types/react-dom'];
  for (const name of [...Object.keys(packed.dependencies), ...Object.keys(packed.peerDependencies), ...appDeps]) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir');
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx',
      strict: true, noEmit: true, noUnusedLocals: true, exactOptionalPropertyTypes: false, types: [],
    },
    include: ['src'],
  }));
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src/checkout.tsx'), TSX_CONSUMER);
  writeFileSync(join(app, 'src/vue-globals.ts'), VUE_CONSUMER);
  writeFileSync(join(app, 'src/main.tsx'), MAIN_TSX);
  writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="en"><head><meta name="ramp-proxy" content="%PROXY%"><title>consumer</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>');
  writeFileSync(join(app, 'server-import.mjs'), SERVER_IMPORT);
}

describe('the packed tarball in a fresh consumer project', () => {
  let proxy: RampServer;
  let site: Server;
  let browser: Browser;

  before(() => {
    ensureFullBuild();
    makeConsumer();
  });
  after(async () => {
    await browser?.close();
    site?.close();
    await proxy?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('a strict TSX consumer, and a Vue app\'s global components, type-check against the packed types, and wrong uses do not', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
    // The @ts-expect-error lines would themselves fail the compile if the types were \`any\`.
  });

  it('Next.js-style server import: every entry imports in Node and the wrapper renders with renderToString', () => {
    assert.match(readFileSync(join(app, 'node_modules/sphere-ramp/dist/esm/react.js'), 'utf8'), /^['"]use client['"];/);
    const run = spawnSync(process.execPath, ['server-import.mjs'], { cwd: app, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<sphere-ramp[\s>]/);
  });

  it('a Vite + React app built from it shows the widget, and its bundle defines every element the templates use', async () => {
    const { build } = await import('vite');
    const { default: react } = await import('@vitejs/plugin-react');
    await build({ root: app, configFile: false, logLevel: 'error', plugins: [react()], build: { outDir: join(app, 'dist'), target: 'es2022' } });
    const dist = join(app, 'dist');
    const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    assert.ok(chunks.length > 1, 'steps are split into chunks');

    site = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/ramp/session') {
        const minted = await fetch(`${proxy.url}/api/sessions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ externalUserId: `packed-${Date.now()}` }),
        });
        res.writeHead(minted.status, { 'content-type': 'application/json' }).end(await minted.text());
        return;
      }
      const file = normalize(join(dist, url.pathname === '/' ? 'index.html' : url.pathname));
      if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
      const body = readFileSync(file);
      const type = extname(file) === '.html' ? 'text/html' : 'text/javascript';
      res.writeHead(200, { 'content-type': type }).end(type === 'text/html' ? body.toString().replace('%PROXY%', proxy.url) : body);
    });
    const port = await new Promise<number>((resolve) => site.listen(0, '127.0.0.1', () => resolve((site.address() as AddressInfo).port)));
    const origin = `http://localhost:${port}`;
    proxy = await startProxy({ RAMP_ALLOWED_ORIGINS: origin, RAMP_SERVER_SECRET: SECRET });
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    await page.locator('sphere-ramp [data-step="profile"]').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.body.dataset.ready === 'yes');
    const missing = await page.evaluate(
      async ([files, tags]) => {
        for (const file of files) await import(`/assets/${file}`);
        return tags.filter((t) => !customElements.get(t));
      },
      [chunks, templateTags(ROOT)] as const,
    );
    assert.deepEqual(missing, [], 'every sphere-ramp-* tag is defined by the consumer bundle');
    assert.deepEqual(errors, []);
  });
});
