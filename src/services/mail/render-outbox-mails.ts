import type { MailFrame, RenderedMail } from '../../mail/render-mail.ts';
import { type CaseMailEvent, renderStoredMail } from '../../mail/stored-mail.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { findMailCaseFacts, type MailCaseFacts } from '../../storage/repositories/mail-cases.ts';
import type { OutboxMail } from '../../storage/repositories/mail-outbox.ts';
import { storedPolicyVersion } from '../../storage/repositories/policy-versions.ts';
import { caseReference } from '../case-reference.ts';

/** What rendering needs of an outbox row. */
export type MailToRender = Pick<
  OutboxMail,
  'id' | 'caseId' | 'event' | 'fromName' | 'to' | 'replyTo' | 'payload' | 'subject' | 'text' | 'html'
>;

/**
 * The mails with their subject, text and HTML, for the worker to send or the
 * mailbox to show. A mail about a case is rendered now, from the facts its
 * event stored and its case (one read for the batch; the policy version, for
 * the shop's clock, is cached by the process), in the frame it had when it
 * was queued: from the shop's name, to the thread's address, the same reply
 * address. A mail rendered when queued (a sign-in link, mails older than
 * decision 017) is as it was stored.
 */
export async function renderOutboxMails<M extends MailToRender>(
  db: LoupeDatabase,
  mails: readonly M[],
): Promise<(M & RenderedMail)[]> {
  const toRender = mails.flatMap((m) => (m.subject === null && m.caseId !== null ? [m.caseId] : []));
  const facts = new Map((await findMailCaseFacts(db, toRender)).map((c) => [c.id, c]));
  const rendered: (M & RenderedMail)[] = [];
  for (const mail of mails) {
    const { subject, text, html } = mail;
    if (subject !== null && text !== null && html !== null) {
      rendered.push({ ...mail, subject, text, html });
      continue;
    }
    const c = mail.caseId === null ? undefined : facts.get(mail.caseId);
    if (!c || mail.event === 'sign_in_link') throw new Error(`outbox mail ${mail.id} has neither its text nor a case`);
    rendered.push({
      ...mail,
      ...renderStoredMail(await frameOf(db, mail, c), mail.event as CaseMailEvent, mail.payload, c),
    });
  }
  return rendered;
}

/** One mail rendered (see `renderOutboxMails`): the worker renders each on its own, so one that fails holds back no other. */
export async function renderOutboxMail<M extends MailToRender>(db: LoupeDatabase, mail: M): Promise<M & RenderedMail> {
  const [rendered] = await renderOutboxMails(db, [mail]);
  if (!rendered) throw new Error(`outbox mail ${mail.id} was not rendered`);
  return rendered;
}

/** The mail's frame: the shop's name as it was sent from, its clock and locale, the case's reference, whom it greets. */
async function frameOf(db: LoupeDatabase, mail: MailToRender, c: MailCaseFacts): Promise<MailFrame> {
  const profile = c.policyVersionId ? (await storedPolicyVersion(db, c.policyVersionId))?.policy.profile : undefined;
  return {
    shop: {
      name: mail.fromName,
      timeZone: profile?.timeZone ?? 'UTC',
      locale: profile ? `en-${profile.country}` : 'en',
    },
    reference: caseReference(c.shopId, c.number),
    replyTo: mail.replyTo,
    // The order's customer by name, when the mail goes to them (not to someone who wrote in).
    customerName: c.customerEmail === mail.to ? c.customerName : null,
  };
}
