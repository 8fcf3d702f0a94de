// The PostgreSQL server the desk benchmark measures on: the one named by
// LOUPE_BENCH_DATABASE_URL, or a throwaway one started here (initdb + pg_ctl
// into a temp folder, on a free port, default settings but for listening on
// 127.0.0.1 only), stopped again however the run ends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onCleanup } from './cleanup.ts';

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** A PostgreSQL server to measure on, and how to make and drop databases on it. */
export type BenchPostgres = {
  /** Where it came from, for the report: `throwaway PostgreSQL 15.x` or `LOUPE_BENCH_DATABASE_URL`. */
  origin: string;
  /** `PostgreSQL 15.14 …`, as `select version()` says. */
  version: string;
  /** A fresh database the app role owns, as a URL (dropped again at the end when the server is not ours). */
  createDatabase(name: string): Promise<string>;
  /** Forces a checkpoint before a measurement, when we may (a superuser); false when not allowed. */
  checkpoint(): Promise<boolean>;
  /** The settings both measurements share, as `name=value` pairs. */
  settings(): Promise<string[]>;
  stop(): Promise<void>;
};

/** The settings worth naming beside the figures: durability, memory, WAL and connections. */
const NOTED_SETTINGS = [
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_level',
  'shared_buffers',
  'max_connections',
  'max_wal_size',
  'checkpoint_timeout',
  'work_mem',
];

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs one statement on a connection of its own and answers its rows. */
export async function query<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function readSettings(url: string): Promise<string[]> {
  const rows = await query<{ name: string; setting: string; unit: string | null }>(
    url,
    `select name, setting, unit from pg_settings where name in (${NOTED_SETTINGS.map((n) => `'${n}'`).join(', ')})`,
  );
  const shown = (r: { setting: string; unit: string | null }) => {
    if (r.unit === '8kB') return `${(Number(r.setting) * 8) / 1024} MB`;
    if (r.unit === 'kB') return `${Number(r.setting) / 1024} MB`;
    if (r.unit === 'MB') return `${r.setting} MB`;
    return r.unit ? `${r.setting} ${r.unit}` : r.setting;
  };
  return NOTED_SETTINGS.flatMap((n) => {
    const r = rows.find((row) => row.name === n);
    return r ? [`${n}=${shown(r)}`] : [];
  });
}

/** The newest Debian PostgreSQL's bin folder, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = (() => {
    try {
      return readdirSync(root).sort((a, b) => Number(b) - Number(a));
    } catch {
      return [];
    }
  })();
  const newest = versions[0];
  if (!newest) {
    throw new Error(
      `no PostgreSQL under ${root}: install Debian's postgresql (apt-get install postgresql) or set LOUPE_BENCH_DATABASE_URL`,
    );
  }
  return path.join(root, newest, 'bin');
}

/** Runs a PostgreSQL program as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function asPostgresUser(program: string, args: string[]): string {
  const root = process.getuid?.() === 0;
  return execFileSync(root ? 'runuser' : program, root ? ['-u', 'postgres', '--', program, ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const APP_ROLE = 'loupe_bench';
const APP_PASSWORD = 'loupe_bench';

/** Starts a throwaway PostgreSQL on a free port of 127.0.0.1, with a login role that may create databases. */
async function startThrowaway(): Promise<BenchPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loupe-bench-pg-'));
  const removeDir = onCleanup('remove the PostgreSQL folder', () => rmSync(dir, { recursive: true, force: true }));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  progress(`bench: initdb ${data}`);
  asPostgresUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--no-instructions',
  ]);
  progress(`bench: starting PostgreSQL on 127.0.0.1:${port}`);
  const pgCtl = path.join(bin, 'pg_ctl');
  // Only where it listens differs from the defaults: TCP on 127.0.0.1 and its socket in our folder.
  asPostgresUser(pgCtl, [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
    'start',
  ]);
  const stopServer = onCleanup('stop PostgreSQL', () => {
    progress('bench: stopping PostgreSQL');
    asPostgresUser(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
  });
  const psql = (sql: string) =>
    asPostgresUser(path.join(bin, 'psql'), [
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-v',
      'ON_ERROR_STOP=1',
      '-qAtc',
      sql,
    ]).trim();
  psql(`create role ${APP_ROLE} login createdb password '${APP_PASSWORD}'`);
  const serverUrl = `postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${port}/postgres`;
  const version = psql('select version()');
  return {
    origin: `a throwaway server started for the run (${path.basename(path.dirname(bin))}, initdb defaults but listen_addresses=127.0.0.1)`,
    version,
    async createDatabase(name) {
      psql(`create database ${name} owner ${APP_ROLE}`);
      return withDatabase(serverUrl, name);
    },
    async checkpoint() {
      psql('checkpoint');
      return true;
    },
    settings: () => readSettings(serverUrl),
    async stop() {
      stopServer();
      removeDir();
    },
  };
}

/** Uses the server at `url` (LOUPE_BENCH_DATABASE_URL): its role must be allowed to create databases. */
async function useGiven(url: string): Promise<BenchPostgres> {
  const created: string[] = [];
  const [{ version } = { version: 'unknown' }] = await query<{ version: string }>(url, 'select version()');
  return {
    origin: 'the server of LOUPE_BENCH_DATABASE_URL, settings as found',
    version,
    async createDatabase(name) {
      await query(url, `drop database if exists ${name} with (force)`);
      await query(url, `create database ${name}`);
      created.push(name);
      return withDatabase(url, name);
    },
    async checkpoint() {
      try {
        await query(url, 'checkpoint');
        return true;
      } catch {
        return false;
      }
    },
    settings: () => readSettings(url),
    async stop() {
      for (const name of created.splice(0)) await query(url, `drop database if exists ${name} with (force)`);
    },
  };
}

/** The server named by LOUPE_BENCH_DATABASE_URL, else a throwaway one. */
export async function benchPostgres(): Promise<BenchPostgres> {
  const given = process.env.LOUPE_BENCH_DATABASE_URL;
  return given ? useGiven(given) : startThrowaway();
}
