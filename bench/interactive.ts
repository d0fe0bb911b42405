/**
 * The browser figures, from Chromium itself:
 *
 * - the first screen: every response Chromium receives from navigation until
 *   the widget shows its first step, from its network record, so no file can
 *   be left out (a new person on demo/minimal.html, the script tag and the element alone; cold cache);
 * - time to interactive on a slow 4G profile (CDP network throttling), for
 *   the widget and for a minimal Lit page, alternating, in the same run.
 *
 * BENCH_VERBOSE adds one load of each as a resource timeline with its long tasks.
 *
 * The widget is interactive when the host page hears `ramp-step-change` to a
 * real step; the minimal page when its element first renders.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export interface Fetched {
  url: string;
  /** Bytes of body on the wire (encoded). */
  bytes: number;
  encoding: string;
}

const markWidgetInteractive = () => {
  document.addEventListener('ramp-step-change', (e) => {
    const { step } = (e as CustomEvent<{ step: string }>).detail;
    const w = window as { benchInteractive?: number; benchFirstScreen?: string[] };
    if (step === 'loading' || w.benchInteractive) return;
    w.benchInteractive = performance.now();
    // What had arrived when the step showed: the first screen. Later fetches (live events, idle prefetch of the forms) are not.
    w.benchFirstScreen = performance.getEntriesByType('resource').map((e) => e.name);
  });
};

async function waitInteractive(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as { benchInteractive?: number }).benchInteractive, undefined, { timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });

/** What the first screen fetched: scripts and the widget's own strings, with their encoded sizes. */
export async function firstScreen(browser: Browser, pageUrl: string, acceptEncoding?: string): Promise<Fetched[]> {
  const context = await browser.newContext(acceptEncoding ? { extraHTTPHeaders: { 'accept-encoding': acceptEncoding } } : {});
  try {
    const page = await context.newPage();
    await page.addInitScript(markWidgetInteractive);
    const finished: Promise<Fetched | undefined>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      finished.push(
        (async () => {
          try {
            const response = await request.response();
            const sizes = await request.sizes();
            return { url: request.url(), bytes: sizes.responseBodySize, encoding: (await response?.headerValue('content-encoding')) ?? 'identity' };
          } catch {
            return undefined; // finished as the page closed: after the first screen anyway
          }
        })(),
      );
    });
    await page.goto(pageUrl);
    await waitInteractive(page);
    const arrived = new Set(await page.evaluate(() => (window as { benchFirstScreen?: string[] }).benchFirstScreen ?? []));
    // Let the network record catch up with what the page had already received.
    await page.waitForTimeout(200);
    const origin = new URL(pageUrl).origin;
    // The widget's files only (the demo page's own scripts are the merchant's), and only those the first step waited for.
    return (await Promise.all(finished)).filter((f): f is Fetched => !!f && arrived.has(f.url) && f.url.startsWith(origin) && /\/sphere-ramp(\.js|\/)/.test(new URL(f.url).pathname));
  } finally {
    await context.close();
  }
}

async function throttled(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

/** Navigation to interactive on slow 4G, cold cache, `runs` times each, alternating widget and peer. */
export async function slow4gTimes(browser: Browser, widgetUrl: string, peerUrl: string, runs: number) {
  const widget: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [url, into, init] of [
      [widgetUrl, widget, markWidgetInteractive],
      [peerUrl, peer, undefined],
    ] as const) {
      const { context, page } = await throttled(browser);
      try {
        if (init) await page.addInitScript(init);
        await page.goto(url, { waitUntil: 'commit' });
        into.push(await waitInteractive(page));
      } finally {
        await context.close();
      }
    }
  }
  return { widget, peer };
}

/** One slow-4G load's resource timeline, for reading where the time goes (BENCH_VERBOSE). */
export async function slow4gWaterfall(browser: Browser, url: string): Promise<string[]> {
  const { context, page } = await throttled(browser);
  try {
    await page.addInitScript(markWidgetInteractive);
    await page.addInitScript(() => {
      const w = window as { benchLongTasks?: string[] };
      w.benchLongTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchLongTasks!.push(`${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    const interactive = await waitInteractive(page);
    const longTasks = await page.evaluate(() => (window as { benchLongTasks?: string[] }).benchLongTasks ?? []);
    const rows = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })),
    );
    const nav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd);
    return [
      `  ${'0'.padStart(5)} -> ${nav.toFixed(0).padStart(5)} ms  page`,
      ...rows.filter((r) => r.start < interactive).map((r) => `  ${r.start.toFixed(0).padStart(5)} -> ${r.end.toFixed(0).padStart(5)} ms  ${(r.bytes / 1000).toFixed(1).padStart(5)} KB  ${new URL(r.name).pathname}`),
      `  interactive at ${interactive.toFixed(0)} ms; long tasks (start+ms): ${longTasks.join(', ') || 'none'}`,
    ];
  } finally {
    await context.close();
  }
}
