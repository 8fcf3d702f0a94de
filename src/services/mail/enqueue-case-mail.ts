import type { Policy } from '../../domain/policy/policy.schema.ts';
import { readMailConfig } from '../../mail/mail-config.ts';
import { newReplyToken, replyAddress } from '../../mail/reply-address.ts';
import type { CaseMailEvent, MailFacts } from '../../mail/stored-mail.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { type CaseRow, findCase } from '../../storage/repositories/cases.ts';
import { enqueueMail, type MailToEnqueue } from '../../storage/repositories/mail-outbox.ts';
import {
  ensureMailThread,
  findMailThread,
  insertThreadWithMail,
  type MailThread,
} from '../../storage/repositories/mail-threads.ts';
import { findOrderById, type StoredOrder } from '../../storage/repositories/orders.ts';
import { storedPolicyVersion } from '../../storage/repositories/policy-versions.ts';
import { findShop } from '../../storage/repositories/shops.ts';

/** The clock and ids a mail is written with: a `ServiceContext` has both. */
export type MailClock = { now(): Date; newId(): string };

/** The case a mail is about, with its order (the customer's address and name) and its policy (the shop's name, clock, sender). */
export type MailCase = {
  row: Pick<CaseRow, 'id' | 'shopId' | 'number'>;
  order: StoredOrder | undefined;
  policy: Policy | undefined;
};

/**
 * One mail to write: its event, what tells it apart from others of the event
 * on the case (`n`), and the event's facts its template is given when the
 * mail is sent (src/mail/stored-mail.ts).
 */
export type CaseMail = { [E in CaseMailEvent]: { event: E; n: string | number; facts: MailFacts[E] } }[CaseMailEvent];

/** The case with its order and policy, for a service that has only the case's id at hand. */
export async function loadMailCase(
  tx: LoupeDatabase,
  caseId: string,
): Promise<(MailCase & { row: CaseRow }) | undefined> {
  const row = await findCase(tx, caseId);
  if (!row) return undefined;
  const order = row.orderId ? await findOrderById(tx, row.orderId) : undefined;
  const version = row.policyVersionId ? await storedPolicyVersion(tx, row.policyVersionId) : undefined;
  return { row, order, policy: version?.policy };
}

/**
 * Puts mails about a case in the outbox, inside the caller's
 * transaction (a rollback drops them, a commit keeps them). Each goes to the
 * case's thread address — the customer of its order, or whoever wrote in —
 * from the shop (its policy's contact email, else LOUPE_MAIL_FROM), with the
 * case's reply address as Reply-To; its dedupe key is
 * `case:<id>:<event>:<n>`, so writing the same mail twice sends it once.
 * A case with no one to write to (staff opened it, no order) gets none.
 * `newCase`: the case was opened in this transaction, so its thread is
 * started with the mails in one round trip. Answers how many were added.
 */
export async function enqueueCaseMails(
  tx: LoupeDatabase,
  clock: MailClock,
  c: MailCase,
  mails: readonly CaseMail[],
  options: { newCase?: boolean } = {},
): Promise<number> {
  if (mails.length === 0) return 0;
  const now = clock.now();
  const address = c.order?.customer.email;
  if (options.newCase && address) {
    const thread = { caseId: c.row.id, token: newReplyToken(), address, createdAt: now };
    return insertThreadWithMail(tx, thread, await outboxRows(tx, clock, c, thread, mails, now));
  }
  const thread =
    (await findMailThread(tx, c.row.id)) ??
    (address && (await ensureMailThread(tx, { caseId: c.row.id, token: newReplyToken(), address, createdAt: now })));
  if (!thread) return 0;
  return enqueueMail(tx, await outboxRows(tx, clock, c, thread, mails, now));
}

/** The outbox rows of the mails, from the shop to the case's thread. */
async function outboxRows(
  tx: LoupeDatabase,
  clock: MailClock,
  c: MailCase,
  thread: MailThread,
  mails: readonly CaseMail[],
  now: Date,
): Promise<MailToEnqueue[]> {
  const shopName = c.policy?.name ?? (await findShop(tx, c.row.shopId))?.name ?? c.row.shopId;
  return caseMailRows(clock, c, shopName, thread, mails, now);
}

/**
 * The mails a new case sends as outbox rows, with the thread they start,
 * made without touching the database, for the statement that stores the
 * case to store them too (openCase). None when there is no one to write to.
 */
export function newCaseMails(
  clock: MailClock,
  c: MailCase & { policy: Policy },
  mails: readonly CaseMail[],
): { thread: MailThread; mails: MailToEnqueue[] } | undefined {
  const address = c.order?.customer.email;
  if (!address || mails.length === 0) return undefined;
  const now = clock.now();
  const thread = { caseId: c.row.id, token: newReplyToken(), address, createdAt: now };
  return { thread, mails: caseMailRows(clock, c, c.policy.name, thread, mails, now) };
}

/**
 * Outbox rows holding each mail's facts, rendered when sent
 * (renderOutboxMails) in the frame these rows keep: the shop's name as sender,
 * the thread's address and reply address.
 */
function caseMailRows(
  clock: MailClock,
  c: MailCase,
  shopName: string,
  thread: MailThread,
  mails: readonly CaseMail[],
  now: Date,
): MailToEnqueue[] {
  const config = readMailConfig();
  const replyTo = replyAddress(thread.token, config.replyDomain);
  const profile = c.policy?.profile;
  const fromAddress = profile?.contact?.email ?? config.defaultFrom;
  return mails.map((mail) => ({
    id: clock.newId(),
    shopId: c.row.shopId,
    caseId: c.row.id,
    event: mail.event,
    fromName: shopName,
    fromAddress,
    to: thread.address,
    replyTo,
    payload: mail.facts,
    dedupeKey: `case:${c.row.id}:${mail.event}:${mail.n}`,
    createdAt: now,
  }));
}
