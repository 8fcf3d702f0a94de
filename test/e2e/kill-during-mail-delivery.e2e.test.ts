import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { moneyCase } from '../../src/services/money/test-fixtures.ts';
import { type LoupeDatabase, openDatabase } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { enqueueMail } from '../../src/storage/repositories/mail-outbox.ts';
import { mailOutbox } from '../../src/storage/schema/index.ts';
import { testDatabase, testServerUrl } from '../database.ts';
import { smtpReceiver } from '../smtp-receiver.ts';

// `kill -9` of the outbox worker in the middle of sending 50 mails over SMTP, then a restart on the same
// database: every mail sent, every one received, and only the mail in flight at the kill received twice.

const WORKER = fileURLToPath(new URL('../deliver-mail-worker.ts', import.meta.url));
const MAILS = 50;
/** Mails the worker claims per run. */
const BATCH = 10;
/** The worker is killed while the receiver holds this mail (the third of a batch of 10): mid-batch, mid-run. */
const KILL_AT = 23;

const postgres = testServerUrl() ? await testDatabase({ poolSize: 2 }) : undefined;
const dataDir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), 'loupe-e2e-kill-mail-'));
const kind = postgres ? 'PostgreSQL' : 'PGlite on disk';
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let worker: ChildProcess | undefined;
let killed = false;
const receiver = await smtpReceiver({
  onAccepted() {
    // The message is kept, but the 250 is not yet written: the worker dies not knowing it was accepted.
    if (receiver.accepted.length === KILL_AT && worker && !killed) {
      killed = true;
      worker.kill('SIGKILL');
    }
  },
});

/** The database, for the test process: on PGlite only while no worker has the directory open. */
async function withDatabase<T>(use: (db: LoupeDatabase) => Promise<T>): Promise<T> {
  if (postgres) return use(postgres.db);
  const database = await openDatabase({ dataDir });
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}

/** Runs the worker to its end (or its kill); answers how it ended and what it wrote. */
async function runWorker(clockOffsetMs: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SMTP_URL: receiver.url,
    LOUPE_WORKER_CLOCK_OFFSET_MS: String(clockOffsetMs),
    LOUPE_WORKER_BATCH_SIZE: String(BATCH),
  };
  delete env.DATABASE_URL;
  delete env.LOUPE_DATA_DIR;
  if (postgres?.url) env.DATABASE_URL = postgres.url;
  if (dataDir) env.LOUPE_DATA_DIR = dataDir;
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  worker = child;
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (c, s) => resolve([c, s])),
  );
  return { code, signal, stdout, stderr };
}

it(`sends every mail after the worker is killed with SIGKILL mid-delivery and restarted, only the one in flight twice (${kind})`, async () => {
  const ids = await withDatabase(async (db) => {
    if (dataDir) await migrate(db);
    const c = await moneyCase(db);
    const now = new Date();
    const mails = Array.from({ length: MAILS }, (_, n) => ({
      id: randomUUID(),
      shopId: c.shopId,
      caseId: c.caseId,
      event: 'care_message' as const,
      fromName: 'Money test shop',
      fromAddress: 'care@shop.example',
      to: 'ana@example.com',
      replyTo: 'reply+token@mail.loupe.test',
      subject: `Message ${n + 1} of ${MAILS}`,
      text: `Body of message ${n + 1}`,
      html: `<p>Body of message ${n + 1}</p>`,
      dedupeKey: `kill-mail-${n}`,
      createdAt: new Date(now.getTime() - (MAILS - n)),
    }));
    expect(await enqueueMail(db, mails)).toBe(MAILS);
    return mails.map((m) => m.id);
  });

  const first = await runWorker(0);
  expect(first.signal, first.stderr).toBe('SIGKILL');
  expect(killed).toBe(true);
  expect(receiver.accepted).toHaveLength(KILL_AT);
  const inFlight = receiver.accepted[KILL_AT - 1]?.messageId;
  // What the dead worker left: the mails before the one in flight marked sent; it, and the rest of its
  // batch, still claimed (`sending`) until the claim runs out.
  const outbox = (db: LoupeDatabase) =>
    db.select().from(mailOutbox).where(eq(mailOutbox.fromAddress, 'care@shop.example'));
  const atKill = await withDatabase(outbox);
  const idOf = (messageId: string | undefined) => messageId?.replace(/^<(.+)@mail\.loupe\.test>$/, '$1');
  expect(atKill.filter((r) => r.status === 'sent')).toHaveLength(KILL_AT - 1);
  expect(atKill.find((r) => r.id === idOf(inFlight))).toMatchObject({ status: 'sending', attempts: 1 });
  expect(atKill.filter((r) => r.status === 'sending')).toHaveLength(Math.ceil(KILL_AT / BATCH) * BATCH - (KILL_AT - 1));

  // Restarted once its claims have run out (5 minutes on the worker's clock), it finishes the outbox.
  const second = await runWorker(6 * 60_000);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toContain('done');

  const rows = await withDatabase(outbox);
  expect(rows).toHaveLength(MAILS);
  for (const row of rows) {
    expect(row, row.id).toMatchObject({
      status: 'sent',
      deliveredVia: 'smtp',
      messageId: `<${row.id}@mail.loupe.test>`,
    });
  }

  // SMTP is at-least-once (decision 012): the mail the server accepted as the worker died was never marked
  // sent, so the restarted worker sent it again, with the same Message-ID. That one mail, and only it, twice.
  const counts = new Map<string, number>();
  for (const m of receiver.accepted) counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual(ids.map((id) => `<${id}@mail.loupe.test>`).sort());
  expect([...counts].filter(([, n]) => n > 1)).toEqual([[inFlight, 2]]);
  expect(receiver.accepted).toHaveLength(MAILS + 1);
  const copies = receiver.accepted.filter((m) => m.messageId === inFlight);
  expect(copies[1]?.subject).toBe(copies[0]?.subject);
  expect(copies[1]?.text).toBe(copies[0]?.text);
  expect(rows.find((r) => `<${r.id}@mail.loupe.test>` === inFlight)?.attempts).toBe(2);
}, 180_000);
