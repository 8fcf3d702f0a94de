import { formatInstant } from '../format-instant.ts';
import { type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** A one-time link that signs the customer in to see all their orders with the shop. */
export type SignInLink = { url: string; expiresAt: Date };

/** The mail with a customer's sign-in link: it works once, for 15 minutes; about no case, so replies reach the shop. */
export function signInLinkMail(frame: MailFrame, link: SignInLink): RenderedMail {
  return renderMail(frame, {
    subject: `${frame.shop.name}: your sign-in link`,
    blocks: [
      { kind: 'paragraph', text: `Open this link to see your orders and requests with ${frame.shop.name}:` },
      { kind: 'verbatim', text: link.url },
      {
        kind: 'facts',
        rows: [['Works once, until', formatInstant(link.expiresAt, frame.shop.timeZone, frame.shop.locale)]],
      },
      { kind: 'paragraph', text: 'If you did not ask to sign in, you can ignore this email: nothing changes.' },
    ],
    footer: `Reply to this email to write to the ${frame.shop.name} care team.`,
  });
}
