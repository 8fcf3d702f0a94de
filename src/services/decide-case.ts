import type { Decision } from '../domain/contract/decision.schema.ts';
import { parseCaseOrThrow } from '../domain/contract/parse-case.ts';
import { decide } from '../domain/decide/decide.ts';
import type { PolicyLookup } from '../policies/load-policy-file.ts';
import { findPolicy } from './find-policy.ts';

/**
 * Decides one untrusted case: reads it as a contract case, finds its shop's
 * policy and applies it. A case Loupe refuses (INVALID_CASE, UNKNOWN_SHOP,
 * UNKNOWN_LINE) is a DomainError naming the field at fault.
 */
export function decideCase(policies: PolicyLookup, input: unknown): Decision {
  const c = parseCaseOrThrow(input);
  return decide(findPolicy(policies, c.shop), c);
}
