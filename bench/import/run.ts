// The import benchmark: `loupe import orders FILE --shop aulso` on N generated
// Shopify orders (JSON Lines), on a throwaway PostgreSQL, beside a plain COPY
// of the same rows into tables of the same shape on the same server: the
// ceiling. `npm run bench` runs it after the desk (BENCH_ONLY=import: only
// it); alone: `node --import tsx bench/import/run.ts`. BENCH_IMPORT_ORDERS sets
// the sizes (default 10000,100000). Progress on stderr; the table and the line
// `import vs copy: N%` on stdout and in BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchPostgres, benchPostgres, postgresBinDir, query } from '../desk/bench-postgres.ts';
import { onCleanup } from '../desk/cleanup.ts';
import { machineInfo, writeBenchmarksSection } from '../report.ts';
import { type ChildRun, runChild } from './child-process.ts';
import { type ImportRun, importSection } from './import-section.ts';
import { CSV_COLUMNS, type ShopifyOrdersFile, writeShopifyOrdersFile } from './shopify-orders-file.ts';

const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const LOUPE_BIN = fileURLToPath(new URL('../../bin/loupe.js', import.meta.url));
const SHOP = 'aulso';
const progress = (line: string) => process.stderr.write(`${line}\n`);
const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The sizes measured: BENCH_IMPORT_ORDERS, a comma-separated list, else 10,000 and 100,000 (the issue's figure). */
export function importSizes(env: string | undefined = process.env.BENCH_IMPORT_ORDERS): number[] {
  const sizes = (env ?? '10000,100000')
    .split(',')
    .map((s) => Number(s.trim().replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (sizes.length === 0) throw new Error('BENCH_IMPORT_ORDERS: a comma-separated list of order counts, e.g. 10000');
  return sizes;
}

/** Rows in the orders, order_lines and shipments tables of a schema. */
async function countRows(url: string, schema: string): Promise<{ orders: number; lines: number; parcels: number }> {
  const [row] = await query<{ orders: string; lines: string; parcels: string }>(
    url,
    `select (select count(*) from ${schema}.orders) as orders, (select count(*) from ${schema}.order_lines) as lines,
       (select count(*) from ${schema}.shipments) as parcels`,
  );
  return { orders: Number(row?.orders), lines: Number(row?.lines), parcels: Number(row?.parcels) };
}

function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: u.pathname.slice(1),
  };
}

function loupeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOUPE_DEMO: 'off' };
  delete env.DATABASE_URL;
  delete env.LOUPE_DATA_DIR;
  return env;
}

/** The old generation's cap of the second import of each size (at 100,000 orders the live heap stays under 96 MB). */
const CAPPED_HEAP_MB = 128;

/** `loupe import orders FILE --shop aulso --url …` in a child process, timed, its peak RSS read back; `heapMb` caps its heap. */
async function importWithLoupe(server: BenchPostgres, file: ShopifyOrdersFile, heapMb?: number): Promise<ChildRun> {
  const url = await server.createDatabase(`loupe_bench_import_${file.orders}${heapMb ? `_capped_${heapMb}` : ''}`);
  progress(`bench: import ${fmt.format(file.orders)}: loupe db migrate`);
  execFileSync(process.execPath, [LOUPE_BIN, 'db', 'migrate', '--url', url], { env: loupeEnv(), stdio: 'ignore' });
  await server.checkpoint();
  progress(`bench: import ${fmt.format(file.orders)}: loupe import orders`);
  const run = await runChild(
    process.execPath,
    [
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      LOUPE_BIN,
      'import',
      'orders',
      file.jsonl,
      '--shop',
      SHOP,
      '--url',
      url,
    ],
    { env: loupeEnv(), node: true, label: 'loupe' },
  );
  if (run.status !== 0) throw new Error(`loupe import orders exited with ${run.status}:\n${run.stdout}`);
  const stored = await countRows(url, 'public');
  if (stored.orders !== file.orders || stored.lines !== file.lines || stored.parcels !== file.parcels) {
    throw new Error(`the import stored ${JSON.stringify(stored)} of ${file.orders} orders, ${file.lines} lines`);
  }
  return run;
}

/**
 * COPY of the same customers, orders, lines and parcels (as the import would
 * store them) into tables of the same shape (`create table … (like public.…
 * including all)`: columns, defaults, checks, indexes and keys, no foreign
 * keys), in one transaction, by psql's `\copy` from the CSV files.
 */
async function copyWithPsql(server: BenchPostgres, file: ShopifyOrdersFile): Promise<ChildRun> {
  const csv = file.csv;
  if (!csv) throw new Error('no CSV files to COPY');
  const url = await server.createDatabase(`loupe_bench_copy_${file.orders}`);
  execFileSync(process.execPath, [LOUPE_BIN, 'db', 'migrate', '--url', url], { env: loupeEnv(), stdio: 'ignore' });
  const tables = ['customers', 'orders', 'order_lines', 'shipments'];
  await query(
    url,
    `create schema ceiling; ${tables.map((t) => `create table ceiling.${t} (like public.${t} including all);`).join(' ')}`,
  );
  await server.checkpoint();
  const psql = process.env.LOUPE_BENCH_DATABASE_URL ? 'psql' : path.join(postgresBinDir(), 'psql');
  const copy = (table: string, columns: readonly string[], from: string) =>
    `\\copy ceiling.${table} (${columns.join(', ')}) from '${from}' with (format csv)`;
  const script = [
    copy('customers', CSV_COLUMNS.customers, csv.customers),
    copy('orders', CSV_COLUMNS.orders, csv.orders),
    copy('order_lines', CSV_COLUMNS.lines, csv.lines),
    copy('shipments', CSV_COLUMNS.shipments, csv.shipments),
  ];
  progress(`bench: import ${fmt.format(file.orders)}: psql \\copy`);
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', ...script.flatMap((s) => ['-c', s])];
  const run = await runChild(psql, args, { env: libpqEnv(url), label: 'psql' });
  if (run.status !== 0) throw new Error(`psql \\copy exited with ${run.status}`);
  const stored = await countRows(url, 'ceiling');
  if (stored.orders !== file.orders || stored.lines !== file.lines) {
    throw new Error(`COPY stored ${JSON.stringify(stored)} of ${file.orders} orders, ${file.lines} lines`);
  }
  return run;
}

/** Runs the import benchmark and writes its section of BENCHMARKS.md. */
export async function runImportBench(): Promise<{ figures: string; summary: string }> {
  const sizes = importSizes();
  const machine = machineInfo();
  const load = os.loadavg().map((x) => x.toFixed(1));
  progress(`bench: import, ${sizes.map((n) => fmt.format(n)).join(' and ')} orders`);
  const runs: ImportRun[] = [];
  let server: BenchPostgres | undefined;
  let version = '';
  let origin = '';
  try {
    server = await benchPostgres();
    ({ version, origin } = server);
    const settings = await server.settings();
    origin = `${origin}; ${version.split(' on ')[0]}; ${settings.join(', ')}`;
    for (const n of sizes) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'loupe-bench-import-'));
      const removeDir = onCleanup('remove the generated orders', () => rmSync(dir, { recursive: true, force: true }));
      try {
        progress(`bench: import ${fmt.format(n)}: generating orders`);
        const file = await writeShopifyOrdersFile(dir, n, { csv: true, shop: SHOP });
        const loupe = await importWithLoupe(server, file);
        progress(
          `  ${fmt.format(n / loupe.seconds)} orders/s, peak RSS ${fmt.format((loupe.maxRssBytes ?? 0) / 2 ** 20)} MB`,
        );
        const capped = await importWithLoupe(server, file, CAPPED_HEAP_MB);
        progress(
          `  heap capped at ${CAPPED_HEAP_MB} MB: ${fmt.format(n / capped.seconds)} orders/s, ` +
            `peak RSS ${fmt.format((capped.maxRssBytes ?? 0) / 2 ** 20)} MB`,
        );
        const copy = await copyWithPsql(server, file);
        progress(`  COPY: ${fmt.format(n / copy.seconds)} orders/s`);
        runs.push({
          orders: n,
          lines: file.lines,
          parcels: file.parcels,
          customers: file.customers,
          megabytes: file.bytes / 2 ** 20,
          importSeconds: loupe.seconds,
          copySeconds: copy.seconds,
          maxRssBytes: loupe.maxRssBytes,
          capped: { heapMb: CAPPED_HEAP_MB, seconds: capped.seconds, maxRssBytes: capped.maxRssBytes },
        });
      } finally {
        removeDir();
      }
    }
  } finally {
    await server?.stop();
  }
  const { body, figures, summary } = importSection({ machine, load, origin, runs });
  writeBenchmarksSection(BENCHMARKS_MD, body, 'bench:import');
  progress(`wrote ${BENCHMARKS_MD}`);
  return { figures, summary };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { figures, summary } = await runImportBench();
  console.log(`${figures}\n\n${summary}`);
}
