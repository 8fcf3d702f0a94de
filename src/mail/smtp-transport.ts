import nodemailer, { type NodemailerError } from 'nodemailer';
import { MailSendError, type MailTransport } from './mail-transport.ts';

/** How long an SMTP exchange may take, well within the worker's lease on a mail (deliver-due-mail.ts). */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * Sends over SMTP with nodemailer to `url` (`SMTP_URL`, e.g.
 * `smtps://user:pass@smtp.example.com` or `smtp://127.0.0.1:2525`). The mail
 * keeps the Message-ID it is given; a refusal the server says is for good
 * (5xx) is a permanent `MailSendError`, anything else (4xx, a dropped
 * connection) is worth trying again.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS });
  return {
    via: 'smtp',
    async send(mail, messageId) {
      try {
        const info = await transporter.sendMail({
          messageId,
          from: { name: mail.fromName, address: mail.fromAddress },
          to: mail.to,
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          date: mail.createdAt,
          headers: {
            // Loupe writes these itself (RFC 3834): auto-responders must not answer them.
            ...(mail.event === 'care_message' ? {} : { 'Auto-Submitted': 'auto-generated' }),
            ...(mail.caseId ? { 'X-Loupe-Case': mail.caseId } : {}),
          },
        });
        return { messageId: info.messageId };
      } catch (error) {
        const e = error as NodemailerError;
        throw new MailSendError(e.response ?? e.message, e.permanent === true);
      }
    },
    close: () => transporter.close(),
  };
}
