import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { Order, PaymentMethod } from '../../domain/contract/case.schema.ts';
import { cases } from './cases.ts';
import { oneOf, timestamptz } from './columns.ts';
import { customers } from './customers.ts';
import { shops } from './shops.ts';

/** Where an order came from: the shop's sale, or a case's remake, replacement, exchange or reship. */
export const ORDER_KINDS = ['original', 'remake', 'replacement', 'exchange', 'reship'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/**
 * An order, with the contract's order facts. A remake, replacement, exchange or
 * reship is an order of its own, made by a case (`origin_case_id`), so the next
 * request about it sees what it is.
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    number: text('number').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    placedAt: timestamptz('placed_at').notNull(),
    currency: text('currency').notNull(),
    destinationCountry: text('destination_country').notNull(),
    paymentMethod: text('payment_method').$type<PaymentMethod>(),
    discountCodes: jsonb('discount_codes')
      .$type<NonNullable<Order['discountCodes']>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    shippingPaidCents: integer('shipping_paid_cents').notNull().default(0),
    productionStartedAt: timestamptz('production_started_at'),
    shippedAt: timestamptz('shipped_at'),
    deliveredAt: timestamptz('delivered_at'),
    carrier: jsonb('carrier').$type<NonNullable<Order['carrier']>>(),
    kind: text('kind', { enum: ORDER_KINDS }).notNull().default('original'),
    originCaseId: text('origin_case_id').references((): AnyPgColumn => cases.id),
    /** What the shop already refunded outside Loupe (in Shopify), in minor units: a case may refund only what is left. */
    refundedOutsideCents: integer('refunded_outside_cents').notNull().default(0),
    /** When the order was cancelled in Shopify; null while it stands. */
    cancelledAt: timestamptz('cancelled_at'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    unique('orders_shop_number_unique').on(t.shopId, t.number),
    index('orders_customer_idx').on(t.customerId),
    check('orders_kind_known', oneOf(t.kind, ORDER_KINDS)),
    check('orders_origin_case_for_follow_ups', sql`(${t.kind} = 'original') = (${t.originCaseId} is null)`),
    check('orders_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('orders_destination_country_code', sql`${t.destinationCountry} ~ '^[A-Z]{2}$'`),
    check('orders_shipping_paid_not_negative', sql`${t.shippingPaidCents} >= 0`),
    check('orders_refunded_outside_not_negative', sql`${t.refundedOutsideCents} >= 0`),
  ],
);
