import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkedCase } from './generate-demo-orders.ts';

/** Where the shared worked scenarios are: `../shared/scenarios` beside the project. */
export const DEFAULT_SCENARIO_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/scenarios',
);

/**
 * The shared worked scenarios of these shops (`<dir>/<shop>.json`), as cases
 * to build demo orders from. A shop without a file, or a checkout without the
 * shared folder, gives none: the demo then rests on the policies' own examples
 * and cases made from their clauses.
 */
export function readWorkedScenarios(shops: Iterable<string>, dir = DEFAULT_SCENARIO_DIR): WorkedCase[] {
  const out: WorkedCase[] = [];
  for (const shop of shops) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, `${shop}.json`), 'utf8');
    } catch {
      continue;
    }
    const file = JSON.parse(text) as { scenarios?: { name?: string; case?: unknown }[] };
    for (const s of file.scenarios ?? []) {
      if (s.case && typeof s.case === 'object')
        out.push({ kind: 'scenario', name: s.name ?? 'scenario', case: s.case });
    }
  }
  return out;
}
