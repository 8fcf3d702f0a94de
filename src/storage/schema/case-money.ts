import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

/**
 * What a case's decision allows to be refunded, and how much has been. The
 * CHECK, not only code, makes refunding more than the decision allows
 * impossible: concurrent `refunded_cents = refunded_cents + x` updates queue
 * on the row lock and each is checked against the committed total.
 */
export const caseMoney = pgTable(
  'case_money',
  {
    caseId: text('case_id')
      .primaryKey()
      .references(() => cases.id),
    currency: text('currency').notNull(),
    refundableCents: integer('refundable_cents').notNull(),
    refundedCents: integer('refunded_cents').notNull().default(0),
  },
  (t) => [
    check('case_money_refundable_not_negative', sql`${t.refundableCents} >= 0`),
    check(
      'case_money_refunded_within_refundable',
      sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.refundableCents}`,
    ),
  ],
);
