import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { oneOf, timestamptz } from './columns.ts';
import { shops } from './shops.ts';

/** Kinds of money movement; the kind says the direction, the amount is always positive. */
export const LEDGER_KINDS = [
  'refund',
  'partial_refund',
  'store_credit',
  'restocking_fee',
  'charge',
  'gift_card_spend',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The money ledger: append-only, one row per movement. An idempotency key is
 * unique per shop, so a retried refund cannot be booked twice.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    caseId: text('case_id').references(() => cases.id),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    method: text('method'),
    reference: text('reference'),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('ledger_entries_case_idx').on(t.caseId),
    unique('ledger_entries_shop_idempotency_key_unique').on(t.shopId, t.idempotencyKey),
    check('ledger_entries_kind_known', oneOf(t.kind, LEDGER_KINDS)),
    check('ledger_entries_amount_positive', sql`${t.amountCents} > 0`),
  ],
);
