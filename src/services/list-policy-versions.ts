import { transaction } from '../storage/database.ts';
import { listPolicyVersions as readVersions } from '../storage/repositories/policy-versions.ts';
import { assertStaffOf } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** A version of a shop's policy as listed: its name and when it takes or took effect. */
export type PolicyVersionView = {
  id: string;
  shop: string;
  version: string;
  effectiveFrom: string;
  createdAt: string;
  inForce: boolean;
};

/** A shop's policy versions, the latest to take effect first, the one in force now marked. Staff of the shop. */
export async function listPolicyVersions(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
): Promise<PolicyVersionView[]> {
  assertStaffOf(actor, shopId);
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, shopId);
    const versions = await readVersions(tx, shopId);
    const inForce = versions.find((v) => v.effectiveFrom.getTime() <= now.getTime()) ?? versions.at(-1);
    return versions.map((v) => ({
      id: v.id,
      shop: v.shopId,
      version: v.version,
      effectiveFrom: v.effectiveFrom.toISOString(),
      createdAt: v.createdAt.toISOString(),
      inForce: v === inForce,
    }));
  });
}
