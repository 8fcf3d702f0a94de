import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBundledPolicies } from '../policies/load-policy-file.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ENGINE_DIRS = ['decide', 'policy', 'calendar', 'contract'].map((d) => path.join(here, d));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Shop behaviour lives in policies: the engine must not know any shop by name. */
describe('engine source', () => {
  const policies = [...loadBundledPolicies().values()];
  const names = policies.flatMap((p) => [p.id, p.name, ...(p.profile.contact.email ? [p.profile.contact.email] : [])]);

  it('knows the bundled shops it is checked against', () => {
    expect(policies.map((p) => p.id).sort()).toEqual(['amijose', 'aoures', 'atelier', 'aulso', 'theor']);
  });

  it.each(ENGINE_DIRS.flatMap(sources).map((f) => [path.relative(here, f), f]))(
    '%s names no bundled shop',
    (_, file) => {
      const text = readFileSync(file, 'utf8').toLowerCase();
      for (const name of names) {
        const word = new RegExp(`\\b${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
        expect(word.test(text), `mentions "${name}"`).toBe(false);
      }
    },
  );
});
