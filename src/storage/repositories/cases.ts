import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { LoupeDatabase } from '../database.ts';
import type { CaseType } from '../schema/cases.ts';
import { auditLog, caseMoney, cases, mailOutbox, mailThreads, messages, orders } from '../schema/index.ts';
import { insertRows, insertValues, Statement } from '../statements.ts';
import type { AuditEntry } from './audit-log.ts';
import type { CaseMoneyRow } from './case-money.ts';
import type { MailToEnqueue } from './mail-outbox.ts';
import type { MailThread } from './mail-threads.ts';
import type { MessageRow } from './messages.ts';

/** A case as stored. */
export type CaseRow = typeof cases.$inferSelect;
/** What a transition may change on a case besides its state (the revision and time are set here). */
export type CasePatch = Partial<
  Omit<CaseRow, 'id' | 'shopId' | 'orderId' | 'number' | 'type' | 'createdAt' | 'updatedAt' | 'revision'>
>;

/** Stores a new case. */
export async function insertCase(db: LoupeDatabase, row: CaseRow): Promise<void> {
  await db.insert(cases).values(row);
}

/** What opening a case stores: the case (numbered here), what its decision allows back, its audit entries, its first message. */
export type NewCase = {
  row: CaseRow;
  money: Pick<CaseMoneyRow, 'caseId' | 'currency' | 'refundableCents'> | undefined;
  audit: AuditEntry[];
  message: MessageRow | undefined;
  /** The mails it sends and the thread they start (see services/mail), stored with it: a transactional outbox. */
  mail?: { thread: MailThread; mails: MailToEnqueue[] } | undefined;
};

/**
 * Stores a new case (numbered by `nextCaseNumber`) with its money, audit
 * entries, first message and mails as one statement (data-modifying CTEs):
 * one round trip however many rows, all of them or none, and no query built
 * per case (a prepared statement for each shape).
 */
export async function insertNewCase(db: LoupeDatabase, c: NewCase): Promise<void> {
  const shape = {
    money: c.money !== undefined,
    audits: c.audit.length,
    message: c.message !== undefined,
    mails: c.mail?.mails.length ?? 0,
  };
  const values = insertValues(cases, 'c', [c.row]);
  if (c.money) insertValues(caseMoney, 'm', [c.money], values);
  insertValues(auditLog, 'a', c.audit, values);
  if (c.message) insertValues(messages, 't', [c.message], values);
  if (c.mail) {
    insertValues(mailThreads, 'h', [c.mail.thread], values);
    insertValues(
      mailOutbox,
      'o',
      c.mail.mails.map((m) => ({ ...m, nextAttemptAt: m.createdAt })),
      values,
    );
  }
  await newCaseStatement(shape).rows(db, values);
}

type NewCaseShape = { money: boolean; audits: number; message: boolean; mails: number };
const newCaseStatements = new Map<string, Statement<{ id: string }>>();

function newCaseStatement(shape: NewCaseShape): Statement<{ id: string }> {
  const name = `loupe_new_case_${shape.money ? 'm' : ''}a${shape.audits}${shape.message ? 't' : ''}o${shape.mails}`;
  let statement = newCaseStatements.get(name);
  if (!statement) {
    statement = new Statement(name, () => {
      const parts = [sql`c as (${insertRows(cases, 'c', 1)} returning ${sql.identifier(cases.id.name)})`];
      if (shape.money) parts.push(sql`m as (${insertRows(caseMoney, 'm', 1, { refundedCents: sql`default` })})`);
      if (shape.audits > 0) parts.push(sql`a as (${insertRows(auditLog, 'a', shape.audits, { id: sql`default` })})`);
      if (shape.message) parts.push(sql`t as (${insertRows(messages, 't', 1)})`);
      if (shape.mails > 0) {
        parts.push(sql`h as (${insertRows(mailThreads, 'h', 1)})`);
        // What the outbox sets itself: its order, and the state of a mail not yet sent.
        const unsent = sql`default`;
        parts.push(
          sql`o as (${insertRows(mailOutbox, 'o', shape.mails, {
            seq: unsent,
            status: unsent,
            attempts: unsent,
            lastError: unsent,
            sentAt: unsent,
            messageId: unsent,
            deliveredVia: unsent,
          })})`,
        );
      }
      return sql`with ${sql.join(parts, sql`, `)} select id from c`;
    });
    newCaseStatements.set(name, statement);
  }
  return statement;
}

/** The case with this id. */
export async function findCase(db: LoupeDatabase, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/** The next case number: from a sequence, so no opening waits for another. */
export async function nextCaseNumber(db: LoupeDatabase): Promise<number> {
  // In a transaction, one number: a block drawn there would be thrown away with it.
  if (isTransaction(db)) return Number((await drawCaseNumbers.rows(db, { count: 1 }))[0]?.next);
  let block = caseNumberBlocks.get(db);
  if (!block) {
    block = { numbers: [], drawing: undefined };
    caseNumberBlocks.set(db, block);
  }
  for (;;) {
    const next = block.numbers.shift();
    if (next !== undefined) return next;
    const b = block;
    b.drawing ??= drawCaseNumbers
      .rows(db, { count: CASE_NUMBER_BLOCK })
      .then((rows) => {
        b.numbers.push(...rows.map((r) => Number(r.next)));
      })
      .finally(() => {
        b.drawing = undefined;
      });
    await b.drawing;
  }
}

// A plain boolean, so the handle keeps its own type where it is asked.
const isTransaction = (db: LoupeDatabase): boolean => db instanceof PgTransaction;

/**
 * Numbers are drawn from the sequence twenty at a time per database handle,
 * one round trip for twenty cases (what a sequence's own CACHE does per
 * connection). Numbers stay unique; across server processes they are not in
 * strict order of opening, and a stopped process leaves a gap, as a rolled
 * back opening always could.
 */
const CASE_NUMBER_BLOCK = 20;
const caseNumberBlocks = new WeakMap<LoupeDatabase, { numbers: number[]; drawing: Promise<void> | undefined }>();
const drawCaseNumbers = new Statement<{ next: number | string }>(
  'loupe_draw_case_numbers',
  () => sql`select nextval('case_number_seq') as next from generate_series(1, ${sql.placeholder('count')}::integer)`,
);

/**
 * Changes a case only if it is still at the revision the caller saw, and
 * moves it to the next revision: optimistic concurrency. Answers false (and
 * changes nothing) when someone else changed it first. On PostgreSQL a second
 * writer waits for the first's row lock, then finds the revision moved on.
 */
export async function updateCaseAtRevision(
  db: LoupeDatabase,
  id: string,
  revision: number,
  patch: CasePatch,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(cases)
    .set({ ...patch, updatedAt: at, revision: sql`${cases.revision} + 1` })
    .where(and(eq(cases.id, id), eq(cases.revision, revision)))
    .returning({ id: cases.id });
  return updated.length > 0;
}

/** An order's cases, the latest first. */
export function listCasesOfOrder(db: LoupeDatabase, orderId: string): Promise<CaseRow[]> {
  return db.select().from(cases).where(eq(cases.orderId, orderId)).orderBy(desc(cases.number));
}

/** A shop's cases with a request (not inquiries) that are not in one of `closedStates`, oldest first. */
export function listOpenRequests(
  db: LoupeDatabase,
  shopId: string,
  closedStates: readonly string[],
): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.shopId, shopId),
        notInArray(cases.state, [...closedStates]),
        isNotNull(cases.request),
        isNotNull(cases.orderId),
      ),
    )
    .orderBy(asc(cases.number));
}

/**
 * Which deadline is due in which states: the shop's reply (or its resolution
 * deadline when one is set), the customer's ship-back, the shop's resolution.
 */
export type DueRules = { respond: readonly string[]; shipBack: readonly string[]; resolve: readonly string[] };

/** What the inbox asks for: the shop, the due rules, filters and a page. */
export type InboxQuery = {
  shopId: string;
  due: DueRules;
  states: readonly string[];
  type?: CaseType | undefined;
  overdueAt?: Date | undefined;
  limit: number;
};

/** A case in the inbox with the deadline due now and the number of its order. */
export type InboxRow = CaseRow & { dueAt: Date | null; orderNumber: string | null };

/**
 * A shop's cases in the given states, the one whose deadline comes first at
 * the top (cases with nothing due last, then the oldest first). The deadline
 * due depends on the state; `overdueAt` keeps only cases due before it.
 */
export async function listInbox(db: LoupeDatabase, q: InboxQuery): Promise<InboxRow[]> {
  const list = (states: readonly string[]) =>
    sql.join(states.length ? states.map((s) => sql`${s}`) : [sql`null`], sql`, `);
  const dueAt: SQL<Date | null> = sql`case
    when ${cases.state} in (${list(q.due.respond)}) then coalesce(${cases.resolutionBy}, ${cases.respondsBy})
    when ${cases.state} in (${list(q.due.shipBack)}) then ${cases.shipBy}
    when ${cases.state} in (${list(q.due.resolve)}) then ${cases.resolutionBy}
  end`;
  const conditions: (SQL | undefined)[] = [eq(cases.shopId, q.shopId), inArray(cases.state, [...q.states])];
  if (q.type) conditions.push(eq(cases.type, q.type));
  if (q.overdueAt) conditions.push(lt(dueAt, q.overdueAt));
  const rows = await db
    .select({ case: cases, dueAt: sql<Date | string | null>`${dueAt}`, orderNumber: orders.number })
    .from(cases)
    .leftJoin(orders, eq(orders.id, cases.orderId))
    .where(and(...conditions))
    .orderBy(sql`${dueAt} asc nulls last`, asc(cases.createdAt), asc(cases.number))
    .limit(q.limit);
  return rows.map((r) => ({
    ...r.case,
    dueAt: r.dueAt === null ? null : new Date(r.dueAt),
    orderNumber: r.orderNumber,
  }));
}

/** Cases whose return was authorized and not sent by the ship-by date, before `at`. */
export function listOverdueReturns(db: LoupeDatabase, at: Date): Promise<Pick<CaseRow, 'id' | 'revision'>[]> {
  return db
    .select({ id: cases.id, revision: cases.revision })
    .from(cases)
    .where(and(eq(cases.state, 'awaiting_return'), lt(cases.shipBy, at)))
    .orderBy(asc(cases.shipBy));
}
