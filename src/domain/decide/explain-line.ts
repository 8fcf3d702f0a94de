import type { ReasonCitation } from '../contract/decision.schema.ts';
import type { Policy } from '../policy/policy.schema.ts';
import type { CompiledClause } from './compile-policy.ts';
import type { LineVerdict } from './decide-line.ts';
import { describeFacts, describeWindow, words } from './explain.ts';

/**
 * The reasons for a line's verdict: exceptions that applied, the clause that
 * decided with how the facts met it, then the clauses that set its terms.
 */
export function explainLine(v: LineVerdict, policy: Policy): ReasonCitation[] {
  const x = v.context;
  const reasons: ReasonCitation[] = [];
  for (const ex of v.exceptions) cite(reasons, ex, describeFacts(ex.clause.when, x));
  const by = v.decidedBy;
  if (by.kind === 'missing') {
    cite(reasons, by.clause, `needs ${by.field}, which the case does not give; the care team decides`);
  } else if (by.kind === 'fallback') {
    const { type } = x.cf.case.request;
    const what = x.lf.reason ? `a ${words(type)} for "${words(x.lf.reason)}"` : `a ${words(type)}`;
    reasons.push({
      clause: policy.fallback.id,
      quote: policy.fallback.quote,
      detail: `no clause covers ${what}; the care team decides`,
    });
  } else {
    const { clause } = by;
    const charged = v.outcome !== 'denied' && v.terms.customerCharges === 'assessed';
    const detail = [
      describeFacts(clause.clause.when, x),
      clause.window && describeWindow(clause.window.spec, x),
      charged && 'the customer pays an amount the shop confirms later (0 until then)',
    ]
      .filter(Boolean)
      .join('; ');
    cite(reasons, clause, detail || undefined);
  }
  if (v.outcome !== 'denied') for (const c of v.termClauses) reasons.push(...c.citations);
  return reasons;
}

/** Cites every sentence of a clause; how the facts met it is told once, on the first. */
function cite(out: ReasonCitation[], c: CompiledClause, detail: string | undefined): void {
  if (!detail) {
    out.push(...c.citations);
    return;
  }
  const [first, ...rest] = c.citations as ReasonCitation[];
  if (first) out.push({ ...first, detail });
  out.push(...rest);
}
