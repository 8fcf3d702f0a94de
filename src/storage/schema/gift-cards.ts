import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { timestamptz } from './columns.ts';
import { shops } from './shops.ts';

/**
 * Store credit as a gift-card code (random, unguessable: the code is the key).
 * The CHECK keeps the balance between zero and what was issued, so spending it
 * down concurrently can never go below zero.
 */
export const giftCards = pgTable(
  'gift_cards',
  {
    code: text('code').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    caseId: text('case_id').references(() => cases.id),
    currency: text('currency').notNull(),
    initialCents: integer('initial_cents').notNull(),
    balanceCents: integer('balance_cents').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('gift_cards_case_idx').on(t.caseId),
    check('gift_cards_initial_positive', sql`${t.initialCents} > 0`),
    check('gift_cards_balance_within_initial', sql`${t.balanceCents} >= 0 and ${t.balanceCents} <= ${t.initialCents}`),
  ],
);
