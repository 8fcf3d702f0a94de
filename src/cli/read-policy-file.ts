import { DomainError } from '../domain/errors.ts';
import { type LocatedPolicy, parsePolicyLocated } from '../domain/policy/parse-policy.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import { readInput } from './read-input.ts';

/** A policy file parsed, keeping the way from a path in it back to its line and column. */
export function readPolicyFile(file: string): LocatedPolicy {
  return parsePolicyLocated(readInput(file));
}

/** Like `readPolicyFile`, for commands that stop at an invalid policy: a DomainError naming the line and field. */
export function readValidPolicyFile(file: string): { policy: Policy; locate: LocatedPolicy['locate'] } {
  const { result, locate } = readPolicyFile(file);
  if (result.ok) return { policy: result.value, locate };
  const first = result.issues[0];
  const where = first?.line ? `${file}:${first.line}:${first.column}` : file;
  throw new DomainError('INVALID_POLICY', `${where}: ${first?.message ?? 'invalid policy'}`, result.issues);
}
