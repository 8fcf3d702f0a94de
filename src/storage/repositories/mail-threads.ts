import { eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { mailInbound, mailOutbox, mailThreads } from '../schema/index.ts';
import type { MailToEnqueue } from './mail-outbox.ts';

/** A case's mail thread: its reply token and the customer's address. */
export type MailThread = typeof mailThreads.$inferSelect;
/** A mail received, by its Message-ID header. */
export type InboundMailRow = typeof mailInbound.$inferSelect;

/**
 * The case's thread, made with `thread`'s token and address if it has none
 * yet. Two transactions making the first one at once keep one: the second
 * waits on the primary key, then reads the first's.
 */
export async function ensureMailThread(db: LoupeDatabase, thread: MailThread): Promise<MailThread> {
  const [added] = await db
    .insert(mailThreads)
    .values(thread)
    .onConflictDoNothing({ target: mailThreads.caseId })
    .returning();
  if (added) return added;
  const existing = await findMailThread(db, thread.caseId);
  if (!existing) throw new Error(`the mail thread of case ${thread.caseId} is missing`);
  return existing;
}

/**
 * Starts a new case's thread and puts its first mails in the outbox, in one
 * statement (one round trip, all or nothing): for the transaction that opens
 * the case. Answers how many mails were added (a dedupe key already there
 * adds none).
 */
export async function insertThreadWithMail(
  db: LoupeDatabase,
  thread: MailThread,
  mails: readonly MailToEnqueue[],
): Promise<number> {
  const start = db.insert(mailThreads).values(thread).onConflictDoNothing({ target: mailThreads.caseId });
  if (mails.length === 0) {
    await start;
    return 0;
  }
  const enqueue = db
    .insert(mailOutbox)
    .values(mails.map((mail) => ({ ...mail, nextAttemptAt: mail.createdAt })))
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  // getSQL(): a query embedded as itself is put in parentheses, which a CTE's insert may not have.
  const { rows } = await db.execute<{ id: string }>(
    sql`with t as (${start.getSQL()}), m as (${enqueue.getSQL()}) select id from m`,
  );
  return rows.length;
}

/** The case's thread, if a mail has been written about it. */
export async function findMailThread(db: LoupeDatabase, caseId: string): Promise<MailThread | undefined> {
  const [row] = await db.select().from(mailThreads).where(eq(mailThreads.caseId, caseId));
  return row;
}

/** The thread a reply token belongs to. */
export async function findMailThreadByToken(db: LoupeDatabase, token: string): Promise<MailThread | undefined> {
  const [row] = await db.select().from(mailThreads).where(eq(mailThreads.token, token));
  return row;
}

/** Records a mail received unless its Message-ID was recorded before; answers whether it was new. */
export async function recordInboundMail(db: LoupeDatabase, row: InboundMailRow): Promise<boolean> {
  const added = await db
    .insert(mailInbound)
    .values(row)
    .onConflictDoNothing({ target: mailInbound.messageIdHeader })
    .returning({ id: mailInbound.messageIdHeader });
  return added.length > 0;
}

/** A mail received before, by its Message-ID header. */
export async function findInboundMail(db: LoupeDatabase, messageIdHeader: string): Promise<InboundMailRow | undefined> {
  const [row] = await db.select().from(mailInbound).where(eq(mailInbound.messageIdHeader, messageIdHeader));
  return row;
}
