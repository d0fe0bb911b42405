/**
 * The end-to-end stack: dist/ built when missing or stale, then the real
 * proxy with its embedded sandbox (auto-pilot off) on an ephemeral port, and
 * Chromium through playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startDevServer as startServer, type DevServer as RampServer } from '../../../dev/server.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export function buildServedParts(): void {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building dist/ failed');
}

export async function startProxy(env: Record<string, string> = {}): Promise<RampServer> {
  return startServer(
    { SPHEREPAY_API_KEY: '', RAMP_DB: join(mkdtempSync(join(tmpdir(), 'ramp-e2e-')), 'ramp.db'), RAMP_SANDBOX_AUTOPILOT: '0', LOG_LEVEL: 'silent', ...env },
    { port: 0, host: '127.0.0.1' },
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
}

/** The secrets a browser must never see, as the running server knows them. */
export const secretsOf = (server: RampServer) => [server.config.spherepay.apiKey, server.config.serverSecret, server.config.spherepay.webhookSecret];

/**
 * Opens `html` as a page of the proxy's origin (a merchant page served next
 * to the proxy). A routed navigation, not `page.setContent`: Chromium does
 * not upgrade custom elements written into a `document.open()`ed document.
 */
export async function openPageAt(page: import('playwright-core').Page, origin: string, html: string): Promise<void> {
  const url = `${origin}/__test-page-${Math.random().toString(36).slice(2)}`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(url);
}
