// How long a page takes to become usable in headless Chromium at a slowed CPU,
// and which scripts it loaded, measured the same way for every page compared.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/** One page to time: where it is, what "usable" means for it, cookies it needs. */
export type PageUnderTest = {
  name: string;
  url: string;
  /** True in the page once a person can read and act on it. */
  usable: string;
  cookies?: { name: string; value: string; url: string }[];
};

/** One cold load: milliseconds from navigation start to usable, and the scripts with their gzipped sizes. */
export type PageLoad = { ms: number; scripts: { url: string; gzipBytes: number }[] };

/**
 * Loads the page in a fresh context (empty cache, no service worker) with the
 * CPU slowed `cpuSlowdown` times (Chrome DevTools' throttling), and reads
 * `performance.now()` at the first animation frame where `usable` holds.
 * Script sizes are of the bodies as received, gzipped at level 9: what a
 * browser without brotli would be sent.
 */
export async function loadPage(browser: Browser, target: PageUnderTest, cpuSlowdown: number): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
  try {
    if (target.cookies?.length) await context.addCookies(target.cookies);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const scripts: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script')
        scripts.push(res.body().then((body) => ({ url: res.url(), gzipBytes: gzipSync(body, { level: 9 }).length })));
    });
    await page.goto(target.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(`(${target.usable}) ? performance.now() : false`, undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    const ms = (await handle.jsonValue()) as number;
    return { ms, scripts: await Promise.all(scripts) };
  } finally {
    await context.close();
  }
}

/** The median of the samples. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
