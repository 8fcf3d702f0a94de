// The desk benchmark: creating a return case over HTTP under autocannon, on
// PostgreSQL and on PGlite, beside pgbench's TPC-B-like figure on the same
// PostgreSQL in the same run. `npm run bench` runs it after the engine's; alone:
// `node --import tsx bench/desk/run.ts`. Progress on stderr; the table and the
// line `create-case vs pgbench: N%` on stdout and in BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineInfo, writeBenchmarksSection } from '../report.ts';
import { SHOP } from './aulso-orders.ts';
import { type BenchPostgres, benchPostgres, freePort, postgresBinDir } from './bench-postgres.ts';
import { onCleanup } from './cleanup.ts';
import { countStored, maintainDatabase } from './count-stored.ts';
import { type LoadResult, runLoad } from './load.ts';
import { type LoupeServer, startLoupeServer } from './loupe-server.ts';
import { type PgbenchResult, runPgbench } from './pgbench.ts';
import { createCaseAsCustomerWorkload, createCaseWorkload, decideWorkload, type Workload } from './workloads.ts';

const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Seconds each measurement runs: BENCH_DESK_SECONDS, else BENCH_TIME_MS x 5 (so 10 s by default). */
function measureSeconds(): number {
  const desk = Number(process.env.BENCH_DESK_SECONDS);
  if (desk > 0) return desk;
  const engineMs = Number(process.env.BENCH_TIME_MS);
  return engineMs > 0 ? Math.max(1, Math.round((engineMs * 5) / 1000)) : 10;
}

const CONNECTIONS = 50;
/** pgbench -s 10: 1,000,000 accounts, 100 tellers, 10 branches. */
const PGBENCH_SCALE = 10;
/** Requests tried first, for a second, to learn roughly how fast the server takes them. */
const PROBE_REQUESTS = 4 * CONNECTIONS;

/** One workload's measurement on one database, and the unmeasured runs before it. */
export type DeskRun = { database: string; workload: Workload; load: LoadResult; warmups: LoadResult[] };

/** The figures of a desk run: the Markdown and the summary line. */
export type DeskResult = { figures: string; summary: string };

const WORKLOADS: Record<string, Workload[]> = {
  'create-case': [createCaseWorkload, createCaseAsCustomerWorkload],
  decide: [decideWorkload],
};

/** Seconds of warm-up before each measurement: a fifth of it, at least 2. */
const warmupSecondsFor = (seconds: number) => Math.max(2, Math.round(seconds / 5));

/**
 * Warms one workload up and measures it. Each phase's requests are made (their
 * orders seeded through the API) before it starts, sized from the rate the
 * phase before reached: a one-second probe of 4 requests a connection, then the
 * warm-up (twice the probe's rate), then the measurement (2.5 times the
 * warm-up's), so seeding stays proportionate to how fast this machine is and
 * the measured run does not run dry (a report line says so if it did).
 */
async function measure(
  database: string,
  server: LoupeServer,
  workload: Workload,
  seconds: number,
  afterSeeding?: () => Promise<unknown>,
): Promise<DeskRun> {
  const phase = async (name: string, count: number, phaseSeconds: number) => {
    progress(`bench: ${database}: ${workload.id}: preparing ${count.toLocaleString('en-US')} requests`);
    const requests = await workload.make(server, count);
    await afterSeeding?.();
    let next = 0;
    progress(`bench: ${database}: ${workload.id}: ${name} ${phaseSeconds} s, ${CONNECTIONS} connections`);
    return runLoad({ url: server.url, connections: CONNECTIONS, seconds: phaseSeconds, next: () => requests[next++] });
  };
  const rate = (r: LoadResult) => Math.max(r.okPerSecond, 10);
  // Never fewer requests than two a connection, however slow the phase before was.
  const size = (perSecond: number, phaseSeconds: number) =>
    Math.max(Math.ceil(perSecond * phaseSeconds), 2 * CONNECTIONS);
  const probe = await phase('probe', PROBE_REQUESTS, 1);
  const warmupSeconds = warmupSecondsFor(seconds);
  const warmup = await phase('warm-up', size(rate(probe) * 2, warmupSeconds), warmupSeconds);
  const load = await phase('measuring', size(Math.max(rate(warmup), rate(probe)) * 2.5, seconds), seconds);
  progress(
    `  ${fmt.format(load.okPerSecond)} requests/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ` +
      `${load.non2xx} non-2xx, ${load.errors} errors`,
  );
  const warmups = [probe, warmup];
  for (const f of [...warmups, load].flatMap((r) => r.failures)) progress(`  ${f.count} x ${f.status}: ${f.body}`);
  return { database, workload, load, warmups };
}

/**
 * Runs the workloads on a fresh Loupe server over one database, then stops it
 * and checks the database holds one case (and one `open` audit entry) per 2xx.
 */
async function measureOn(
  database: string,
  env: Record<string, string>,
  where: { url: string } | { dataDir: string },
  workloads: Workload[],
  seconds: number,
  beforeEach?: () => Promise<unknown>,
): Promise<{ runs: DeskRun[]; check: string | undefined }> {
  // Thousands of orders seeded in seconds outrun autovacuum (a minute between looks): statements prepared on
  // the small tables would keep sequential-scan plans. A shop's orders come in over days, and pgbench -i
  // vacuums its own tables before it runs, so the seeded tables are maintained before each phase here too.
  const afterSeeding = 'url' in where ? () => maintainDatabase(where.url) : undefined;
  const port = await freePort();
  progress(`bench: ${database}: starting loupe serve on port ${port}`);
  const server = await startLoupeServer({ port, env });
  const runs: DeskRun[] = [];
  try {
    for (const workload of workloads) {
      await beforeEach?.();
      runs.push(await measure(database, server, workload, seconds, afterSeeding));
    }
  } finally {
    progress(`bench: ${database}: stopping loupe serve`);
    await server.stop();
  }
  const storing = runs.filter((r) => r.workload.storesCases);
  if (storing.length === 0) return { runs, check: undefined };
  const answered = storing.reduce((n, r) => n + [r.load, ...r.warmups].reduce((m, l) => m + l.ok, 0), 0);
  // A request still in flight when a phase's time is up is sent, and may be stored, but never counted.
  const sent = storing.reduce((n, r) => n + [r.load, ...r.warmups].reduce((m, l) => m + l.sent, 0), 0);
  const stored = await countStored(where, SHOP);
  const ok =
    stored.cases >= answered &&
    stored.cases <= sent &&
    stored.numbers === stored.cases &&
    stored.openAudits === stored.cases;
  const check =
    `${database}: ${fmt.format(answered)} cases answered 201 and ${fmt.format(sent - answered)} more requests were in flight ` +
    `when a phase ended or unanswered (warm-ups included); ${fmt.format(stored.cases)} cases stored, with ` +
    `${fmt.format(stored.numbers)} distinct numbers and ${fmt.format(stored.openAudits)} \`open\` audit entries` +
    (ok ? '' : ' (MISMATCH)');
  progress(`  ${check}`);
  return { runs, check };
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');

/** Runs the desk benchmark and writes its section of BENCHMARKS.md. */
export async function runDeskBench(): Promise<DeskResult> {
  const seconds = measureSeconds();
  const workloadName = process.env.BENCH_DESK_WORKLOAD ?? 'create-case';
  const workloads = WORKLOADS[workloadName];
  if (!workloads) throw new Error(`BENCH_DESK_WORKLOAD: one of ${Object.keys(WORKLOADS).join(', ')}`);
  const machine = machineInfo();
  const load = os.loadavg().map((x) => x.toFixed(1));
  progress(`bench: desk, ${seconds} s per measurement, ${workloads.map((w) => w.id).join(', ')}`);

  let pg: BenchPostgres | undefined;
  let pgRuns: DeskRun[];
  let pgbench: PgbenchResult;
  let settings: string[];
  let version: string;
  let origin: string;
  const checks: string[] = [];
  try {
    pg = await benchPostgres();
    const server = pg;
    ({ version, origin } = server);
    settings = await server.settings();
    const binDir = process.env.LOUPE_BENCH_DATABASE_URL ? undefined : postgresBinDir();
    const pgbenchUrl = await server.createDatabase('loupe_bench_pgbench');
    pgbench = await runPgbench({
      url: pgbenchUrl,
      binDir,
      scale: PGBENCH_SCALE,
      clients: CONNECTIONS,
      threads: 2,
      seconds,
      warmupSeconds: warmupSecondsFor(seconds),
      before: () => server.checkpoint(),
    });
    progress(`  ${fmt.format(pgbench.tps)} TPS, p50 ${ms(pgbench.p50Ms)} ms, p99 ${ms(pgbench.p99Ms)} ms`);
    const url = await server.createDatabase('loupe_bench_desk');
    const measured = await measureOn('PostgreSQL', { DATABASE_URL: url }, { url }, workloads, seconds, () =>
      server.checkpoint(),
    );
    pgRuns = measured.runs;
    if (measured.check) checks.push(measured.check);
  } finally {
    await pg?.stop();
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loupe-bench-pglite-'));
  const removeDataDir = onCleanup('remove the PGlite folder', () => rmSync(dataDir, { recursive: true, force: true }));
  let pgliteRuns: DeskRun[];
  try {
    const measured = await measureOn(
      'PGlite',
      { LOUPE_DATA_DIR: dataDir, DATABASE_URL: '' },
      { dataDir },
      workloads,
      seconds,
    );
    pgliteRuns = measured.runs;
    if (measured.check) checks.push(measured.check);
  } finally {
    removeDataDir();
  }

  const [pgHead] = pgRuns;
  const [pgliteHead] = pgliteRuns;
  if (!pgHead || !pgliteHead) throw new Error('the desk benchmark measured nothing');
  const share = (pgHead.load.okPerSecond / pgbench.tps) * 100;
  // `create-case vs pgbench: N%` as the issue asks; a stand-in run (BENCH_DESK_WORKLOAD=decide) names itself.
  const summary = `${pgHead.workload.id} vs pgbench: ${Math.round(share)}%`;
  const pgName = `PostgreSQL ${/PostgreSQL (\d+(\.\d+)?)/.exec(version)?.[1] ?? ''}`.trim();
  const row = (r: DeskRun) =>
    `| ${r.database === 'PGlite' ? 'PGlite' : pgName} | ${r.workload.label}, HTTP, autocannon -c ${CONNECTIONS} | ` +
    `${fmt.format(r.load.okPerSecond)} | ${ms(r.load.p50Ms)} | ${ms(r.load.p99Ms)} | ${r.load.non2xx} | ${r.load.errors} |`;
  const table = [
    '| database | measurement | per second | p50 ms | p99 ms | non-2xx / failed | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    `| ${pgName} | pgbench TPC-B-like, \`${pgbench.command}\`, -s ${PGBENCH_SCALE} | ${fmt.format(pgbench.tps)} | ` +
      `${ms(pgbench.p50Ms)} | ${ms(pgbench.p99Ms)} | ${pgbench.failed} | - |`,
    ...pgRuns.map(row),
    ...pgliteRuns.map(row),
  ].join('\n');
  const headName = pgHead.workload.label;
  const targets = [
    `${headName} at least 50% of pgbench's TPS on PostgreSQL: ${share >= 50 ? 'met' : 'not met'} (${share.toFixed(1)}%)`,
    `p99 under 50 ms on PostgreSQL: ${pgHead.load.p99Ms < 50 ? 'met' : 'not met'} (${ms(pgHead.load.p99Ms)} ms)`,
    `on PGlite: ${pgliteHead.load.p99Ms < 50 ? 'met' : 'not met'} (${ms(pgliteHead.load.p99Ms)} ms)`,
  ];
  const problems = [...pgRuns, ...pgliteRuns].flatMap((r) => {
    const where = `${r.database}, ${r.workload.label}`;
    return [
      ...[...r.warmups, r.load]
        .flatMap((l) => l.failures)
        .map(
          (f) => `${where}: ${f.count} answers with status ${f.status}, the first: \`${f.body.replace(/`/g, "'")}\``,
        ),
      ...[...r.warmups, r.load]
        .filter((l) => l.errors > 0)
        .map(
          (l) =>
            `${where}${l === r.load ? '' : ' (before measuring)'}: ${l.errors} requests without an answer ` +
            `(${l.timeouts} timed out after 10 s; first: ${l.firstError})`,
        ),
      ...(r.load.exhausted ? [`${where}: the prepared requests ran out after ${r.load.seconds.toFixed(1)} s`] : []),
    ];
  });
  const figures = [
    table,
    `Targets from the issue: ${targets.join('; ')}.`,
    [...checks, ...problems].map((p) => `- ${p}`).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const warm = warmupSecondsFor(seconds);
  const pool = process.env.DATABASE_POOL_SIZE
    ? `DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE}`
    : 'the default 10';
  const method = [
    `PostgreSQL: ${origin}; ${version.split(' on ')[0]}; ${settings.join(', ')}.`,
    `pgbench and the desk share that server and its settings, each in a database of its own, with a checkpoint
before each measurement. pgbench runs its default TPC-B-like script (three updates, a select and an insert
in one transaction) with ${CONNECTIONS} clients on 2 threads and prepared statements, for ${seconds} s after ${warm} s
of warm-up; its p50 and p99 come from its per-transaction log (\`-l\`).`,
    `The desk runs the real server, \`node bin/loupe.js serve\` in a child process (LOG_LEVEL=warn, so no
request log; LOUPE_DEMO=off; ${pool} PostgreSQL connections in its pool), on that PostgreSQL,
then on PGlite in a fresh data folder on disk. autocannon runs in the benchmark's own process with
${CONNECTIONS} connections: a 1 s probe and ${warm} s of warm-up (not counted), then ${seconds} s measured.
Each phase's orders are seeded just before it; on PostgreSQL the tables that grew are then vacuumed and
analyzed (Loupe's own rule for PGlite, \`maintainTables\`), as pgbench -i does for its tables and autovacuum
would have done for a shop whose orders came in over days: without it, statements prepared while the tables
were small keep sequential-scan plans and the first workload measured ran at half speed. On PGlite the
server's own maintenance loop (every 10 s) does it.
create-case is ${createCaseWorkload.describe}. The customer row is ${createCaseAsCustomerWorkload.describe}.
The summary line compares the staff-token row on PostgreSQL with pgbench. Per second = 2xx answers /
measured seconds; p50 and p99 are autocannon's. After each database's runs the cases stored are counted
against the 201s. The load generator, the server and the database share the machine's CPUs.`,
  ].join('\n\n');
  writeBenchmarksSection(
    BENCHMARKS_MD,
    [
      `## Desk: creating a return case over HTTP\n\nMachine: ${machine}; load average ${load.join(' / ')} (1 / 5 / 15 min) when the desk run began.`,
      method,
      figures,
      `\`\`\`\n${summary}\n\`\`\``,
    ].join('\n\n'),
    'bench:desk',
  );
  progress(`wrote ${BENCHMARKS_MD}`);
  return { figures, summary };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { figures, summary } = await runDeskBench();
  console.log(`${figures}\n\n${summary}`);
}
