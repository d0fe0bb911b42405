// `npm run build`: everything in dist/ —
//   dist/esm/              the npm package (ESM, .d.ts) + dist/custom-elements.json
//   dist/sphere-ramp/      the script-tag and iframe code (hashed ES module chunks)
//   dist/sphere-ramp.js    the script-tag loader served at /sphere-ramp.js
//   (each of these .js files also as .js.br and .js.gz, for Content-Encoding negotiation)
//   dist/embed/index.html  the iframe page served at /embed
//   dist/demo/             the demo merchant site
// `--served` builds only what the proxy serves; `--if-stale` (used by
// `npm start`) does that only when dist/ lacks it or is older than its sources.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const configFile = join(root, 'vite.config.ts');
const ifStale = process.argv.includes('--if-stale');
const servedOnly = ifStale || process.argv.includes('--served');

/** The sources each output depends on, for the staleness check of `npm start`. */
const SERVED_SOURCES = ['widget', 'contract', 'demo/index.html', 'demo/script-tag.html', 'demo/minimal.html', 'demo/portal.html', 'demo/spa.html', 'demo/spa', 'vite.config.ts', 'scripts/build.mjs'];
const STAMP = join(dist, '.served-build');

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

/** True when dist/ lacks what the proxy serves or is older than its sources. */
function servedBuildIsStale() {
  return !existsSync(STAMP) || statSync(STAMP).mtimeMs < newestMtime(SERVED_SOURCES);
}

const vite = (mode) => build({ configFile, mode });

function run(label, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
}

/**
 * .d.ts files keep the sources' `.ts` specifiers; consumers need `.js`. And
 * tsc names inferred Lit types by the package that declares them
 * (`import("lit-html")`), which is not our dependency (strict installs such
 * as pnpm's do not hoist it); `lit` re-exports them.
 */
function rewriteDeclarationSpecifiers(dir) {
  for (const name of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.d.ts'))) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const fixed = text
      .replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3')
      .replace(/\bimport\(\s*"(?:lit-html|lit-element|@lit\/reactive-element)(?:\/[^"]*)?"\s*\)/g, 'import("lit")');
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

async function buildScriptAndEmbed() {
  await vite('script');
  const manifest = JSON.parse(readFileSync(join(dist, 'sphere-ramp/.vite/manifest.json'), 'utf8'));
  const entry = (src) => manifest[src]?.file ?? fail(`no ${src} in the script build manifest`);
  process.env.RAMP_SCRIPT_ENTRY = `sphere-ramp/${entry('widget/embed-bridge/script-entry.ts')}`;
  process.env.RAMP_PRELOAD = JSON.stringify([...firstScreen(manifest)].map((file) => `sphere-ramp/${file}`));
  await vite('loader');
  await precompress([join(dist, 'sphere-ramp.js'), ...readdirSync(join(dist, 'sphere-ramp')).filter((f) => f.endsWith('.js')).map((f) => join(dist, 'sphere-ramp', f))]);
  mkdirSync(join(dist, 'embed'), { recursive: true });
  const page = readFileSync(join(root, 'widget/embed-bridge/embed.html'), 'utf8').replace('%EMBED_ENTRY%', `/sphere-ramp/${entry('widget/embed-bridge/embed-entry.ts')}`);
  writeFileSync(join(dist, 'embed/index.html'), page);
}

/**
 * What a new person's first screen loads, for the loader's modulepreload links:
 * the entry's static closure, the first step's, and that step's strings.
 * The first step is STEP_VIEWS.profile in widget/sphere-ramp/steps.ts.
 */
const FIRST_SCREEN = ['widget/embed-bridge/script-entry.ts', 'widget/steps/onboarding/profile-step/define.ts', 'widget/i18n/en/profile.ts'];

function firstScreen(manifest) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key] ?? fail(`no ${key} in the script build manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  FIRST_SCREEN.forEach(visit);
  return files;
}

/**
 * `.br` and `.gz` beside each served file, at the highest levels (built once,
 * served many times): the proxy picks one by Accept-Encoding (proxy-server/static-files.ts).
 * The gzip is Zopfli's: the same format every client reads, 4% smaller than zlib's level 9
 * (3.5 KB over the script tag's code), for about 2 s of build time.
 */
async function precompress(files) {
  await Promise.all(files.map(async (file) => {
    const body = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${file}.gz`, await gzipAsync(body, { numiterations: 15 }));
  }));
}

function fail(message) {
  throw new Error(message);
}

if (ifStale && !servedBuildIsStale()) process.exit(0);
const started = Date.now();
try {
  if (!servedOnly) {
    await vite('esm');
    run('declarations (tsc -p tsconfig.build.json)', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
    rewriteDeclarationSpecifiers(join(dist, 'esm'));
    run('custom-elements.json', process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
  }
  await buildScriptAndEmbed();
  await vite('demo');
  writeFileSync(STAMP, new Date().toISOString() + '\n');
  console.log(`built dist/${servedOnly ? ' (served parts)' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`build failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
