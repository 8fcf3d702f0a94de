import type { OutboxMail } from '../storage/repositories/mail-outbox.ts';
import type { MailDelivery } from '../storage/schema/mail.ts';
import type { RenderedMail } from './render-mail.ts';

/** What a transport needs of an outbox mail: whom it is from and to, and the mail rendered. */
export type OutgoingMail = Pick<
  OutboxMail,
  'id' | 'event' | 'caseId' | 'fromName' | 'fromAddress' | 'to' | 'replyTo' | 'createdAt'
> &
  RenderedMail;

/** Why a send failed, and whether trying again can help (a 5xx refusal cannot). */
export class MailSendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'MailSendError';
    this.permanent = permanent;
  }
}

/**
 * Where sent mail goes: an SMTP server, or the development mailbox (the
 * outbox row itself, kept for the back office). `send` resolves once the mail
 * is accepted, with the Message-ID it carries; it rejects with a
 * `MailSendError` when it is not.
 */
export type MailTransport = {
  via: MailDelivery;
  send(mail: OutgoingMail, messageId: string): Promise<{ messageId: string }>;
  close(): void;
};

/** The development mailbox: nothing leaves the machine; the mail stays in the outbox, marked sent, for `GET /api/v1/mailbox`. */
export function mailboxTransport(): MailTransport {
  return { via: 'mailbox', send: async (_mail, messageId) => ({ messageId }), close: () => {} };
}

/**
 * The Message-ID of an outbox mail: made from its id, so every attempt at
 * the same mail carries the same one (see `deliverDueMail`).
 */
export function messageIdOf(mail: Pick<OutgoingMail, 'id'>, domain: string): string {
  return `<${mail.id}@${domain}>`;
}
