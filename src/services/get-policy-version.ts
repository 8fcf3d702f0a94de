import { DomainError } from '../domain/errors.ts';
import { transaction } from '../storage/database.ts';
import { findPolicyVersionByName, storedPolicyVersion } from '../storage/repositories/policy-versions.ts';
import { assertStaffOf } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { listPolicyVersions, type PolicyVersionView } from './list-policy-versions.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** A version of a shop's policy with the YAML it was published as: what the policy editor starts from. */
export type PolicyVersionSource = PolicyVersionView & { yaml: string };

/** One version of a shop's policy by its name, with its YAML source. Staff of the shop. */
export async function getPolicyVersion(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  version: string,
): Promise<PolicyVersionSource> {
  assertStaffOf(actor, shopId);
  const views = await listPolicyVersions(ctx, actor, shopId);
  const view = views.find((v) => v.version === version);
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, shopId);
    const summary = view && (await findPolicyVersionByName(tx, shopId, version));
    const row = summary && (await storedPolicyVersion(tx, summary.id));
    if (!view || !row) {
      throw new DomainError('NOT_FOUND', `version: ${shopId} has no policy version "${version}"`, [
        { code: 'not_found', path: ['version'], message: 'no such version' },
      ]);
    }
    return { ...view, yaml: row.sourceYaml };
  });
}
