import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLED_POLICIES_DIR } from '../../policies/load-policy-file.ts';
import { policySchemaText } from './policy-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const checkedIn = path.join(BUNDLED_POLICIES_DIR, 'policy.schema.json');
// ajv is CommonJS: under NodeNext its default import is the module, the class its `default`.
const Ajv = AjvModule.default;

describe('loupe policy schema', () => {
  it('matches policies/policy.schema.json (run `npm run schema` after changing the policy format)', () => {
    expect(readFileSync(checkedIn, 'utf8')).toBe(policySchemaText());
  });

  it('prints the schema', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/loupe.js'), 'policy', 'schema'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(policySchemaText());
  });

  it('accepts every bundled policy and refuses a misspelt key, as an editor would', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(policySchemaText()));
    const files = readdirSync(BUNDLED_POLICIES_DIR).filter((f) => f.endsWith('.yaml'));
    for (const f of files) {
      const policy = parse(readFileSync(path.join(BUNDLED_POLICIES_DIR, f), 'utf8'));
      expect(validate(policy) ? [] : validate.errors, f).toEqual([]);
      const [first, ...rest] = policy.clauses;
      expect(validate({ ...policy, clauses: [{ ...first, exceptTo: ['x'] }, ...rest] }), f).toBe(false);
    }
  });
});
