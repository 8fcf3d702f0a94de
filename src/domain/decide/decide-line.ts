import type { DateTime } from 'luxon';
import type { Resolution } from '../contract/case.schema.ts';
import type { Outcome, ReasonCitation, Requirement } from '../contract/decision.schema.ts';
import type { Then, Window } from '../policy/policy.schema.ts';
import type { CompiledClause, CompiledPolicy } from './compile-policy.ts';
import { describeFacts, describeWindow } from './explain.ts';
import type { CaseFacts, LineFacts } from './facts.ts';
import { anchorOf, type MatchContext } from './match-when.ts';
import { windowEnd } from './windows.ts';

type Terms = Omit<Then, 'outcome' | 'resolutions' | 'refund' | 'requirements'>;

/** What the policy says about one line of the request. */
export type LineVerdict = {
  facts: LineFacts;
  outcome: Exclude<Outcome, 'partial'>;
  resolutions: Resolution[];
  refund: Then['refund'];
  terms: Terms;
  requirements: Set<Requirement>;
  requestBy: DateTime | null;
  returnBy: DateTime | null;
  /** The clause that decided, then those that set terms; exceptions first. */
  reasons: ReasonCitation[];
  termReasons: ReasonCitation[];
};

const TERM_KEYS = [
  'returnRequired',
  'returnShipping',
  'originalShipping',
  'restockingFee',
  'customerCharges',
  'returnWithin',
] as const;

/**
 * Applies the clauses to one line. Clause order is precedence: the first
 * clause with an outcome that holds decides; terms (who pays, fees,
 * requirements) are taken from every clause that holds, the earlier winning;
 * a matching `exceptionTo` clause takes its targets out for this line.
 */
export function decideLine(policy: CompiledPolicy, cf: CaseFacts, lf: LineFacts): LineVerdict {
  const x: MatchContext = { cf, lf, calendar: policy.calendar };
  const skipped = new Set<string>();
  const exceptionReasons: ReasonCitation[] = [];
  for (const ex of policy.exceptions) {
    if (ex.test(x) !== true) continue;
    for (const id of ex.exceptionTo) skipped.add(id);
    exceptionReasons.push(...cite(ex, describeFacts(ex.clause.when, x)));
  }

  let verdict: CompiledClause | undefined;
  let missing: { clause: CompiledClause; field: string } | undefined;
  const terms: Terms = {};
  const requirements = new Set<Requirement>();
  const termReasons: ReasonCitation[] = [];
  /** Takes the terms not yet set; says whether the clause contributed anything. */
  const take = (then: Then): boolean => {
    let contributed = false;
    for (const key of TERM_KEYS) {
      if (then[key] !== undefined && terms[key] === undefined) {
        (terms as Record<string, unknown>)[key] = then[key];
        contributed = true;
      }
    }
    for (const r of then.requirements ?? []) {
      if (!requirements.has(r)) contributed = true;
      requirements.add(r);
    }
    return contributed;
  };

  // A deciding clause the case cannot evaluate (a window with no event) blocks
  // the line unless it could only have denied and a later clause denies anyway.
  let unknownDenial: { clause: CompiledClause; field: string } | undefined;
  for (const c of policy.clauses) {
    if (skipped.has(c.id) || !c.then || (verdict && c.decides)) continue;
    const r = c.test(x);
    if (r === false) continue;
    if (r !== true) {
      if (!c.decides) continue;
      if (c.then.outcome === 'denied') {
        unknownDenial ??= { clause: c, field: r };
        continue;
      }
      missing = unknownDenial ?? { clause: c, field: r };
      break;
    }
    if (c.decides && unknownDenial && c.then.outcome !== 'denied') {
      missing = unknownDenial;
      break;
    }
    const contributed = take(c.then);
    if (c.decides) verdict = c;
    // A term clause overruled on every point by an earlier one is not a reason.
    else if (contributed) termReasons.push(...cite(c, undefined));
  }
  if (!verdict && !missing && unknownDenial) missing = unknownDenial;

  const base = { facts: lf, terms, requirements, termReasons, returnBy: null };
  if (missing) {
    return {
      ...base,
      outcome: 'needs_review',
      resolutions: [],
      refund: undefined,
      requestBy: null,
      reasons: [
        ...exceptionReasons,
        ...cite(missing.clause, `needs ${missing.field}, which the case does not give; the care team decides`),
      ],
    };
  }
  if (!verdict) {
    const { fallback } = policy.policy;
    const what = lf.reason ? `a ${cf.case.request.type} for "${lf.reason}"` : `a ${cf.case.request.type}`;
    return {
      ...base,
      outcome: 'needs_review',
      resolutions: [],
      refund: undefined,
      requestBy: null,
      reasons: [
        ...exceptionReasons,
        { clause: fallback.id, quote: fallback.quote, detail: `no clause covers ${what}; the care team decides` },
      ],
    };
  }

  const then = verdict.then as Then;
  const requestBy = verdict.window ? deadline(x, verdict.window.spec) : null;
  const outcome = then.outcome as LineVerdict['outcome'];
  const charged = outcome !== 'denied' && terms.customerCharges === 'assessed';
  const detail = [
    describeFacts(verdict.clause.when, x),
    verdict.window && describeWindow(verdict.window.spec, x),
    charged && 'the customer pays an amount the shop assesses once it sees the piece (0 until then)',
  ]
    .filter(Boolean)
    .join('; ');
  const returnWithin = terms.returnWithin;
  return {
    ...base,
    outcome,
    resolutions: outcome === 'denied' ? [] : [...(then.resolutions ?? [])],
    refund: then.refund,
    requestBy,
    returnBy: returnWithin && outcome !== 'denied' ? deadline(x, returnWithin) : null,
    reasons: [...exceptionReasons, ...cite(verdict, detail || undefined)],
  };
}

function deadline(x: MatchContext, window: Window): DateTime | null {
  const start = anchorOf(x, window.from);
  return start ? windowEnd(window, start, x.calendar) : null;
}

function cite(c: CompiledClause, detail: string | undefined): ReasonCitation[] {
  return c.quotes.map((quote) => (detail ? { clause: c.id, quote, detail } : { clause: c.id, quote }));
}
