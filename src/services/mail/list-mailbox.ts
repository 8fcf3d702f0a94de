import { transaction } from '../../storage/database.ts';
import { listMailbox as readMailbox } from '../../storage/repositories/mail-outbox.ts';
import type { MailDelivery, MailEvent, MailStatus } from '../../storage/schema/mail.ts';
import { assertStaffOf } from '../assert-access.ts';
import { findShopOrThrow } from '../find-shop-or-throw.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { renderOutboxMails } from './render-outbox-mails.ts';

/** Which mails to list: a shop's (default: every shop the caller serves), a case's; at most `limit`. */
export type MailboxFilter = { shopId?: string | undefined; caseId?: string | undefined; limit?: number | undefined };

/** A mail as the back office shows it: to whom, about what, what it said, and where its delivery stands. */
export type MailboxItem = {
  id: string;
  shop: string;
  caseId: string | null;
  event: MailEvent;
  from: { name: string; address: string };
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
  deliveredVia: MailDelivery | null;
  createdAt: string;
};

/**
 * A sign-in link's token hidden, unless the mail stayed in the development
 * mailbox (no SMTP: the mailbox is how a developer follows the link): a mail
 * that went out is the customer's, and staff must not sign in as them.
 */
function hideSignInToken(m: { event: MailEvent; deliveredVia: MailDelivery | null }, body: string): string {
  if (m.event !== 'sign_in_link' || m.deliveredVia === 'mailbox') return body;
  return body.replace(/#token=[\w-]+/g, '#token=(hidden)');
}

/**
 * The mails Loupe wrote, the latest first: the development mailbox when no
 * SMTP server is set (every mail stays here, marked sent), and the record of
 * what went out over SMTP otherwise. Staff of the shop; staff of every shop
 * may leave the shop out.
 */
export async function listMailbox(ctx: ServiceContext, actor: Actor, filter: MailboxFilter): Promise<MailboxItem[]> {
  let shopId = filter.shopId;
  if (shopId !== undefined) assertStaffOf(actor, shopId);
  else if ((actor.role === 'agent' || actor.role === 'owner') && actor.shopId !== '*') shopId = actor.shopId;
  // Staff of every shop (and Loupe) see every shop's mail; anyone else is refused here.
  else assertStaffOf(actor, '*');
  return transaction(ctx.db, async (tx) => {
    if (filter.shopId) await findShopOrThrow(tx, filter.shopId);
    // Rendered now, sent or not: what a queued mail will say, and what a sent one said (decision 017).
    const rows = await renderOutboxMails(
      tx,
      await readMailbox(tx, { shopId, caseId: filter.caseId, limit: filter.limit ?? 50 }),
    );
    return rows.map(
      (m): MailboxItem => ({
        id: m.id,
        shop: m.shopId,
        caseId: m.caseId,
        event: m.event,
        from: { name: m.fromName, address: m.fromAddress },
        to: m.to,
        replyTo: m.replyTo,
        subject: m.subject,
        text: hideSignInToken(m, m.text),
        html: hideSignInToken(m, m.html),
        status: m.status,
        attempts: m.attempts,
        nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : null,
        lastError: m.lastError,
        sentAt: m.sentAt?.toISOString() ?? null,
        messageId: m.messageId,
        deliveredVia: m.deliveredVia,
        createdAt: m.createdAt.toISOString(),
      }),
    );
  });
}
