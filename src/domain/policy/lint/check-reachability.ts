import type { Clause, Policy } from '../policy.schema.ts';
import type { LintFinding } from './lint-finding.ts';
import { type ClauseRegions, contains, overlaps, type Region } from './when-region.ts';

/**
 * Clauses that can never apply: conditions that cannot all hold, or a deciding
 * clause whose every line an earlier deciding clause (with no window to run
 * out, no exception to lift it) has already decided.
 */
export function checkReachability(policy: Policy, analysis: ClauseRegions): LintFinding[] {
  const findings: LintFinding[] = [];
  policy.clauses.forEach((clause, j) => {
    const region = analysis.regions[j];
    if (!region) return;
    if (region.length === 0) {
      findings.push({
        level: 'warning',
        code: 'never_applies',
        clause: clause.id,
        path: ['clauses', j, 'when'],
        message: `never applies: its conditions cannot all hold`,
      });
      return;
    }
    const first = shadowedBy(policy, analysis, j);
    if (first) {
      findings.push({
        level: 'warning',
        code: 'never_applies',
        clause: clause.id,
        path: ['clauses', j],
        message: `never applies: clause ${first.id} always decides first`,
      });
    }
  });
  return findings;
}

/** The earlier deciding clause that decides every line clause `j` matches, if there is one. */
export function shadowedBy(policy: Policy, analysis: ClauseRegions, j: number): Clause | undefined {
  const clause = policy.clauses[j];
  const region = analysis.regions[j];
  // An exception still lifts its targets where it cannot decide.
  if (!clause?.then?.outcome || clause.exceptionTo || !region || region.length === 0) return undefined;
  for (let i = 0; i < j; i++) {
    const earlier = policy.clauses[i] as Clause;
    const outer = analysis.regions[i];
    if (!earlier.then?.outcome || !outer) continue;
    if (neverLifted(policy, analysis, earlier.id, region) && contains(outer, region, analysis.space)) return earlier;
  }
  return undefined;
}

/** No `exceptionTo` clause can take `id` out for a line of the region. */
function neverLifted(policy: Policy, analysis: ClauseRegions, id: string, region: Region): boolean {
  return policy.clauses.every((c, k) => {
    if (!c.exceptionTo?.includes(id)) return true;
    const lifting = analysis.regions[k];
    return lifting !== undefined && !overlaps(lifting, region, analysis.space);
  });
}
