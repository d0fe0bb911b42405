// `npm test`: node tests, then browser tests, then the package as it ships
// (a full build; server import, manifest, hygiene, the packed tarball in a
// consumer project), then end-to-end tests against the built bundles.
// `npm test -- node|web|package|e2e` runs one group. Exit code says pass/fail.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { runDatabase } from './test-database.mjs';

const groups = process.argv.slice(2);
const want = (g) => groups.length === 0 || groups.includes(g);

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/** Runs one group; returns its exit code, 0 when it passed. */
function attempt(label, cmd, args, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status === 0) return 0;
  console.error(`\n${label} failed (exit ${r.status ?? r.signal}).`);
  return r.status || 1;
}

function run(label, cmd, args, env = {}) {
  const status = attempt(label, cmd, args, env);
  if (status !== 0) process.exit(status);
}

run('layout', process.execPath, ['scripts/check-layout.mjs']);

if (want('node')) {
  const files = [...testFiles('test/contract'), ...testFiles('test/sandbox'), ...testFiles('test/proxy')];
  if (files.length) {
    // PostgreSQL tests get a database of this run's own (RAMP_TEST_PG; empty: none answered, they skip).
    const db = await runDatabase();
    const status = attempt('node tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { LOG_LEVEL: 'silent', RAMP_TEST_PG: db.url });
    await db.drop();
    if (status !== 0) process.exit(status);
  }
}
if (want('web') || want('package') || want('e2e')) {
  const chrome = ensureChromium();
  if (want('web') && testFiles('test/widget').length) {
    run('browser tests', process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'], { CHROME_PATH: chrome, LOG_LEVEL: 'silent' });
  }
  if (want('package') && testFiles('test/package').length) {
    run('build (everything that ships)', process.execPath, ['scripts/build.mjs']);
    run('package tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/package')], { CHROME_PATH: chrome, LOG_LEVEL: 'silent' });
  }
  if (want('e2e') && testFiles('test/e2e').length) {
    run('end-to-end tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/e2e')], { CHROME_PATH: chrome, LOG_LEVEL: 'silent' });
  }
}
console.log('\nAll tests passed.');
