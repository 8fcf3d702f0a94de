import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { mailOutbox } from '../schema/index.ts';
import type { MailDelivery } from '../schema/mail.ts';

/** A mail of the outbox as stored. */
export type OutboxMail = typeof mailOutbox.$inferSelect;

/**
 * What `enqueueMail` stores: whom the mail is for and about, its dedupe key,
 * and either its event's facts (`payload`, rendered when sent: mails about a
 * case) or the rendered mail (a sign-in link).
 */
export type MailToEnqueue = Pick<
  OutboxMail,
  'id' | 'shopId' | 'caseId' | 'event' | 'fromName' | 'fromAddress' | 'to' | 'replyTo' | 'dedupeKey' | 'createdAt'
> &
  Partial<Pick<OutboxMail, 'payload' | 'subject' | 'text' | 'html'>>;

/**
 * Puts mails in the outbox, due at once. Call it with the transaction of the
 * change the mails report: a rollback drops them, a commit keeps them. A mail
 * whose dedupe key is already there is not added again; answers how many
 * were added.
 */
export async function enqueueMail(tx: LoupeDatabase, mails: MailToEnqueue | readonly MailToEnqueue[]): Promise<number> {
  const rows = (Array.isArray(mails) ? mails : [mails]) as readonly MailToEnqueue[];
  if (rows.length === 0) return 0;
  const added = await tx
    .insert(mailOutbox)
    .values(rows.map((mail) => ({ ...mail, nextAttemptAt: mail.createdAt })))
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return added.length;
}

/** How a worker claims mail: at `now`, at most `limit`, for `leaseMs`, and mails that used `maxAttempts` no more. */
export type ClaimOptions = { now: Date; limit: number; leaseMs: number; maxAttempts: number };

/**
 * Claims the mails due at `now`, oldest first: each is marked `sending`, its
 * attempt counted and its lease ending `leaseMs` later (when a worker that
 * stopped mid-send lets it fall due again). `for update skip locked` lets
 * several processes claim at once without two taking the same mail. A mail
 * whose last attempt's lease ran out is failed for good here.
 */
export async function claimDueMail(db: LoupeDatabase, o: ClaimOptions): Promise<OutboxMail[]> {
  await db
    .update(mailOutbox)
    .set({
      status: 'failed',
      lastError: sql`coalesce(${mailOutbox.lastError}, 'the worker stopped during the last attempt')`,
    })
    .where(
      and(
        eq(mailOutbox.status, 'sending'),
        lte(mailOutbox.nextAttemptAt, o.now),
        gte(mailOutbox.attempts, o.maxAttempts),
      ),
    );
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        inArray(mailOutbox.status, ['pending', 'sending']),
        lte(mailOutbox.nextAttemptAt, o.now),
        lt(mailOutbox.attempts, o.maxAttempts),
      ),
    )
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.seq))
    .limit(o.limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({
      status: 'sending',
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: new Date(o.now.getTime() + o.leaseMs),
    })
    .where(inArray(mailOutbox.id, due))
    .returning();
  return claimed.sort((a, b) => a.seq - b.seq);
}

/** The claimed mail, still the claim of the attempt `attempts`: a worker whose lease ran out changes nothing. */
const stillClaimed = (mail: Pick<OutboxMail, 'id' | 'attempts'>): SQL | undefined =>
  and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.attempts, mail.attempts));

/** Marks a claimed mail sent, with the Message-ID it went out with; answers false if it was no longer claimed. */
export async function markMailSent(
  db: LoupeDatabase,
  id: string,
  sent: { messageId: string; via: MailDelivery; at: Date },
): Promise<boolean> {
  const done = await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: sent.at, messageId: sent.messageId, deliveredVia: sent.via, lastError: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
    .returning({ id: mailOutbox.id });
  return done.length > 0;
}

/** Puts a claimed mail back to wait until `nextAttemptAt`, keeping the error. */
export async function markMailForRetry(
  db: LoupeDatabase,
  mail: Pick<OutboxMail, 'id' | 'attempts'>,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await db.update(mailOutbox).set({ status: 'pending', lastError: error, nextAttemptAt }).where(stillClaimed(mail));
}

/** Gives up on a claimed mail, keeping the error. */
export async function markMailFailed(
  db: LoupeDatabase,
  mail: Pick<OutboxMail, 'id' | 'attempts'>,
  error: string,
): Promise<void> {
  await db.update(mailOutbox).set({ status: 'failed', lastError: error }).where(stillClaimed(mail));
}

/** Which mails a mailbox lists: a shop's (or every shop's), a case's, at most `limit`. */
export type MailboxQuery = { shopId?: string | undefined; caseId?: string | undefined; limit: number };

/** The outbox as a mailbox: the latest mail first. */
export function listMailbox(db: LoupeDatabase, q: MailboxQuery): Promise<OutboxMail[]> {
  const conditions: (SQL | undefined)[] = [];
  if (q.shopId) conditions.push(eq(mailOutbox.shopId, q.shopId));
  if (q.caseId) conditions.push(eq(mailOutbox.caseId, q.caseId));
  return db
    .select()
    .from(mailOutbox)
    .where(and(...conditions))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.seq))
    .limit(q.limit);
}
