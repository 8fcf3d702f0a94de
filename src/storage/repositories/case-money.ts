import { eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { caseMoney } from '../schema/index.ts';

/** What a case's decision allows to be refunded and what has been, in cents. */
export type CaseMoneyRow = typeof caseMoney.$inferSelect;

/** Records what a new case's decision allows. */
export async function insertCaseMoney(
  db: LoupeDatabase,
  row: Pick<CaseMoneyRow, 'caseId' | 'currency' | 'refundableCents'>,
): Promise<void> {
  await db.insert(caseMoney).values(row);
}

/** A case's money row. */
export async function findCaseMoney(db: LoupeDatabase, caseId: string): Promise<CaseMoneyRow | undefined> {
  const [row] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, caseId));
  return row;
}

/**
 * Lowers what a case may refund (inspection found less than was granted),
 * never below what has been refunded already; never raises it. One statement,
 * so a refund booked at the same moment is counted.
 */
export async function lowerRefundable(db: LoupeDatabase, caseId: string, cents: number): Promise<void> {
  await db
    .update(caseMoney)
    .set({
      refundableCents: sql`greatest(${caseMoney.refundedCents}, least(${caseMoney.refundableCents}, ${cents}::integer))`,
    })
    .where(eq(caseMoney.caseId, caseId));
}

/**
 * Sets what a case may refund after staff changed its outcome (a review, an
 * override), never below what has been refunded already.
 */
export async function setRefundable(db: LoupeDatabase, caseId: string, cents: number): Promise<void> {
  await db
    .update(caseMoney)
    .set({ refundableCents: sql`greatest(${caseMoney.refundedCents}, ${cents}::integer)` })
    .where(eq(caseMoney.caseId, caseId));
}
