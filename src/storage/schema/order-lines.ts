import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { Category } from '../../domain/contract/case.schema.ts';
import { timestamptz } from './columns.ts';
import { orders } from './orders.ts';

/** One line of an order, keyed by the line id the contract uses in requests. */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineId: text('line_id').notNull(),
    sku: text('sku'),
    title: text('title'),
    category: text('category').$type<Category>().notNull(),
    fulfillment: text('fulfillment').$type<'ready_to_ship' | 'made_to_order'>().notNull().default('ready_to_ship'),
    personalized: boolean('personalized').notNull().default(false),
    finalSale: boolean('final_sale').notNull().default(false),
    onSale: boolean('on_sale').notNull().default(false),
    unitPriceCents: integer('unit_price_cents').notNull(),
    quantity: integer('quantity').notNull(),
    discountCents: integer('discount_cents').notNull().default(0),
    previousRemakeOrReplacement: boolean('previous_remake_or_replacement').notNull().default(false),
    shippedAt: timestamptz('shipped_at'),
    deliveredAt: timestamptz('delivered_at'),
    material: text('material'),
    tags: jsonb('tags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ name: 'order_lines_pk', columns: [t.orderId, t.lineId] }),
    check('order_lines_unit_price_not_negative', sql`${t.unitPriceCents} >= 0`),
    check('order_lines_quantity_positive', sql`${t.quantity} >= 1`),
    check('order_lines_discount_not_negative', sql`${t.discountCents} >= 0`),
  ],
);
