import type { MailTransport } from '../mail/mail-transport.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { yieldToEventLoop } from '../storage/yield-to-event-loop.ts';
import { type DeliveryOptions, type DeliveryReport, deliverDueMail } from './deliver-due-mail.ts';
import { type PollingLoop, startPollingLoop } from './start-polling-loop.ts';

/** A running worker: `stop` ends the loop and waits for the run in progress. */
export type MailWorker = PollingLoop;

/** What the loop needs besides the delivery options: how often to look, and where to report. */
export type MailWorkerOptions = DeliveryOptions & {
  /** The pause between runs (default 2 s). */
  intervalMs?: number;
  onReport?: (report: DeliveryReport) => void;
  onError?: (error: unknown) => void;
};

/**
 * Polls the outbox: runs `deliverDueMail` until a run finds less than a full
 * batch, then waits `intervalMs`. A polling loop until a job library
 * (graphile-worker, pg-boss) is chosen; the job is `deliverDueMail`.
 */
export function startMailWorker(db: LoupeDatabase, transport: MailTransport, options: MailWorkerOptions): MailWorker {
  const batch = options.batchSize ?? 20;
  return startPollingLoop(
    async (stopped) => {
      for (;;) {
        const report = await deliverDueMail(db, transport, options);
        const done = report.sent.length + report.retrying.length + report.failed.length;
        if (done > 0) options.onReport?.(report);
        if (stopped() || done < batch) return;
        await yieldToEventLoop();
      }
    },
    options.intervalMs ?? 2_000,
    options.onError,
  );
}
