/**
 * `npm run bench`: one line per figure, with the budget it is held to.
 * Builds dist/ first when it is missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleSizes } from './sizes.ts';
import { timeToInteractive } from './interactive.ts';
import { multiProcessFigures } from './multi-process.ts';
import { relayFigures } from './relay.ts';
import { startBenchStack } from './stack.ts';

const root = join(import.meta.dirname, '..');
const KB = 1024;
const BUDGET = { scriptTag: 40 * KB, firstScreen: 20 * KB };
const RUNS = 7;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (value: number, budget: number) => (value <= budget ? `within budget (<= ${kb(budget)})` : `OVER BUDGET (<= ${kb(budget)})`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const sizes = bundleSizes(join(root, 'dist'));
console.log(`script-tag bundle, gzipped: ${kb(sizes.scriptTag.bytes)} in ${sizes.scriptTag.files} files, ${verdict(sizes.scriptTag.bytes, BUDGET.scriptTag)}`);
console.log(`first screen, gzipped: ${kb(sizes.firstScreen.bytes)} in ${sizes.firstScreen.files} files, ${verdict(sizes.firstScreen.bytes, BUDGET.firstScreen)}`);

const stack = await startBenchStack();
try {
  const times = await timeToInteractive(`${stack.proxyUrl}/script-tag`, RUNS);
  console.log(`navigation to interactive (Chromium, script tag, cold cache): median ${median(times).toFixed(0)} ms of ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
  const relay = await relayFigures(stack.proxyUrl, stack.sandboxUrl);
  console.log(`relay throughput (10 connections): ${relay.throughput.proxy.toFixed(0)} req/s via the proxy vs ${relay.throughput.direct.toFixed(0)} req/s direct to the sandbox`);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`relay added latency (1 connection): mean +${ms(relay.latencyMean.proxy - relay.latencyMean.direct)} (${ms(relay.latencyMean.proxy)} vs ${ms(relay.latencyMean.direct)}), p50 +${(relay.latencyP50.proxy - relay.latencyP50.direct).toFixed(2)} ms (${relay.latencyP50.proxy} vs ${relay.latencyP50.direct} ms), p99 +${(relay.latencyP99.proxy - relay.latencyP99.direct).toFixed(2)} ms (${relay.latencyP99.proxy} vs ${relay.latencyP99.direct} ms)`);
} finally {
  await stack.close();
}

const multi = await multiProcessFigures();
if ('skipped' in multi) console.log(`relay throughput, two processes on PostgreSQL vs one on SQLite: skipped, ${multi.skipped}`);
else console.log(`relay throughput (10 connections, each proxy its own process): ${multi.postgresTwo.toFixed(0)} req/s with two processes on PostgreSQL vs ${multi.sqliteOne.toFixed(0)} req/s with one process on SQLite`);
