import { type DeliveryEstimate, estimateDelivery } from '../domain/calendar/delivery-estimate.ts';
import type { Order } from '../domain/contract/case.schema.ts';
import type { Profile } from '../domain/policy/policy.schema.ts';
import { transaction } from '../storage/database.ts';
import { policyVersionInForce } from '../storage/repositories/policy-versions.ts';
import { assertMayAccessOrder } from './assert-access.ts';
import { findOrderOrThrow } from './find-order-or-throw.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** An order's delivery estimate from a shop's profile: domestic when it goes to the shop's own country. */
export function deliveryEstimateOf(profile: Profile, order: Order): DeliveryEstimate {
  return estimateDelivery(profile, {
    placedAt: order.placedAt,
    destination: order.destinationCountry === profile.country ? 'domestic' : 'international',
    lines: order.lines.map((l) => ({ fulfillment: l.fulfillment, shippedAt: l.shippedAt ?? null })),
    shippedAt: order.shippedAt ?? null,
  });
}

/**
 * "When will my order arrive?": when an order ships and arrives, as date
 * ranges in the shop's time zone, from the profile of the policy in force
 * when it was placed (processing, ship days, transit), each sentence cited.
 */
export async function estimateOrderDelivery(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  orderNumber: string,
): Promise<DeliveryEstimate> {
  return transaction(ctx.db, async (tx) => {
    const order = await findOrderOrThrow(tx, shopId, orderNumber);
    assertMayAccessOrder(actor, { shopId, orderId: order.id });
    const version = await policyVersionInForce(tx, shopId, new Date(order.order.placedAt));
    if (!version) throw new Error(`shop ${shopId} has no policy version`);
    return deliveryEstimateOf(version.policy.profile, order.order);
  });
}
