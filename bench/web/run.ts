// The web app's section of `npm run bench`: how much JavaScript the customer's
// order page loads, and how long it takes to become usable in headless Chromium
// at 4x CPU slowdown, beside the plain server-rendered policy page in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { scenarioCase } from '../../test/scenario-case.ts';
import { onCleanup } from '../desk/cleanup.ts';
import { startLoupeServer } from '../desk/loupe-server.ts';
import { machineInfo, writeBenchmarksSection } from '../report.ts';
import { loadPage, median, type PageLoad, type PageUnderTest } from './page-timing.ts';

const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.LOUPE_CHROMIUM || '/usr/bin/chromium';
const CPU_SLOWDOWN = 4;
const RUNS = Number(process.env.BENCH_WEB_RUNS) || 9;
/** The budget for the order page's JavaScript. */
const JS_BUDGET_KB = 150;
const SHOP = 'aulso';
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The order page is usable once it shows the order and what the customer may do with it. */
export const orderPageUsable = (number: string) =>
  `document.querySelector('main h1')?.textContent?.includes(${JSON.stringify(number)}) && document.querySelector('section[aria-labelledby="options-heading"][aria-busy="false"]')`;
/** The policy page is usable once its heading is there (it is one HTML document, no script). */
export const POLICY_PAGE_USABLE = `document.readyState !== 'loading' && document.querySelector('h1')`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** An Aulso order of the shared scenarios, imported by the shop, and its customer's session cookies. */
async function customerOfAnOrder(url: string, token: string | undefined) {
  const { order } = scenarioCase(SHOP, 'defective bracelet on day 12');
  const email = 'bench@example.com';
  const imported = await fetch(`${url}/api/v1/shops/${SHOP}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ order, customer: { email } }),
  });
  if (!imported.ok) throw new Error(`importing the order: ${imported.status} ${await imported.text()}`);
  const signedIn = await fetch(`${url}/api/v1/shops/${SHOP}/sessions/customer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderNumber: order.number, email }),
  });
  if (!signedIn.ok) throw new Error(`signing the customer in: ${signedIn.status} ${await signedIn.text()}`);
  const cookies = signedIn.headers.getSetCookie().map((line) => {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
  return { number: order.number, cookies };
}

const kb = (bytes: number) => bytes / 1024;
const fmt1 = (x: number) => x.toFixed(1);

/** Runs the web benchmark and writes its section of BENCHMARKS.md. */
export async function runWebBench(): Promise<{ figures: string; summary: string }> {
  progress('bench: web app, building it (npm run build:web)');
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loupe-bench-web-'));
  const removeDir = onCleanup('remove the web bench database', () => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startLoupeServer({ port: await freePort(), env: { LOUPE_DATA_DIR: dataDir } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const chromiumVersion = browser.version();
  const loads: Record<'order' | 'policy', PageLoad[]> = { order: [], policy: [] };
  try {
    const customer = await customerOfAnOrder(server.url, server.staffToken);
    const pages: Record<'order' | 'policy', PageUnderTest> = {
      order: {
        name: 'order page (portal, React)',
        url: `${server.url}/shop/${SHOP}/orders/${encodeURIComponent(customer.number)}`,
        usable: orderPageUsable(customer.number),
        cookies: customer.cookies,
      },
      policy: {
        name: 'policy page (server-rendered HTML)',
        url: `${server.url}/api/v1/shops/${SHOP}/policy?format=html`,
        usable: POLICY_PAGE_USABLE,
      },
    };
    // One unmeasured load of each warms the server (and Chromium's own code caches of nothing of ours).
    await loadPage(browser, pages.order, 1);
    await loadPage(browser, pages.policy, 1);
    for (let i = 0; i < RUNS; i++) {
      for (const key of ['order', 'policy'] as const) {
        const load = await loadPage(browser, pages[key], CPU_SLOWDOWN);
        loads[key].push(load);
      }
      progress(
        `  run ${i + 1}/${RUNS}: order ${fmt1(loads.order.at(-1)?.ms ?? 0)} ms, policy ${fmt1(loads.policy.at(-1)?.ms ?? 0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDir();
  }

  const scripts = loads.order[0]?.scripts ?? [];
  const jsKb = kb(scripts.reduce((sum, s) => sum + s.gzipBytes, 0));
  const orderMs = median(loads.order.map((l) => l.ms));
  const policyMs = median(loads.policy.map((l) => l.ms));
  const rows = scripts
    .map((s) => `| ${new URL(s.url).pathname.replace(/^\/assets\//, '')} | ${fmt1(kb(s.gzipBytes))} |`)
    .join('\n');
  const figures = [
    `| page | median time to usable (${CPU_SLOWDOWN}x CPU slowdown, ${RUNS} cold loads) | JS gzipped |`,
    '| --- | ---: | ---: |',
    `| order page (portal, React) | ${Math.round(orderMs)} ms | ${fmt1(jsKb)} KB |`,
    `| policy page (server-rendered HTML) | ${Math.round(policyMs)} ms | ${fmt1(kb(loads.policy[0]?.scripts.reduce((s, x) => s + x.gzipBytes, 0) ?? 0))} KB |`,
  ].join('\n');
  const summary = [
    `order page JS gzipped: ${Math.round(jsKb)} KB`,
    `order page vs policy page: ${fmt1(orderMs / policyMs)}x`,
  ].join('\n');
  const body = [
    '## Web app: the customer’s order page',
    '',
    `${machineInfo()}; Chromium ${chromiumVersion} headless (Debian's), 360 px wide, CPU slowed ${CPU_SLOWDOWN}x by DevTools throttling.`,
    '',
    `Each load is cold (a fresh browser context: empty cache), the order page signed in as the order's customer, alternating with the policy page, ${RUNS} each after one warm-up. "Usable" is the first animation frame at which the order page shows the order's number in its heading and what the customer may do now; the policy page, its heading. JS sizes are the script bodies gzipped at level 9 (browsers that accept brotli get less). Budget: ${JS_BUDGET_KB} KB, ${jsKb <= JS_BUDGET_KB ? 'met' : 'not met'}.`,
    '',
    figures,
    '',
    '| order page script | KB gzipped |',
    '| --- | ---: |',
    rows,
    '',
    '```',
    summary,
    '```',
  ].join('\n');
  writeBenchmarksSection(BENCHMARKS_MD, body, 'bench:web');
  progress(`wrote ${BENCHMARKS_MD}`);
  return { figures, summary };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { figures, summary } = await runWebBench();
  console.log(`${figures}\n\n${summary}`);
}
