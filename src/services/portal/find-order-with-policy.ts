import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { findOrderToDecide, type StoredOrder } from '../../storage/repositories/orders.ts';
import { policyVersionInForce, storedPolicyVersion } from '../../storage/repositories/policy-versions.ts';
import { orderNotFound } from '../find-order-or-throw.ts';
import { findShopOrThrow } from '../find-shop-or-throw.ts';

/**
 * A shop's order and the policy it is decided under: the version in force when
 * it was placed, as opening a case finds it (services/open-case.ts).
 */
export async function findOrderWithPolicy(
  db: LoupeDatabase,
  shopId: string,
  number: string,
): Promise<{ stored: StoredOrder; policy: Policy }> {
  const found = await findOrderToDecide(db, shopId, number);
  if (!found) {
    await findShopOrThrow(db, shopId);
    throw orderNotFound(shopId, number, 'number');
  }
  const version = found.policyVersionId
    ? await storedPolicyVersion(db, found.policyVersionId)
    : await policyVersionInForce(db, shopId, new Date(found.order.order.placedAt));
  if (!version) throw new Error(`shop ${shopId} has no policy version`);
  return { stored: found.order, policy: version.policy };
}
