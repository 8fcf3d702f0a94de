// Where the server's time goes while it opens cases: the desk workload against
// a throwaway PostgreSQL with the server under `--cpu-prof`, then the profile
// summed by function (self time) and by file, and the statements PostgreSQL ran
// per request (pg_stat_statements is not needed: `log_statement` would slow the
// run, so the server's own query count comes from pg_stat_database).
//
//   node --import tsx bench/desk/profile.ts [seconds]   (BENCH_DESK_WORKLOAD=create-case by default)
//
// BENCH_PROFILE_DATABASE names the database (default loupe_profile); BENCH_PROFILE_SQL is run on it once the
// server has migrated it, before the load (to measure a schema change, e.g. a constraint put back).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchPostgres, freePort } from './bench-postgres.ts';
import { runLoad } from './load.ts';
import { startLoupeServer } from './loupe-server.ts';
import { createCaseAsCustomerWorkload, createCaseWorkload, decideWorkload } from './workloads.ts';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** V8 stamps samples on the monotonic clock, the one `process.hrtime` reads, so the load's window can be cut out of the profile. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

const seconds = Number(process.argv[2] ?? 8);
const workload =
  {
    'create-case': createCaseWorkload,
    'create-case-as-customer': createCaseAsCustomerWorkload,
    decide: decideWorkload,
  }[process.env.BENCH_DESK_WORKLOAD ?? 'create-case'] ?? createCaseWorkload;

async function transactions(url: string): Promise<{ commits: number; statements: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ xact_commit: string; tup_returned: string }>(
      'select xact_commit, tup_returned from pg_stat_database where datname = current_database()',
    );
    const calls = await client
      .query<{ calls: string }>('select coalesce(sum(calls), 0) as calls from pg_stat_user_functions')
      .catch(() => ({ rows: [{ calls: '0' }] }));
    return { commits: Number(rows[0]?.xact_commit ?? 0), statements: Number(calls.rows[0]?.calls ?? 0) };
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by every live `postgres` process (the server and its backends). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((f) => /^\d+$/.test(f))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]?.split(' ') ?? [];
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function summarize(file: string, from: number, to: number) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // Inclusive time: each sample counts for every function on its stack (once per function).
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '');
    const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = url.includes('node_modules/')
      ? (url.split('node_modules/').pop()?.split('/').slice(0, 2).join('/') ?? url)
      : url.startsWith('node:')
        ? url
        : url === ''
          ? `(${functionName})`
          : where;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return {
    total,
    text: `by function (self):\n${top(byFunction, 40)}\n\nby file/package:\n${top(byFile, 30)}\n\nby function (inclusive):\n${top(inclusive, 70)}`,
  };
}

const pgServer = await benchPostgres();
try {
  const url = await pgServer.createDatabase(process.env.BENCH_PROFILE_DATABASE ?? 'loupe_profile');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loupe-prof-'));
  const server = await startLoupeServer({
    port: await freePort(),
    env: { DATABASE_URL: url },
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir],
  });
  let requestsSent = 0;
  let from = 0;
  let to = 0;
  try {
    const requests = await workload.make(server, Math.max(4000, seconds * 1500));
    if (process.env.BENCH_PROFILE_SQL) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(process.env.BENCH_PROFILE_SQL).finally(() => client.end());
    }
    const before = await transactions(url);
    let next = 0;
    const cpuBefore = cpuSeconds(server.pid);
    const pgBefore = postgresCpuSeconds();
    from = monotonicMicros();
    const result = await runLoad({ url: server.url, connections: 50, seconds, next: () => requests[next++] });
    to = monotonicMicros();
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    const pgCpu = postgresCpuSeconds() - pgBefore;
    requestsSent = result.ok;
    const after = await transactions(url);
    console.log(
      `${workload.id}: ${result.okPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
        `${result.non2xx} non-2xx; ${((after.commits - before.commits) / Math.max(1, result.ok)).toFixed(2)} commits per 2xx; ` +
        `server CPU ${((cpu / Math.max(1, result.ok)) * 1e6).toFixed(0)} µs per 2xx, PostgreSQL CPU ${((pgCpu / Math.max(1, result.ok)) * 1e6).toFixed(0)} µs per 2xx (load average ${os.loadavg()[0]?.toFixed(1)})`,
    );
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no profile');
  const { total, text } = summarize(path.join(dir, file), from, to);
  console.log(
    `server time sampled while under load (idle included): ${(total / 1e6).toFixed(1)} s; ` +
      `${requestsSent} requests measured\n\n${text}\n\nprofile: ${path.join(dir, file)}`,
  );
} finally {
  await pgServer.stop();
}
