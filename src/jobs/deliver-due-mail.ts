import { MailSendError, type MailTransport, messageIdOf } from '../mail/mail-transport.ts';
import { renderOutboxMail } from '../services/mail/render-outbox-mails.ts';
import { type LoupeDatabase, transaction } from '../storage/database.ts';
import { claimDueMail, markMailFailed, markMailForRetry, markMailSent } from '../storage/repositories/mail-outbox.ts';

/** How the outbox is worked: a clock, how much at once, how often and how far apart to try, the Message-ID domain. */
export type DeliveryOptions = {
  now: () => Date;
  /** The domain of Message-IDs (`<outbox id>@domain`): the reply domain. */
  messageIdDomain: string;
  /** Mails claimed per run (default 20). */
  batchSize?: number;
  /** Attempts before a mail is failed for good (default 8: about two hours of retries). */
  maxAttempts?: number;
  /** How long a claim holds before the mail falls due again (default 5 minutes, far above an SMTP timeout). */
  leaseMs?: number;
  /** The wait after a failed attempt (default 30 s, doubling each time, at most 6 h). */
  retryDelayMs?: (attempt: number) => number;
};

/** What one run did: the outbox ids sent, put back to wait, and given up on. */
export type DeliveryReport = { sent: string[]; retrying: string[]; failed: string[] };

/** 30 s, 1 min, 2 min … : exponential backoff, capped at 6 hours. */
export const exponentialBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 6 * 3_600_000);

/**
 * Claims the mails due now, renders them (decision 017: a mail about a case
 * is rendered when it is sent, from its event's facts and its case) and sends
 * each through `transport`: a mail the
 * server accepts is marked sent with its Message-ID; one it refuses for now
 * waits `retryDelayMs` and is tried again, up to `maxAttempts`, then failed
 * with its last error kept; one it refuses for good (5xx) is failed at once.
 * Several processes may run this at once: the claim skips what another holds.
 * The job itself — the loop that calls it is `startMailWorker`, so it can move
 * into a job library as it is.
 *
 * SMTP delivery is at-least-once: if this process stops after the server has
 * accepted a mail (250 to DATA) and before the mail is marked sent, its claim
 * runs out and it is sent again. Every attempt carries the same Message-ID,
 * made from the outbox id, so the copy is recognisable as the same message:
 * mail providers and clients that drop a repeated Message-ID show it once,
 * and a reply threads onto the same case either way. The window is the few
 * milliseconds between the 250 and the update; it cannot be closed without a
 * protocol SMTP does not have.
 */
export async function deliverDueMail(
  db: LoupeDatabase,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.retryDelayMs ?? exponentialBackoff;
  const claimed = await transaction(db, (tx) =>
    claimDueMail(tx, {
      now: options.now(),
      limit: options.batchSize ?? 20,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      maxAttempts,
    }),
  );
  const report: DeliveryReport = { sent: [], retrying: [], failed: [] };
  for (const mail of claimed) {
    try {
      const messageId = messageIdOf(mail, options.messageIdDomain);
      // The development mailbox is the outbox row itself, rendered when shown (GET /mailbox): nothing to render here.
      const accepted =
        transport.via === 'mailbox' ? { messageId } : await transport.send(await renderOutboxMail(db, mail), messageId);
      await markMailSent(db, mail.id, { messageId: accepted.messageId, via: transport.via, at: options.now() });
      report.sent.push(mail.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A mail that cannot be rendered is tried again like a refused one, and failed with why.
      const permanent = error instanceof MailSendError && error.permanent;
      if (permanent || mail.attempts >= maxAttempts) {
        await markMailFailed(db, mail, message);
        report.failed.push(mail.id);
      } else {
        await markMailForRetry(db, mail, message, new Date(options.now().getTime() + backoff(mail.attempts)));
        report.retrying.push(mail.id);
      }
    }
  }
  return report;
}
