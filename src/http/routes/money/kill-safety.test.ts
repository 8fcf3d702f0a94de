import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { testDatabase, testServerUrl } from '../../../../test/database.ts';
import { moneyCase } from '../../../services/money/test-fixtures.ts';
import { type LoupeDatabase, openDatabase } from '../../../storage/database.ts';
import { migrate } from '../../../storage/migrate.ts';
import { DEV_TOKEN } from './test-server.ts';

const SERVER_SCRIPT = fileURLToPath(new URL('./kill-safety-server.ts', import.meta.url));
const CLIENTS = 8;
/** Refunds answered before the kill: enough that the kill lands in a steady burst. */
const ANSWERED_BEFORE_KILL = 24;

/** Where the killed server keeps its data: a database of its own on the test server, else a PGlite folder. */
const serverUrl = testServerUrl();
const postgres = serverUrl ? await testDatabase({ poolSize: 4 }) : undefined;
const dataDir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), 'loupe-kill-'));
const kind = postgres ? 'postgres' : 'pglite';
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `work` on the database; PGlite's folder is opened only while no server holds it (one process per folder). */
async function onDatabase<T>(work: (db: LoupeDatabase) => Promise<T>): Promise<T> {
  if (postgres) return work(postgres.db);
  const database = await openDatabase({ dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

type Server = { child: ChildProcess; base: string; exited: Promise<unknown> };

async function startServer(): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (postgres?.url) env.LOUPE_KILL_DATABASE_URL = postgres.url;
  if (dataDir) env.LOUPE_KILL_DATA_DIR = dataDir;
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const port = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening (\d+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    exited.then(() => reject(new Error(`the server exited before listening: ${stderr}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

/** The invariants a crash must not break, read from the database. */
async function readBooks(db: LoupeDatabase, shopId: string, caseId: string) {
  const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    (await db.execute<T>(query)).rows[0] as T;
  const money = await one<{ refunded: number; booked: number; entries: number; keys: number }>(sql`
    select m.refunded_cents as refunded,
           coalesce(sum(l.amount_cents), 0)::int as booked,
           count(l.id)::int as entries,
           count(distinct l.idempotency_key)::int as keys
    from case_money m left join ledger_entries l on l.case_id = m.case_id
    where m.case_id = ${caseId}
    group by m.refunded_cents`);
  const keys = await one<{ stored: number; unanswered: number; not_one_entry: number }>(sql`
    select count(*)::int as stored,
           count(*) filter (where k.status_code is null)::int as unanswered,
           count(*) filter (where (select count(*) from ledger_entries l
                                   where l.shop_id = k.shop_id and l.idempotency_key = k.key) <> 1)::int as not_one_entry
    from idempotency_keys k where k.shop_id = ${shopId}`);
  const answered = await db.execute<{ key: string; response: unknown }>(
    sql`select key, response from idempotency_keys where shop_id = ${shopId}`,
  );
  return { ...money, ...keys, responses: new Map(answered.rows.map((r) => [r.key, JSON.stringify(r.response)])) };
}

const amountOf = (client: number, n: number) => 100 + ((client * 31 + n * 17) % 900);

it(`loses and doubles nothing when the server is killed with SIGKILL in a burst of refunds (${kind})`, async () => {
  const { shopId, caseId } = await onDatabase(async (db) => {
    if (dataDir) await migrate(db);
    return moneyCase(db, { refundableCents: 10_000_000 });
  });
  const refund = (base: string, key: string, amountCents: number) =>
    fetch(`${base}/api/v1/cases/${caseId}/refunds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_TOKEN}`, 'idempotency-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ amountCents }),
    });

  // A burst: CLIENTS loops, each sending its next refund as soon as the last is answered.
  const first = await startServer();
  const sent = new Map<string, number>();
  const answered = new Map<string, string>();
  let inFlightAtKill = -1;
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    for (let n = 0; inFlightAtKill < 0; n++) {
      const key = `burst-${client}-${n}`;
      sent.set(key, amountOf(client, n));
      try {
        const res = await refund(first.base, key, amountOf(client, n));
        expect(res.status).toBe(201);
        answered.set(key, await res.text());
      } catch (error) {
        if (inFlightAtKill < 0) throw error;
        return;
      }
      if (answered.size >= ANSWERED_BEFORE_KILL && inFlightAtKill < 0) {
        inFlightAtKill = sent.size - answered.size;
        first.child.kill('SIGKILL');
      }
    }
  });
  await Promise.all(clients);
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(inFlightAtKill).toBeGreaterThan(0);

  // Reopened after the crash: every answered refund is there once, the books balance, no key holds two entries.
  const afterCrash = await onDatabase((db) => readBooks(db, shopId, caseId));
  expect(afterCrash.booked).toBe(afterCrash.refunded);
  expect(afterCrash.entries).toBe(afterCrash.keys);
  expect(afterCrash.entries).toBe(afterCrash.stored);
  expect(afterCrash.unanswered).toBe(0);
  expect(afterCrash.not_one_entry).toBe(0);
  for (const [key, body] of answered) expect(afterCrash.responses.get(key), key).toBe(JSON.stringify(JSON.parse(body)));

  // Restarted, the clients retry everything they sent: the answered ones get their first answer again, the rest are booked once.
  const second = await startServer();
  await Promise.all(
    [...sent].map(async ([key, amountCents]) => {
      const res = await refund(second.base, key, amountCents);
      expect(res.status, key).toBe(201);
      const body = await res.text();
      if (answered.has(key)) {
        expect(body, key).toBe(answered.get(key));
        expect(res.headers.get('idempotent-replayed'), key).toBe('true');
      }
    }),
  );
  second.child.kill('SIGTERM');
  await second.exited;

  const afterRetries = await onDatabase((db) => readBooks(db, shopId, caseId));
  const total = [...sent.values()].reduce((sum, cents) => sum + cents, 0);
  expect(afterRetries).toMatchObject({
    refunded: total,
    booked: total,
    entries: sent.size,
    keys: sent.size,
    stored: sent.size,
    unanswered: 0,
    not_one_entry: 0,
  });
}, 120_000);
