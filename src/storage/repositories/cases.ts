import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import type { CaseType } from '../schema/cases.ts';
import { cases, orders } from '../schema/index.ts';

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

/** The case with this id. */
export async function findCase(db: LoupeDatabase, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/** The next case number: from a sequence, so no opening waits for another. */
export async function nextCaseNumber(db: LoupeDatabase): Promise<number> {
  const { rows } = await db.execute<{ next: number | string }>(sql`select nextval('case_number_seq') as next`);
  return Number(rows[0]?.next);
}

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
