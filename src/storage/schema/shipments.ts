import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { oneOf, timestamptz } from './columns.ts';
import { orders } from './orders.ts';

/** Outbound: the shop to the customer; return: the customer back to the shop. */
export const SHIPMENT_DIRECTIONS = ['outbound', 'return'] as const;
export type ShipmentDirection = (typeof SHIPMENT_DIRECTIONS)[number];

/**
 * A parcel of an order, either way, with the delivery estimate given for it
 * (a date range). A return parcel also names the case it answers.
 */
export const shipments = pgTable(
  'shipments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    caseId: text('case_id').references(() => cases.id),
    direction: text('direction', { enum: SHIPMENT_DIRECTIONS }).notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** The tracking page the shop's platform gave (Shopify's `tracking_urls`); else the view recognises the carrier's. */
    trackingUrl: text('tracking_url'),
    status: text('status').notNull(),
    estimatedFrom: timestamptz('estimated_from'),
    estimatedTo: timestamptz('estimated_to'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('shipments_order_idx').on(t.orderId),
    index('shipments_case_idx').on(t.caseId),
    check('shipments_direction_known', oneOf(t.direction, SHIPMENT_DIRECTIONS)),
    check('shipments_estimate_in_order', sql`${t.estimatedFrom} <= ${t.estimatedTo}`),
  ],
);
