import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { mailboxTransport } from '../mail/mail-transport.ts';
import type { ServiceContext } from '../services/service-context.ts';
import { startMailWorker } from './start-mail-worker.ts';
import { eightDueMails } from './test-fixtures.ts';

const { db, kind } = await testDatabase();
const clock = new Date('2026-05-04T08:00:00Z');
const ctx: ServiceContext = { db, now: () => clock, newId: () => crypto.randomUUID() };

describe(`the mail worker, on ${kind}`, () => {
  it('sends a full outbox batch after batch, letting the event loop turn between batches', async () => {
    await eightDueMails(ctx);
    // Counts the event loop's turns: on PGlite, whose statements run inside this
    // process, a worker that never paused would send every batch within one turn,
    // and the server would read no request meanwhile.
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const seen: { sent: number; turn: number }[] = [];
    let drained: () => void = () => {};
    const done = new Promise<void>((resolve) => (drained = resolve));
    const worker = startMailWorker(db, mailboxTransport(), {
      now: ctx.now,
      messageIdDomain: 'mail.loupe.test',
      batchSize: 2,
      intervalMs: 60_000,
      onReport: (report) => {
        seen.push({ sent: report.sent.length, turn: turns });
        if (seen.reduce((n, s) => n + s.sent, 0) >= 8) drained();
      },
    });
    await done;
    await worker.stop();
    counting = false;
    expect(seen.map((s) => s.sent)).toEqual([2, 2, 2, 2]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.turn).toBeGreaterThan(seen[i - 1]?.turn ?? 0);
  });
});
