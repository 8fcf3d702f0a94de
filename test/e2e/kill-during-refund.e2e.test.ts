import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { testDatabase, testServerUrl } from '../database.ts';

// `kill -9` of the real server (`loupe serve`, as `npm start` runs it) in the middle of a burst of refunds,
// then a restart on the same database: nothing lost, nothing doubled, every retry answered as the first time.

const BIN = fileURLToPath(new URL('../../bin/loupe.js', import.meta.url));
const TOKEN = 'kill-during-refund-dev-token';
const CLIENTS = 6;
/** Refunds answered before the kill: enough that it lands in a steady burst. */
const ANSWERED_BEFORE_KILL = 30;

const postgres = testServerUrl() ? await testDatabase({ poolSize: 2 }) : undefined;
const dataDir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), 'loupe-e2e-kill-'));
const kind = postgres ? 'PostgreSQL' : 'PGlite';
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Server = { child: ChildProcess; base: string; stdout: string; exited: Promise<unknown> };

/** Starts `loupe serve` on a free port of 127.0.0.1 and waits for the line that says where it listens. */
async function startServer(): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOUPE_DEV_TOKEN: TOKEN,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.LOUPE_DATA_DIR;
  if (postgres?.url) env.DATABASE_URL = postgres.url;
  if (dataDir) env.LOUPE_DATA_DIR = dataDir;
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = / at (http:\/\/\S+) \(docs/.exec(stdout)?.[1];
      if (url && stdout.includes('Staff token')) resolve(url);
    });
    exited.then(() => reject(new Error(`the server exited before listening: ${stderr}`)));
  });
  // The start-up prints everything in one write; give the rest of it a moment to arrive.
  await new Promise((r) => setTimeout(r, 50));
  return { child, base, stdout, exited };
}

const staff = (base: string, url: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
  fetch(`${base}${url}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.key ? { 'idempotency-key': init.key } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const amountOf = (client: number, n: number) => 1 + ((client * 7 + n * 13) % 50);

it(`loses and doubles no refund when loupe serve is killed with SIGKILL mid-burst and restarted (${kind})`, async () => {
  const first = await startServer();
  if (dataDir) {
    // A fresh embedded database: the start-up migrated it, brought the five shops in and seeded the demo.
    expect(first.stdout).toMatch(/Demo: 5 shops, \d+ demo orders, \d+ open cases/);
    const shops = (await (await fetch(`${first.base}/api/v1/shops`)).json()) as { id: string }[];
    expect(shops.map((s) => s.id).sort()).toEqual(['amijose', 'aoures', 'atelier', 'aulso', 'theor']);
    expect((await staff(first.base, '/api/v1/shops/aulso/orders/AUL-50001')).status).toBe(200);
  }

  // A real case: Aulso decides a change of mind a day after delivery, at the server's own clock.
  const order = {
    number: 'AUL-KILL-1',
    placedAt: ago(24 * 8),
    currency: 'USD',
    destinationCountry: 'US',
    paymentMethod: 'card',
    shippedAt: ago(24 * 6),
    deliveredAt: ago(24),
    lines: [
      {
        id: 'L1',
        sku: 'AU-B-TENNIS-D',
        title: 'Diamond Tennis Bracelet',
        category: 'bracelet',
        unitPrice: 480_000,
        quantity: 1,
      },
    ],
  };
  const imported = await staff(first.base, '/api/v1/shops/aulso/orders', {
    method: 'POST',
    body: { order, customer: { email: 'kill@example.com', name: 'Kim Ill' } },
  });
  expect(imported.status, await imported.text()).toBeLessThan(300);
  const opened = await staff(first.base, '/api/v1/shops/aulso/cases', {
    method: 'POST',
    body: {
      orderNumber: order.number,
      request: {
        type: 'return',
        lines: ['L1'],
        reason: 'changed_mind',
        condition: { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true },
      },
    },
  });
  const c = (await opened.json()) as { id: string };
  expect(opened.status, JSON.stringify(c)).toBe(201);
  expect(c).toMatchObject({ outcome: 'approved', money: { refundableCents: 480_000 } });
  const refund = (base: string, key: string, amountCents: number) =>
    staff(base, `/api/v1/cases/${c.id}/refunds`, { method: 'POST', key, body: { amountCents } });

  // The burst: each client sends its next refund as soon as the last is answered; the server dies under it.
  const sent = new Map<string, number>();
  const answered = new Map<string, string>();
  let killed = false;
  let inFlightAtKill = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; !killed; n++) {
        const key = `kill-${client}-${n}`;
        sent.set(key, amountOf(client, n));
        let res: Response;
        try {
          res = await refund(first.base, key, amountOf(client, n));
        } catch (error) {
          if (killed) return;
          throw error;
        }
        expect(res.status, key).toBe(201);
        answered.set(key, await res.text());
        if (answered.size >= ANSWERED_BEFORE_KILL && !killed) {
          killed = true;
          inFlightAtKill = sent.size - answered.size;
          first.child.kill('SIGKILL');
        }
      }
    }),
  );
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(inFlightAtKill).toBeGreaterThan(0);

  // Restarted on the same database; every client retries everything it sent, with the same key and body.
  const second = await startServer();
  expect(second.stdout).not.toContain('Demo:');
  for (const [key, amountCents] of sent) {
    const res = await refund(second.base, key, amountCents);
    const body = await res.text();
    expect(res.status, `${key}: ${body}`).toBe(201);
    if (answered.has(key)) {
      expect(body, key).toBe(answered.get(key));
      expect(res.headers.get('idempotent-replayed'), key).toBe('true');
    }
  }

  const ledgerRes = await staff(second.base, `/api/v1/cases/${c.id}/ledger`);
  const ledger = (await ledgerRes.json()) as {
    refundedCents: number;
    entries: { idempotencyKey: string; amountCents: number }[];
  };
  second.child.kill('SIGTERM');
  await second.exited;

  const total = [...sent.values()].reduce((sum, cents) => sum + cents, 0);
  const { entries } = ledger;
  expect(entries.map((e) => e.idempotencyKey).sort()).toEqual([...sent.keys()].sort());
  expect(entries.reduce((sum, e) => sum + e.amountCents, 0)).toBe(total);
  expect(ledger).toMatchObject({ refundableCents: 480_000, refundedCents: total, leftToRefundCents: 480_000 - total });
  for (const e of entries) expect(e.amountCents, e.idempotencyKey).toBe(sent.get(e.idempotencyKey));
}, 240_000);
