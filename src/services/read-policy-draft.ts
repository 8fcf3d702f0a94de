import { DomainError, formatPath } from '../domain/errors.ts';
import { parsePolicy } from '../domain/policy/parse-policy.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';

/**
 * A policy from YAML text someone sent for a shop: INVALID_POLICY naming the
 * field and line when it is not one, SHOP_MISMATCH when it is another shop's.
 * Issue paths start at `yaml`, the body field that held the text.
 */
export function readPolicyDraft(yaml: string, shopId: string): Policy {
  const parsed = parsePolicy(yaml);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => ({ ...i, path: ['yaml', ...i.path] }));
    const first = issues[0];
    const where = first?.line ? ` (line ${first.line}, column ${first.column})` : '';
    throw new DomainError(
      'INVALID_POLICY',
      `${formatPath(first?.path ?? ['yaml'])}${where}: ${first?.message}`,
      issues,
    );
  }
  if (parsed.value.id !== shopId) {
    throw new DomainError('SHOP_MISMATCH', `yaml.id: the policy is for "${parsed.value.id}", not "${shopId}"`, [
      { code: 'shop_mismatch', path: ['yaml', 'id'], message: `expected "${shopId}"` },
    ]);
  }
  return parsed.value;
}
