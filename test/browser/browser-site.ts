import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { type DeskApp, deskApp } from '../desk-app.ts';

/** Debian's chromium, as .ci/run installs it; LOUPE_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.LOUPE_CHROMIUM || '/usr/bin/chromium';

/** Where screenshots go: LOUPE_SCREENSHOTS (the README's are taken with docs/screenshots), else a temporary folder. */
const SCREENSHOTS = process.env.LOUPE_SCREENSHOTS || path.join(tmpdir(), 'loupe-screenshots');

/** A real Loupe server on a socket, its desk (database, clock, staff calls) and a real Chromium. */
export type BrowserSite = DeskApp & {
  url: string;
  browser: Browser;
  /** A new browser window (own cookies) at a phone's 360 px width, or a desktop's. */
  newPage(options?: { phone?: boolean }): Promise<Page>;
};

/**
 * Starts the server on this test file's database (see test/desk-app.ts) on a
 * free port with the built web app (npm test builds it first), and Chromium,
 * both closed after the file's tests.
 */
export async function browserSite(): Promise<BrowserSite> {
  const desk = await deskApp();
  await desk.app.listen({ port: 0, host: '127.0.0.1' });
  const address = desk.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('the server has no address');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
  });
  return {
    ...desk,
    url: `http://127.0.0.1:${address.port}`,
    browser,
    async newPage({ phone = false } = {}) {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${address.port}`,
        viewport: phone ? { width: 360, height: 780 } : { width: 1280, height: 900 },
        locale: 'en-GB',
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

type AxeResult = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is now: fails naming each serious or critical violation and where. */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  // Runs in the page, where axe is the global the script tag defined.
  const violations = await page.evaluate(async () => {
    const g = globalThis as unknown as {
      axe: { run(context: unknown, options: object): Promise<AxeResult> };
      document: unknown;
    };
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

/** A full-page screenshot named for the README (see LOUPE_SCREENSHOTS). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
