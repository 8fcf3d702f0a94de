import { readFileSync } from 'node:fs';
import type { CaseInput } from '../src/domain/contract/case.schema.ts';

/** A worked case of the shared scenarios (../shared/scenarios/<shop>.json), by the start of its name; a fresh copy. */
export function scenarioCase(shop: string, nameStart: string): CaseInput {
  const file = new URL(`../../shared/scenarios/${shop}.json`, import.meta.url);
  const scenarios: { name: string; case: CaseInput }[] = JSON.parse(readFileSync(file, 'utf8')).scenarios;
  const found = scenarios.find((s) => s.name.startsWith(nameStart));
  if (!found) throw new Error(`no ${shop} scenario named "${nameStart}…"`);
  return structuredClone(found.case);
}
