import type { Logger } from 'pino';
import { DomainError } from '../../domain/errors.ts';
import { startMailWorker } from '../../jobs/start-mail-worker.ts';
import { startInboundSmtp } from '../../mail/inbound-smtp-server.ts';
import { readMailConfig } from '../../mail/mail-config.ts';
import { mailboxTransport } from '../../mail/mail-transport.ts';
import { smtpTransport } from '../../mail/smtp-transport.ts';
import { findInboundTarget } from '../../services/mail/find-inbound-target.ts';
import { receiveInboundMail } from '../../services/mail/receive-inbound-mail.ts';
import { remindShipBack } from '../../services/mail/remind-ship-back.ts';
import type { ServiceContext } from '../../services/service-context.ts';

/** How often returns due within two days are looked for, to remind their customers. */
const REMINDER_SWEEP_MS = 15 * 60_000;

/** Mail as `loupe serve` runs it: a line for the start-up banner, and how to stop it. */
export type ServedMail = { line: string; stop(): Promise<void> };

/** SMTP_URL without its password, for the banner. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'SMTP_URL';
  }
}

/**
 * Starts mail for `loupe serve`: the outbox worker, sending over SMTP at
 * SMTP_URL or, without it, into the development mailbox (GET
 * /api/v1/mailbox); the ship-back reminders every 15 minutes; and, when
 * SMTP_INBOUND_PORT is set, the inbound listener (on SMTP_INBOUND_HOST,
 * default 0.0.0.0). Addresses: LOUPE_MAIL_FROM, LOUPE_MAIL_REPLY_DOMAIN,
 * LOUPE_MAIL_INBOUND (mail-config.ts).
 */
export async function startMail(
  ctx: ServiceContext,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServedMail> {
  const config = readMailConfig(env);
  const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL) : mailboxTransport();
  const worker = startMailWorker(ctx.db, transport, {
    now: ctx.now,
    messageIdDomain: config.replyDomain,
    // Counts at info (a seeded demo sends dozens at once); which mails, at debug.
    onReport: (report) => {
      logger.info(
        { sent: report.sent.length, retrying: report.retrying.length, failed: report.failed.length },
        'mail delivery',
      );
      logger.debug(report, 'mail delivery: outbox ids');
    },
    onError: (err: unknown) => logger.error({ err }, 'mail delivery failed'),
  });
  const reminders = setInterval(() => {
    remindShipBack(ctx).then(
      (written) => written > 0 && logger.info({ written }, 'ship-back reminders written'),
      (err: unknown) => logger.error({ err }, 'ship-back reminders failed'),
    );
  }, REMINDER_SWEEP_MS);
  reminders.unref();

  let inbound: Awaited<ReturnType<typeof startInboundSmtp>> | undefined;
  if (env.SMTP_INBOUND_PORT) {
    const port = Number(env.SMTP_INBOUND_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new DomainError('INVALID_INPUT', `SMTP_INBOUND_PORT: "${env.SMTP_INBOUND_PORT}" is not a port number`);
    }
    inbound = await startInboundSmtp(
      { port, host: env.SMTP_INBOUND_HOST },
      {
        accepts: async (address) => (await findInboundTarget(ctx.db, address, config, ctx.now())) !== undefined,
        receive: async (mail) => {
          const outcome = await receiveInboundMail(ctx, config, mail);
          logger.info({ outcome, from: mail.from }, 'mail received');
        },
        onError: (err: unknown) => logger.error({ err }, 'inbound mail failed'),
      },
    );
  }
  const sending = env.SMTP_URL ? `SMTP at ${shownUrl(env.SMTP_URL)}` : 'development mailbox (GET /api/v1/mailbox)';
  return {
    line: `Mail: ${sending}${inbound ? `; receiving on port ${inbound.port}` : ''}`,
    async stop() {
      clearInterval(reminders);
      await worker.stop();
      await inbound?.close();
      transport.close();
    },
  };
}
