import type { Order, Request } from '../domain/contract/case.schema.ts';
import type { Decision } from '../domain/contract/decision.schema.ts';

/**
 * What a decision allows back in money or credit: the goods, the shipping
 * given back, less the restocking fee; never below zero.
 */
export function refundableCents(decision: Decision): number {
  const { itemsRefundable, shippingRefundable, restockingFee } = decision.money;
  return Math.max(0, itemsRefundable + shippingRefundable - restockingFee);
}

/**
 * What the customer paid for the units a request is about (a line's own
 * quantity when the request names one, its discount shared per unit): the
 * ceiling staff may grant when they decide what the policy left to them.
 */
export function requestedValueCents(order: Order, request: Request): number {
  const quantities = new Map((request.lineDetails ?? []).map((d) => [d.id, d.quantity]));
  let total = 0;
  for (const id of request.lines) {
    const line = order.lines.find((l) => l.id === id);
    if (!line) continue;
    const units = Math.min(line.quantity, quantities.get(id) ?? line.quantity);
    const discount = Math.round(((line.discount ?? 0) * units) / line.quantity);
    total += Math.max(0, line.unitPrice * units - discount);
  }
  return total;
}

/**
 * What is left of what the customer paid for an order (its lines less their
 * discounts, and shipping) once the shop's refunds outside Loupe are taken
 * off; nothing for an order cancelled there, whose money the platform settled.
 * A case's refundable amount is capped by it, so the order's money is not given back twice.
 */
export function leftToRefundCents(
  order: Order,
  outside: { refundedOutsideCents: number; cancelledAt: Date | null },
): number {
  if (outside.cancelledAt !== null) return 0;
  let paid = order.shippingPaid ?? 0;
  for (const line of order.lines) paid += Math.max(0, line.unitPrice * line.quantity - (line.discount ?? 0));
  return Math.max(0, paid - outside.refundedOutsideCents);
}
