import { DomainError } from '../domain/errors.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import type { PolicyLookup } from '../policies/load-policy-file.ts';

/** The policy of a shop, or UNKNOWN_SHOP naming the field that held the id and the shops that are known. */
export function findPolicy(policies: PolicyLookup, shop: string, field: string | number = 'shop'): Policy {
  const policy = policies.get(shop);
  if (policy) return policy;
  const known = policies.ids().join(', ');
  throw new DomainError('UNKNOWN_SHOP', `${field}: no policy for "${shop}" (known: ${known})`, [
    { code: 'unknown_shop', path: [field], message: `known shops: ${known}` },
  ]);
}
