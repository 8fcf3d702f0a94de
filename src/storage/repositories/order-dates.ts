import { and, eq } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { orders } from '../schema/index.ts';

/** The dates of an order that come from the desk or the carrier, not from the shop's platform. */
export type OrderDatesOnFile = { productionStartedAt: Date | null; deliveredAt: Date | null };

/** When the shop's order of this number started production and was delivered, as on file; undefined for a new number. */
export async function findOrderDates(
  db: LoupeDatabase,
  shopId: string,
  number: string,
): Promise<OrderDatesOnFile | undefined> {
  const [row] = await db
    .select({ productionStartedAt: orders.productionStartedAt, deliveredAt: orders.deliveredAt })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.number, number)));
  return row;
}
