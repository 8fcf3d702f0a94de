import { eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { caseMoney, cases, orders } from '../schema/index.ts';

/** The CHECK that keeps what a case has refunded within what its decision allows. */
export const REFUND_CAP_CONSTRAINT = 'case_money_refunded_within_refundable';

/** What a case's decision allows to be refunded and how much has been, in integer cents of `currency`. */
export type CaseMoney = { currency: string; refundableCents: number; refundedCents: number };

/** A case as money sees it: its shop, the policy version it was decided under, how it was paid, and its money row if it has one. */
export type MoneyCase = {
  caseId: string;
  shopId: string;
  policyVersionId: string | null;
  paymentMethod: string | null;
  orderCurrency: string | null;
  /** The remedies the policy's decision offers; null when there is none or staff have decided instead. */
  resolutions: string[] | null;
  money: CaseMoney | null;
};

/** The case with its order's payment method and its `case_money` row; undefined when there is no such case. */
export async function findMoneyCase(db: LoupeDatabase, caseId: string): Promise<MoneyCase | undefined> {
  const [row] = await db
    .select({
      caseId: cases.id,
      shopId: cases.shopId,
      policyVersionId: cases.policyVersionId,
      paymentMethod: orders.paymentMethod,
      orderCurrency: orders.currency,
      decision: cases.decision,
      outcome: cases.outcome,
      currency: caseMoney.currency,
      refundableCents: caseMoney.refundableCents,
      refundedCents: caseMoney.refundedCents,
    })
    .from(cases)
    .leftJoin(orders, eq(orders.id, cases.orderId))
    .leftJoin(caseMoney, eq(caseMoney.caseId, cases.id))
    .where(eq(cases.id, caseId));
  if (!row) return undefined;
  const { currency, refundableCents, refundedCents, decision, outcome, ...rest } = row;
  // Staff who decide what the policy left to them (a review, an override) choose the remedy themselves.
  const byPolicy = decision !== null && outcome === decision.outcome;
  const money = currency !== null && refundableCents !== null && refundedCents !== null;
  return {
    ...rest,
    resolutions: byPolicy ? [...decision.resolutions] : null,
    money: money ? { currency, refundableCents, refundedCents } : null,
  };
}

/** The case's money row as committed now; undefined when the case has none. */
export async function findCaseMoney(db: LoupeDatabase, caseId: string): Promise<CaseMoney | undefined> {
  const [row] = await db
    .select({
      currency: caseMoney.currency,
      refundableCents: caseMoney.refundableCents,
      refundedCents: caseMoney.refundedCents,
    })
    .from(caseMoney)
    .where(eq(caseMoney.caseId, caseId));
  return row;
}

/**
 * Adds `amountCents` to what the case has refunded, in one statement, so the
 * database checks the new total against the cap (`REFUND_CAP_CONSTRAINT`)
 * after any concurrent refund committed: the update waits for the row lock
 * and re-reads the row. Answers the row after the update; undefined when the
 * case has no money row.
 */
export async function addToRefunded(
  db: LoupeDatabase,
  caseId: string,
  amountCents: number,
): Promise<CaseMoney | undefined> {
  const [row] = await db
    .update(caseMoney)
    .set({ refundedCents: sql`${caseMoney.refundedCents} + ${amountCents}` })
    .where(eq(caseMoney.caseId, caseId))
    .returning({
      currency: caseMoney.currency,
      refundableCents: caseMoney.refundableCents,
      refundedCents: caseMoney.refundedCents,
    });
  return row;
}
