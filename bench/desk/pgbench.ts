// pgbench's TPC-B-like default script on the same server the desk runs on: the
// ceiling for one small write transaction per request on that server, with its
// settings, on this machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './latency.ts';

/** What one pgbench run measured. */
export type PgbenchResult = {
  tps: number;
  transactions: number;
  failed: number;
  latencyAverageMs: number;
  p50Ms: number;
  p99Ms: number;
  /** The command line, for the report (no password). */
  command: string;
};

export type PgbenchOptions = {
  url: string;
  /** Directory of pgbench, else the PATH's. */
  binDir?: string | undefined;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  /** Seconds of an unmeasured run first, as the HTTP measurements get (0: none). */
  warmupSeconds: number;
  /** Runs between initialising and measuring (a checkpoint, say). */
  before?: () => Promise<unknown>;
};

/** Runs a program, its stderr shown as progress, and answers its stdout; rejects on a non-zero exit. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(program)} exited with ${code}:\n${out}`)),
    );
  });
}

/** libpq's connection settings from a URL, as environment (so no password shows in a command line). */
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

const number = (text: string, pattern: RegExp): number => {
  const m = pattern.exec(text);
  if (!m?.[1]) throw new Error(`pgbench output without ${pattern}:\n${text}`);
  return Number(m[1]);
};

/** Every transaction's latency in ms from pgbench's per-transaction logs (`-l`): the third field, in µs. */
function readLatencies(dir: string): number[] {
  const ms: number[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (line && Number.isFinite(micros)) ms.push(micros / 1000);
    }
  }
  return ms;
}

/** `pgbench -i -s <scale>`, then the default TPC-B-like script for `seconds`, prepared statements. */
export async function runPgbench(options: PgbenchOptions): Promise<PgbenchResult> {
  const pgbench = options.binDir ? path.join(options.binDir, 'pgbench') : 'pgbench';
  const env = libpqEnv(options.url);
  process.stderr.write(`bench: pgbench -i -s ${options.scale}\n`);
  await run(pgbench, ['-i', '-s', String(options.scale), '-q'], env);
  const argsFor = (seconds: number) => [
    '-c',
    String(options.clients),
    '-j',
    String(options.threads),
    '-T',
    String(seconds),
    '-M',
    'prepared',
  ];
  if (options.warmupSeconds > 0) {
    process.stderr.write(`bench: pgbench warm-up, ${options.warmupSeconds} s\n`);
    await run(pgbench, argsFor(options.warmupSeconds), env);
  }
  await options.before?.();
  const logs = mkdtempSync(path.join(os.tmpdir(), 'loupe-bench-pgbench-'));
  try {
    const args = argsFor(options.seconds);
    const command = `pgbench ${args.join(' ')}`;
    process.stderr.write(`bench: ${command}\n`);
    const progressEvery = String(Math.max(1, Math.round(options.seconds / 4)));
    const out = await run(pgbench, [...args, '-P', progressEvery, '-l', '--log-prefix', path.join(logs, 'tx')], env);
    const latencies = readLatencies(logs).sort((a, b) => a - b);
    return {
      tps: number(out, /^tps = ([\d.]+)/m),
      transactions: number(out, /^number of transactions actually processed: (\d+)/m),
      failed: /^number of failed transactions: (\d+)/m.test(out)
        ? number(out, /^number of failed transactions: (\d+)/m)
        : 0,
      latencyAverageMs: number(out, /^latency average = ([\d.]+) ms/m),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      command,
    };
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}
