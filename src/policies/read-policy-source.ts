import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Policy } from '../domain/policy/policy.schema.ts';

/** Where the shops' own pages are by default: `../shared/seeds` beside the project. */
export const DEFAULT_SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

/** The text of a policy's source page, or the places looked for it; `undefined` when the policy names none. */
export type PolicySource = { found: true; file: string; text: string } | { found: false; tried: string[] } | undefined;

/**
 * Reads the page named by `policy.source.file`: from the source folder first,
 * then beside the policy file, so a policy and its page can travel together.
 */
export function readPolicySource(policy: Policy, policyFile: string, sourceDir = DEFAULT_SOURCE_DIR): PolicySource {
  if (!policy.source) return undefined;
  const tried = [
    ...new Set([sourceDir, path.dirname(policyFile)].map((dir) => path.resolve(dir, policy.source?.file ?? ''))),
  ];
  for (const file of tried) {
    try {
      return { found: true, file, text: readFileSync(file, 'utf8') };
    } catch {
      // Not there: try the next place.
    }
  }
  return { found: false, tried };
}
