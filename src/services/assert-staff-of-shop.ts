import { assertStaffOf, type StaffActor } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/**
 * Refuses, as the shop's own use case would, an actor who is not its staff in
 * one of `roles` (FORBIDDEN) and a shop that does not exist (UNKNOWN_SHOP).
 * A creating POST under an `Idempotency-Key` checks this before the key is
 * looked at: a stored answer is replayed only to someone who may have asked,
 * and a key is only ever claimed for a shop that exists.
 */
export async function assertStaffOfShop(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  roles?: readonly StaffActor['role'][],
): Promise<void> {
  assertStaffOf(actor, shopId, roles);
  await findShopOrThrow(ctx.db, shopId);
}
