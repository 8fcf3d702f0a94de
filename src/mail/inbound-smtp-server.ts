import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { InboundMail } from '../services/mail/receive-inbound-mail.ts';

/** The largest mail taken: ten 10 MiB attachments in base64, and the text. */
const MAX_MESSAGE_BYTES = 150 * 1024 * 1024;

/** What the listener asks of the desk: whether it takes mail for an address, and to file a mail. */
export type InboundHandlers = {
  accepts(address: string): Promise<boolean>;
  receive(mail: InboundMail): Promise<void>;
  onError?: (error: unknown) => void;
};

/** A listening inbound server: its port, and how to close it. */
export type InboundSmtp = { port: number; close(): Promise<void> };

/** An SMTP error with the reply code the client sees. */
const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value);

/**
 * Receives mail over SMTP (`SMTP_INBOUND_PORT`), for the addresses `accepts`
 * says are ours (others: 550 at RCPT, so it is no relay), parses each with
 * mailparser and hands it to `receive`. A mail `receive` cannot file for now
 * (the database is down) is answered 451, so the sender retries it later.
 * No AUTH and no STARTTLS: it sits behind the shop's MX or a relay that
 * forwards to it, which terminates TLS.
 */
export async function startInboundSmtp(
  options: { port: number; host?: string | undefined },
  handlers: InboundHandlers,
): Promise<InboundSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Loupe inbound mail',
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      handlers.accepts(address.address).then(
        (ok) => callback(ok ? null : smtpError(550, `no mailbox here for ${address.address}`)),
        (error: unknown) => {
          handlers.onError?.(error);
          callback(smtpError(451, 'try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) return callback(smtpError(552, 'the message is too large'));
          const envelopeSender = session.envelope.mailFrom || undefined;
          const from = addresses(parsed.from)[0]?.address ?? envelopeSender?.address;
          if (!from) return callback(smtpError(550, 'the message names no sender'));
          const autoSubmitted = String(parsed.headers.get('auto-submitted') ?? 'no').toLowerCase();
          const precedence = String(parsed.headers.get('precedence') ?? '').toLowerCase();
          await handlers.receive({
            messageIdHeader: parsed.messageId,
            from: from.toLowerCase(),
            recipients: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            // A bounce comes from the null sender (MAIL FROM:<>).
            automatic:
              autoSubmitted !== 'no' || ['bulk', 'junk', 'list'].includes(precedence) || !envelopeSender?.address,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? 'attachment',
              contentType: a.contentType,
              content: a.content,
            })),
          });
          callback();
        })
        .catch((error: unknown) => {
          handlers.onError?.(error);
          callback(smtpError(451, 'the message could not be stored: try again later'));
        });
    },
  });
  server.on('error', (error) => handlers.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
