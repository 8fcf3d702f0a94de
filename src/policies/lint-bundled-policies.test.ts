import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../domain/policy/lint-policy.ts';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from './load-policy-file.ts';
import { readPolicySource } from './read-policy-source.ts';

const files = readdirSync(BUNDLED_POLICIES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

// Warnings are tensions in the shop's own page that a policy settles and explains; errors are mistakes.
describe.each(files)('bundled policy %s', (name) => {
  const file = path.join(BUNDLED_POLICIES_DIR, name);

  it('has its source page, and lints without errors against it', () => {
    const policy = loadPolicyFile(file);
    const source = readPolicySource(policy, file);
    expect(source?.found, `${name}: source page not found`).toBe(true);
    const errors = lintPolicy(policy, { sourceText: source?.found ? source.text : undefined })
      .filter((f) => f.level === 'error')
      .map((f) => `${f.code} [${f.clause ?? ''}] ${f.message}`);
    expect(errors).toEqual([]);
  });
});
