import type { Category } from '../../domain/contract/case.schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { transaction } from '../../storage/database.ts';
import { findOrderById } from '../../storage/repositories/orders.ts';
import type { Actor, ServiceContext } from '../service-context.ts';

/** One of a signed-in customer's orders, as their list shows it. */
export type CustomerOrder = {
  shop: string;
  number: string;
  placedAt: string;
  currency: string;
  totalCents: number;
  delivered: boolean;
  lines: { id: string; title: string | null; category: Category; quantity: number }[];
};

/**
 * The orders a customer's session covers (one looked up, or all of their
 * orders with the shop after an emailed link), newest first. Customers only:
 * staff have no orders of their own.
 */
export async function listCustomerOrders(ctx: ServiceContext, actor: Actor): Promise<CustomerOrder[]> {
  if (actor.role !== 'customer') {
    throw new DomainError('FORBIDDEN', 'customers only: staff find orders through the desk');
  }
  return transaction(ctx.db, async (tx) => {
    const found: CustomerOrder[] = [];
    for (const id of actor.orderIds) {
      const stored = await findOrderById(tx, id);
      if (!stored || stored.shopId !== actor.shopId) continue;
      const { order } = stored;
      const items = order.lines.reduce((sum, l) => sum + Math.max(0, l.unitPrice * l.quantity - (l.discount ?? 0)), 0);
      found.push({
        shop: stored.shopId,
        number: order.number,
        placedAt: order.placedAt,
        currency: order.currency,
        totalCents: items + (order.shippingPaid ?? 0),
        delivered: Boolean(order.deliveredAt) || order.lines.some((l) => l.deliveredAt),
        lines: order.lines.map((l) => ({
          id: l.id,
          title: l.title ?? null,
          category: l.category,
          quantity: l.quantity,
        })),
      });
    }
    return found.sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt));
  });
}
