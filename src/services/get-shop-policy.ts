import { DomainError } from '../domain/errors.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import { transaction } from '../storage/database.ts';
import {
  findPolicyVersion,
  findPolicyVersionByName,
  listPolicyVersions,
  policyVersionInForce,
} from '../storage/repositories/policy-versions.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import type { ServiceContext } from './service-context.ts';

/** A stored version of a shop's policy as its page shows it: the version's name, when it takes effect, the policy. */
export type ShopPolicy = { version: string; effectiveFrom: Date; policy: Policy };

/**
 * The shop's policy in force now (the one new orders fall under), or the
 * version named by `version`, in force or not. No sign-in: it is the shop's
 * public page. UNKNOWN_SHOP names `id`; an unknown version is NOT_FOUND naming
 * `version`, with the versions the shop has.
 */
export async function getShopPolicy(ctx: ServiceContext, shopId: string, version?: string): Promise<ShopPolicy> {
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, shopId);
    const named = version === undefined ? undefined : await findPolicyVersionByName(tx, shopId, version);
    if (version !== undefined && !named) {
      const known = (await listPolicyVersions(tx, shopId)).map((v) => v.version).join(', ');
      throw new DomainError(
        'NOT_FOUND',
        `version: shop "${shopId}" has no policy version "${version}" (known: ${known})`,
        [{ code: 'unknown_version', path: ['version'], message: `known versions: ${known}` }],
      );
    }
    const row = named ? await findPolicyVersion(tx, named.id) : await policyVersionInForce(tx, shopId, now);
    if (!row)
      throw new DomainError('NOT_FOUND', `id: shop "${shopId}" has no policy version yet`, [
        { code: 'no_policy_version', path: ['id'], message: 'no policy version' },
      ]);
    return { version: row.version, effectiveFrom: row.effectiveFrom, policy: row.policy };
  });
}
