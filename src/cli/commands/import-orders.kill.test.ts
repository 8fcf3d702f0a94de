import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { shopifyOrder, writeShopifyOrdersFile } from '../../../bench/import/shopify-orders-file.ts';
import { testDatabase } from '../../../test/database.ts';
import { mapShopifyOrder } from '../../integrations/shopify/map-shopify-order.ts';
import { openDatabase } from '../../storage/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');
const ORDERS = 3000;

// PGlite in a folder on disk (what a kill -9 must not corrupt), or a PostgreSQL
// database of this file's when LOUPE_TEST_DATABASE_URL is set.
const empty = await testDatabase({ migrate: false });
const dir = mkdtempSync(path.join(tmpdir(), 'loupe-import-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = path.join(dir, 'data');
const target = empty.url ? ['--url', empty.url] : ['--data-dir', dataDir];

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, LOUPE_DEMO: 'off' };
  delete e.DATABASE_URL;
  delete e.LOUPE_DATA_DIR;
  return e;
}

type Stored = { number: string; lines: number; skus: string; cents: number; parcels: number };

/** Each stored order of the shop: its number, how many lines, their skus and amounts, and its outbound parcels. */
async function storedOrders(): Promise<Stored[]> {
  const database = await openDatabase(empty.url ? { url: empty.url } : { dataDir });
  try {
    const result = await database.db.execute<Record<string, unknown>>(sql`
      select o.number,
        (select count(*) from order_lines l where l.order_id = o.id)::int as lines,
        (select coalesce(string_agg(l.line_id || ':' || coalesce(l.sku, ''), ',' order by l.line_id), '')
           from order_lines l where l.order_id = o.id) as skus,
        (select coalesce(sum(l.unit_price_cents * l.quantity - l.discount_cents), 0)
           from order_lines l where l.order_id = o.id)::int as cents,
        (select count(*) from shipments s where s.order_id = o.id and s.direction = 'outbound')::int as parcels
      from orders o where o.shop_id = 'aulso' order by o.number`);
    return result.rows.map((r) => ({
      number: String(r.number),
      lines: Number(r.lines),
      skus: String(r.skus),
      cents: Number(r.cents),
      parcels: Number(r.parcels),
    }));
  } finally {
    await database.close();
  }
}

/** What the file says each order should be stored as, through the import's own mapping. */
function expectedOrders(): Map<string, Omit<Stored, 'number'>> {
  const expected = new Map<string, Omit<Stored, 'number'>>();
  for (let i = 0; i < ORDERS; i++) {
    const mapped = mapShopifyOrder(shopifyOrder(i, ORDERS));
    if (!mapped.ok) throw new Error(`order ${i} does not map`);
    const { order, parcels } = mapped.value;
    expected.set(order.number, {
      lines: order.lines.length,
      skus: order.lines.map((l) => `${l.id}:${l.sku ?? ''}`).join(','),
      cents: order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity - (l.discount ?? 0), 0),
      parcels: parcels.length,
    });
  }
  return expected;
}

/** Orders given to the killed run before it is killed: the rest never reach it, so it cannot finish first. */
const SENT = 2500;
/** A batch's worth of orders (IMPORT_BATCH_SIZE) sent last, so the kill lands while a batch is being stored. */
const LAST_SENT = 500;
/** How long to wait for a sign that orders are stored (a progress line, on PGlite) before sending the last batch. */
const WAIT_FOR_STORED_MS = 20_000;
/** How long after the last batch is sent the import is killed. */
const KILL_DELAY_MS = 200;

/**
 * Starts the import reading stdin and gives it the first orders of the file;
 * once some are stored (on PostgreSQL as soon as a count sees them; on PGlite,
 * one process at a time, at the first progress line saying some were created,
 * or after WAIT_FOR_STORED_MS), sends one batch more and kills the import with
 * SIGKILL while it stores it.
 */
async function importKilledMidway(file: string): Promise<{ signal: string | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [bin, 'import', 'orders', '-', '--format', 'jsonl', '--shop', 'aulso', ...target],
    { cwd: root, env: env(), stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  const closed = new Promise<string | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
  let signalStored: () => void = () => {};
  const stored = new Promise<void>((resolve) => {
    signalStored = resolve;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (/\(([1-9]\d*) created/.test(stderr)) signalStored();
  });
  let polling: NodeJS.Timeout | undefined;
  if (empty.url) {
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    polling = setInterval(() => {
      client
        .query<{ n: string }>(`select count(*) as n from orders where shop_id = 'aulso'`)
        .then((r) => {
          if (Number(r.rows[0]?.n) > 0) signalStored();
        })
        .catch(() => {});
    }, 50);
    void closed.then(() => client.end());
  }
  // The pipe breaks if the child dies while it is still being written to.
  child.stdin.on('error', () => {});
  const send = async (lines: string[]) => {
    for (const line of lines) {
      if (child.stdin.destroyed || child.exitCode !== null || child.signalCode !== null) return;
      if (!child.stdin.write(`${line}\n`)) {
        await Promise.race([once(child.stdin, 'drain').catch(() => undefined), closed]);
      }
    }
  };
  const lines = readFileSync(file, 'utf8').split('\n');
  await send(lines.slice(0, SENT - LAST_SENT));
  await Promise.race([stored, closed, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_STORED_MS))]);
  clearInterval(polling);
  await send(lines.slice(SENT - LAST_SENT, SENT));
  await new Promise((resolve) => setTimeout(resolve, KILL_DELAY_MS));
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return { signal: await closed, stderr };
}

describe('loupe import orders, killed with SIGKILL midway and run again', { timeout: 600_000 }, () => {
  it('stores every order of the file exactly once, with its lines and parcels, none doubled or missing', async () => {
    const file = await writeShopifyOrdersFile(dir, ORDERS);
    const expected = expectedOrders();
    // Migrated first, so the kill lands while orders are being stored, not while the schema is made.
    const migrated = spawnSync(process.execPath, [bin, 'db', 'migrate', ...target], { cwd: root, env: env() });
    expect(migrated.status, String(migrated.stderr)).toBe(0);

    const killed = await importKilledMidway(file.jsonl);
    expect(killed.signal, `the import ended before it could be killed:\n${killed.stderr}`).toBe('SIGKILL');

    // The database opens after the kill; what it holds is whole orders only (each batch one transaction).
    const afterKill = await storedOrders();
    expect(afterKill.length).toBeGreaterThan(0);
    expect(afterKill.length).toBeLessThanOrEqual(SENT);
    for (const s of afterKill) expect({ number: s.number, ...expected.get(s.number) }).toEqual(s);

    const again = spawnSync(process.execPath, [bin, 'import', 'orders', file.jsonl, '--shop', 'aulso', ...target], {
      cwd: root,
      env: env(),
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `${ORDERS} orders read, ${ORDERS - afterKill.length} created, ${afterKill.length} updated, 0 failed`,
    );

    const stored = await storedOrders();
    expect(stored).toHaveLength(ORDERS);
    expect(new Set(stored.map((s) => s.number)).size).toBe(ORDERS);
    expect(stored.reduce((n, s) => n + s.lines, 0)).toBe(file.lines);
    expect(stored.reduce((n, s) => n + s.parcels, 0)).toBe(file.parcels);
    const differing = stored.filter(
      (s) => JSON.stringify({ number: s.number, ...expected.get(s.number) }) !== JSON.stringify(s),
    );
    expect(differing).toEqual([]);
  });
});
