import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../domain/errors.ts';
import { parsePolicy } from '../domain/policy/parse-policy.ts';
import { BUNDLED_POLICIES_DIR } from '../policies/load-policy-file.ts';
import { transaction } from '../storage/database.ts';
import { appendAudit } from '../storage/repositories/audit-log.ts';
import { insertPolicyVersionIfNew } from '../storage/repositories/policy-versions.ts';
import { insertShopIfMissing } from '../storage/repositories/shops.ts';
import { describeActor, LOUPE, type ServiceContext } from './service-context.ts';

/** What syncing did for one shop: whether the shop and its file's version were new. */
export type SyncedShop = { shop: string; version: string; shopAdded: boolean; versionAdded: boolean };

/**
 * Brings the bundled policy files into the database: a shop it does not know
 * is added, and a file version it has not stored becomes a new version in
 * force from now. Running it again changes nothing. One transaction.
 */
export async function syncBundledPolicies(ctx: ServiceContext, dir = BUNDLED_POLICIES_DIR): Promise<SyncedShop[]> {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort();
  const sources = files.map((name) => {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const parsed = parsePolicy(text);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw new DomainError('INVALID_POLICY', `${file}:${first?.line ?? 0}: ${first?.message}`, parsed.issues);
    }
    return { text, policy: parsed.value };
  });
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    const synced: SyncedShop[] = [];
    for (const { text, policy } of sources) {
      const shopAdded = await insertShopIfMissing(tx, { id: policy.id, name: policy.name, createdAt: now });
      const id = ctx.newId();
      const versionAdded = await insertPolicyVersionIfNew(tx, {
        id,
        shopId: policy.id,
        version: policy.version,
        sourceYaml: text,
        policy,
        effectiveFrom: now,
        createdAt: now,
      });
      if (versionAdded) {
        await appendAudit(tx, [
          {
            shopId: policy.id,
            caseId: null,
            actor: describeActor(LOUPE),
            action: 'publish_policy_version',
            policyVersionId: id,
            detail: { version: policy.version, source: 'bundled' },
            at: now,
          },
        ]);
      }
      synced.push({ shop: policy.id, version: policy.version, shopAdded, versionAdded });
    }
    return synced;
  });
}
