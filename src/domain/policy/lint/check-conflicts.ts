import type { Clause, Policy, Then, Window } from '../policy.schema.ts';
import { shadowedBy } from './check-reachability.ts';
import type { LintFinding } from './lint-finding.ts';
import { resolutionOf } from './resolution-of.ts';
import { type ClauseRegions, lengthOf, overlaps } from './when-region.ts';

/** Terms that two clauses holding for one line can set differently; the earlier one's value is used. */
const TERM_FIELDS = [
  'returnShipping',
  'originalShipping',
  'returnRequired',
  'customerCharges',
  'refund',
  'restockingFee',
] as const satisfies readonly (keyof Then)[];

const BY_ORDER = '(earlier clause wins by order; say why with `overrides`)';

/**
 * Where the page says two things about the same line: clauses that can both
 * hold and set a term differently, or two deciding clauses with windows of
 * different lengths on the same event and different outcomes (a 72-hour
 * change-of-mind rule inside a 30-day window). Order decides; `overrides`
 * says why, and must agree with the order.
 */
export function checkConflicts(policy: Policy, analysis: ClauseRegions): LintFinding[] {
  const findings = checkOverrideOrder(policy);
  const { clauses } = policy;
  // A clause that never decides sets no outcome and no terms, so it conflicts with nothing.
  const shadowed = clauses.map((_, j) => shadowedBy(policy, analysis, j) !== undefined);
  for (let j = 0; j < clauses.length; j++) {
    const b = clauses[j] as Clause;
    const rb = analysis.regions[j];
    if (!b.then || !rb) continue;
    for (let i = 0; i < j; i++) {
      const a = clauses[i] as Clause;
      const ra = analysis.regions[i];
      if (!a.then || !ra || liftsOther(a, b) || liftsOther(b, a)) continue;
      if (shadowed[i] || shadowed[j] || !overlaps(ra, rb, analysis.space)) continue;
      const message = a.then.outcome && b.then.outcome ? outcomeConflict(a, b) : termConflict(a, b);
      if (!message) continue;
      findings.push({
        level: 'warning',
        code: a.then.outcome && b.then.outcome ? 'conflicting_outcomes' : 'conflicting_terms',
        clause: b.id,
        path: ['clauses', j, a.then.outcome && b.then.outcome ? 'when' : 'then'],
        message: `${message}${resolutionOf(a, b, BY_ORDER)}`,
      });
    }
  }
  return findings;
}

const liftsOther = (x: Clause, y: Clause) => x.exceptionTo?.includes(y.id) === true;

/** Two deciding clauses: reported when their windows on one event differ in length and their outcomes differ. */
function outcomeConflict(a: Clause, b: Clause): string | undefined {
  const wa = topWindow(a);
  const wb = topWindow(b);
  if (!wa || !wb || wa.window.from !== wb.window.from || a.then?.outcome === b.then?.outcome) return undefined;
  const la = lengthOf(wa.window);
  const lb = lengthOf(wb.window);
  if (la.unit === lb.unit && la.n === lb.n) return undefined;
  return (
    `${a.id} (${a.then?.outcome} ${describeWindow(wa)}) and ${b.id} (${b.then?.outcome} ${describeWindow(wb)}) ` +
    'can both hold for one line'
  );
}

/** A deciding clause and a terms clause (or two terms clauses) that set one term differently. */
function termConflict(a: Clause, b: Clause): string | undefined {
  // Terms of a refused line are never shown.
  if (a.then?.outcome === 'denied' || b.then?.outcome === 'denied') return undefined;
  const differing = TERM_FIELDS.filter((f) => {
    const x = a.then?.[f];
    const y = b.then?.[f];
    return x !== undefined && y !== undefined && JSON.stringify(x) !== JSON.stringify(y);
  });
  if (differing.length === 0) return undefined;
  const what = differing.map((f) => `${f} (${show(a.then?.[f])} / ${show(b.then?.[f])})`).join(', ');
  return `${a.id} and ${b.id} can both hold for one line and disagree on ${what}`;
}

/** `overrides` claims a win that only order (or `exceptionTo`) can give: the winner must come first. */
function checkOverrideOrder(policy: Policy): LintFinding[] {
  const findings: LintFinding[] = [];
  const index = new Map(policy.clauses.map((c, i) => [c.id, i]));
  policy.clauses.forEach((c, j) => {
    c.overrides?.forEach((o, k) => {
      const i = index.get(o.clause);
      if (i === undefined || i >= j || c.exceptionTo?.includes(o.clause)) return;
      findings.push({
        level: 'error',
        code: 'override_against_order',
        clause: c.id,
        path: ['clauses', j, 'overrides', k],
        message:
          `says it wins over ${o.clause}, but ${o.clause} comes first and wins by order; ` +
          `move ${c.id} above it, or list ${o.clause} in its exceptionTo`,
      });
    });
  });
  return findings;
}

function topWindow(c: Clause): { kind: 'within' | 'after'; window: Window } | undefined {
  if (c.when?.within) return { kind: 'within', window: c.when.within };
  if (c.when?.after) return { kind: 'after', window: c.when.after };
  return undefined;
}

const UNIT_WORDS = { hours: 'hour', days: 'day', businessDays: 'business day', months: 'month', years: 'year' };

function describeWindow({ kind, window }: { kind: 'within' | 'after'; window: Window }): string {
  const { unit, n } = lengthOf(window);
  return `${kind} ${n} ${UNIT_WORDS[unit]}${n === 1 ? '' : 's'} ${kind === 'within' ? 'of' : 'from'} ${window.from?.replace('_', ' ') ?? 'asking'}`;
}

const show = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
