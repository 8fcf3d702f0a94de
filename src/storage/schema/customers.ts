import { sql } from 'drizzle-orm';
import { check, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { shops } from './shops.ts';

/** A shop's customer, known by a lower-cased email address. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    email: text('email').notNull(),
    name: text('name'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    unique('customers_shop_email_unique').on(t.shopId, t.email),
    check('customers_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
);
