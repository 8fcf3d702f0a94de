import type { Clause, Policy } from '../policy.schema.ts';
import { contains } from './contains.ts';
import type { LintFinding } from './lint-finding.ts';
import { resolutionOf } from './resolution-of.ts';
import { type ClauseRegions, overlaps, type Region } from './when-region.ts';

/**
 * Clauses that can never apply: conditions that cannot all hold, or a deciding
 * clause whose every line earlier deciding clauses (none of which an
 * exception can lift there) have already decided, one alone or several together.
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
    const cover = shadowedBy(policy, analysis, j);
    if (!cover) return;
    const [only] = cover;
    const who = cover.length === 1 && only ? `clause ${only.id} always decides` : `${listed(cover)} always decide`;
    // The clause that says it wins over this one, if any, says why the order is right.
    const explaining = cover.find((c) => c.overrides?.some((o) => o.clause === clause.id));
    findings.push({
      level: 'warning',
      code: 'never_applies',
      clause: clause.id,
      path: ['clauses', j],
      message: `never applies: ${who} first${explaining ? resolutionOf(explaining, clause, '') : ''}`,
    });
  });
  return findings;
}

/**
 * The earlier deciding clauses that between them decide every line clause `j`
 * matches, if there are any: the first one that does so alone, else a set
 * from which none can be dropped, in clause order.
 */
export function shadowedBy(policy: Policy, analysis: ClauseRegions, j: number): Clause[] | undefined {
  const clause = policy.clauses[j];
  const region = analysis.regions[j];
  // An exception still lifts its targets where it cannot decide.
  if (!clause?.then?.outcome || clause.exceptionTo || !region || region.length === 0) return undefined;
  const { space } = analysis;
  const candidates: { clause: Clause; region: Region }[] = [];
  for (let i = 0; i < j; i++) {
    const earlier = policy.clauses[i] as Clause;
    const outer = analysis.regions[i];
    if (!earlier.then?.outcome || !outer || !overlaps(outer, region, space)) continue;
    if (neverLifted(policy, analysis, earlier.id, region)) candidates.push({ clause: earlier, region: outer });
  }
  const alone = candidates.find((c) => contains(c.region, region, space));
  if (alone) return [alone.clause];
  const together = (cs: typeof candidates) =>
    contains(
      cs.flatMap((c) => c.region),
      region,
      space,
    );
  if (candidates.length < 2 || !together(candidates)) return undefined;
  // Drop the later ones first: the earlier a clause, the likelier it is the one that decides.
  let cover = candidates;
  for (let k = cover.length - 1; k >= 0; k--) {
    const without = cover.filter((_, m) => m !== k);
    if (together(without)) cover = without;
  }
  return cover.map((c) => c.clause);
}

/** No `exceptionTo` clause can take `id` out for a line of the region. */
function neverLifted(policy: Policy, analysis: ClauseRegions, id: string, region: Region): boolean {
  return policy.clauses.every((c, k) => {
    if (!c.exceptionTo?.includes(id)) return true;
    const lifting = analysis.regions[k];
    return lifting !== undefined && !overlaps(lifting, region, analysis.space);
  });
}

/** "a", "a and b", "a, b and c". */
function listed(clauses: Clause[]): string {
  const ids = clauses.map((c) => c.id);
  const last = ids.pop();
  return ids.length === 0 ? String(last) : `${ids.join(', ')} and ${last}`;
}
