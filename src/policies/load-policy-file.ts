import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../domain/errors.ts';
import { parsePolicy } from '../domain/policy/parse-policy.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';

/** The folder of the policies bundled with Loupe. */
export const BUNDLED_POLICIES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../policies');

/** Reads and validates one policy file; a bad file is a DomainError naming the line and field. */
export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DomainError('INVALID_INPUT', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const result = parsePolicy(text);
  if (result.ok) return result.value;
  const first = result.issues[0];
  const where = first?.line ? `${file}:${first.line}:${first.column}` : file;
  throw new DomainError('INVALID_POLICY', `${where}: ${first?.message ?? 'invalid policy'}`, result.issues);
}

/** A policy lookup by shop id that reads each file only when its shop is asked for. */
export type PolicyLookup = { get(id: string): Policy | undefined; ids(): string[] };

/** Looks up `DIR/<id>.yaml` on first use, so one shop's broken file never stops another's decisions. */
export function lazyPolicies(dir = BUNDLED_POLICIES_DIR): PolicyLookup {
  const loaded = new Map<string, Policy>();
  const ids = () =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => n.slice(0, -'.yaml'.length))
      .sort();
  return {
    ids,
    get(id) {
      const hit = loaded.get(id);
      if (hit) return hit;
      if (!ids().includes(id)) return undefined;
      const policy = loadPolicyFile(path.join(dir, `${id}.yaml`));
      loaded.set(id, policy);
      return policy;
    },
  };
}

/** Every bundled policy, by shop id. */
export function loadBundledPolicies(dir = BUNDLED_POLICIES_DIR): Map<string, Policy> {
  const policies = new Map<string, Policy>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const policy = loadPolicyFile(path.join(dir, name));
    policies.set(policy.id, policy);
  }
  return policies;
}
