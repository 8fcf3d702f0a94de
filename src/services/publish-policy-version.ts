import { DomainError } from '../domain/errors.ts';
import { type LintFinding, lintPolicy } from '../domain/policy/lint-policy.ts';
import { transaction } from '../storage/database.ts';
import { violatesConstraint } from '../storage/database-error.ts';
import { appendAudit } from '../storage/repositories/audit-log.ts';
import { findPolicyVersionByName, insertPolicyVersion } from '../storage/repositories/policy-versions.ts';
import { assertStaffOf } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import type { PolicyVersionView } from './list-policy-versions.ts';
import { readPolicyDraft } from './read-policy-draft.ts';
import { type Actor, describeActor, type ServiceContext } from './service-context.ts';

/** A new version of a shop's policy: its YAML, and when it takes effect (default: now; never in the past). */
export type PublishPolicyVersionInput = { shopId: string; yaml: string; effectiveFrom?: Date | undefined };

/** A published version, with the lint warnings it was published with. */
export type PublishedPolicyVersion = PolicyVersionView & { warnings: LintFinding[] };

const conflict = (message: string, path: string[]) =>
  new DomainError('CONFLICT', message, [{ code: 'conflict', path, message }]);

/**
 * Publishes a new version of a shop's policy, only if it lints without
 * errors (POLICY_LINT_FAILED lists them, and nothing is stored). Orders
 * placed from `effectiveFrom` on are decided under it; cases already open
 * keep the version they were decided under. The shop's owner only; audited.
 */
export async function publishPolicyVersion(
  ctx: ServiceContext,
  actor: Actor,
  input: PublishPolicyVersionInput,
): Promise<PublishedPolicyVersion> {
  assertStaffOf(actor, input.shopId, ['owner']);
  const policy = readPolicyDraft(input.yaml, input.shopId);
  const findings = lintPolicy(policy);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length > 0) {
    const list = errors.map((f) => `${f.code}${f.clause ? ` [${f.clause}]` : ''}: ${f.message}`).join('; ');
    throw new DomainError(
      'POLICY_LINT_FAILED',
      `${errors.length} lint error${errors.length === 1 ? '' : 's'}: ${list}`,
      errors.map((f) => ({ code: f.code, path: ['yaml', ...f.path], message: f.message })),
    );
  }
  const now = ctx.now();
  const effectiveFrom = input.effectiveFrom ?? now;
  if (effectiveFrom.getTime() < now.getTime()) {
    throw new DomainError('INVALID_INPUT', 'effectiveFrom: a version cannot take effect in the past', [
      { code: 'in_the_past', path: ['effectiveFrom'], message: 'use now or a later instant' },
    ]);
  }
  const id = ctx.newId();
  try {
    return await transaction(ctx.db, async (tx) => {
      await findShopOrThrow(tx, input.shopId);
      if (await findPolicyVersionByName(tx, input.shopId, policy.version)) {
        throw conflict(`yaml.version: shop "${input.shopId}" has a version "${policy.version}" already`, [
          'yaml',
          'version',
        ]);
      }
      await insertPolicyVersion(tx, {
        id,
        shopId: input.shopId,
        version: policy.version,
        sourceYaml: input.yaml,
        policy,
        effectiveFrom,
        createdAt: now,
      });
      await appendAudit(tx, [
        {
          shopId: input.shopId,
          caseId: null,
          actor: describeActor(actor),
          action: 'publish_policy_version',
          policyVersionId: id,
          detail: { version: policy.version, effectiveFrom: effectiveFrom.toISOString(), warnings: findings.length },
          at: now,
        },
      ]);
      return {
        id,
        shop: input.shopId,
        version: policy.version,
        effectiveFrom: effectiveFrom.toISOString(),
        createdAt: now.toISOString(),
        inForce: effectiveFrom.getTime() <= now.getTime(),
        warnings: findings,
      };
    });
  } catch (error) {
    // Two publishes at once: the database's unique keys decide which one is stored.
    if (violatesConstraint(error, 'policy_versions_shop_version_unique'))
      throw conflict(`yaml.version: shop "${input.shopId}" has a version "${policy.version}" already`, [
        'yaml',
        'version',
      ]);
    if (violatesConstraint(error, 'policy_versions_shop_effective_from_unique'))
      throw conflict('effectiveFrom: another version takes effect at that very instant', ['effectiveFrom']);
    throw error;
  }
}
