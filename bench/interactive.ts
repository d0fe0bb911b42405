/**
 * Time from navigation to the widget being interactive: a fresh browser
 * context (cold cache, new demo user) opens the script-tag demo page; the
 * widget is interactive when it shows its first real step (the host page
 * receives `ramp-step-change` to a step other than `loading`).
 */
import { chromium } from 'playwright-core';

export async function timeToInteractive(pageUrl: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('ramp-step-change', (e) => {
          const { step } = (e as CustomEvent<{ step: string }>).detail;
          if (step !== 'loading') (window as { benchInteractive?: number }).benchInteractive ??= performance.now();
        });
      });
      await page.goto(pageUrl);
      const handle = await page.waitForFunction(() => (window as { benchInteractive?: number }).benchInteractive, undefined, { timeout: 30_000 });
      times.push((await handle.jsonValue()) as number);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
