import { readFileSync } from 'node:fs';
import { type Case, CaseSchema } from '../src/domain/contract/case.schema.ts';
import { aulsoTwoLineVariants, aulsoVariants } from './aulso/variants.ts';

/** The shops with worked scenarios in shared/scenarios, one bundled policy each. */
export const SHOPS = ['aoures', 'atelier', 'aulso', 'amijose', 'theor'] as const;

/** One case of a benchmark mix, parsed as the engine receives it. */
export type NamedCase = { name: string; case: Case };

const SCENARIOS_DIR = new URL('../../shared/scenarios/', import.meta.url);

type ScenarioFile = { shop: string; scenarios: { name: string; case: unknown }[] };

/** The worked cases of one shop (shared/scenarios/<shop>.json), each parsed by the contract's schema. */
export function scenarioCases(shop: string): NamedCase[] {
  const file = JSON.parse(readFileSync(new URL(`${shop}.json`, SCENARIOS_DIR), 'utf8')) as ScenarioFile;
  return file.scenarios.map((s) => ({ name: s.name, case: CaseSchema.parse(s.case) }));
}

/**
 * Aulso's benchmark mix: its worked cases plus generated variants of them, so
 * that every Aulso rule fires (the equivalence test checks that it does).
 */
export function aulsoMix(): NamedCase[] {
  const worked = scenarioCases('aulso');
  const single = worked.find((s) => s.case.request.reason === 'wrong_item_sent' && s.case.order.deliveredAt);
  const twoLines = worked.find((s) => s.case.order.lines.length === 2);
  if (!single || !twoLines) throw new Error('aulso.json lacks the worked cases the variants start from');
  return [...worked, ...aulsoVariants(single.case), ...aulsoTwoLineVariants(twoLines.case)];
}
