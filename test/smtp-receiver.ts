import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

/** What the receiving server answers to each message: accept it, or refuse it with a reply code. */
export type Answer = 'accept' | 451 | 550;

/** A real SMTP server the tests send to: every message it accepted, parsed, and `url` for `SMTP_URL`. */
export type SmtpReceiver = {
  url: string;
  port: number;
  accepted: ParsedMail[];
  /** How many DATA commands it answered, accepted or not. */
  attempts(): number;
  /** Sets the answers to the next messages, in order; after them it accepts. */
  answerNext(...answers: Answer[]): void;
};

/** `onAccepted` hears each message accepted, after it is kept and before the server answers 250 to it. */
export type SmtpReceiverOptions = { onAccepted?: (mail: ParsedMail) => void };

/**
 * Starts an `smtp-server` on a free port of 127.0.0.1 as the receiving side of
 * the outbox worker (no TLS, no AUTH), closed after the test file. It parses
 * what it accepts with mailparser.
 */
export async function smtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const accepted: ParsedMail[] = [];
  const queue: Answer[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      attempts++;
      const answer = queue.shift() ?? 'accept';
      simpleParser(stream).then(
        (mail) => {
          if (answer === 'accept') {
            accepted.push(mail);
            options.onAccepted?.(mail);
            return callback();
          }
          const refusal = answer === 451 ? 'mailbox busy, try later' : 'no such user';
          callback(Object.assign(new Error(refusal), { responseCode: answer }));
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    accepted,
    attempts: () => attempts,
    answerNext: (...answers) => queue.push(...answers),
  };
}
