import type { Instant } from '../calendar/zoned-time.ts';
import type { Resolution } from '../contract/case.schema.ts';
import type { Outcome, Requirement } from '../contract/decision.schema.ts';
import type { Then, Window } from '../policy/policy.schema.ts';
import type { CompiledClause, CompiledPolicy } from './compile-policy.ts';
import type { CaseFacts, LineFacts } from './facts.ts';
import { endFor, type MatchContext } from './match-when.ts';

type Terms = Omit<Then, 'outcome' | 'resolutions' | 'refund' | 'requirements'>;

/** Why a line ended as it did: a clause decided, a fact was missing, or nothing applied. */
export type DecidedBy =
  | { kind: 'clause'; clause: CompiledClause }
  | { kind: 'missing'; clause: CompiledClause; field: string }
  | { kind: 'fallback' };

/** What the policy says about one line of the request, before it is explained. */
export type LineVerdict = {
  context: MatchContext;
  outcome: Exclude<Outcome, 'partial'>;
  resolutions: readonly Resolution[];
  refund: Then['refund'];
  terms: Terms;
  requirements: Requirement[];
  requestBy: Instant | null;
  returnBy: Instant | null;
  decidedBy: DecidedBy;
  /** `exceptionTo` clauses that took others out for this line. */
  exceptions: CompiledClause[];
  /** Clauses that set at least one term, in order. */
  termClauses: CompiledClause[];
};

const NO_RESOLUTIONS: readonly Resolution[] = [];
const NO_CLAUSES: CompiledClause[] = [];
const NO_REQUIREMENTS: Requirement[] = [];
const FALLBACK: DecidedBy = Object.freeze({ kind: 'fallback' });

/**
 * Applies the clauses to one line. Clause order is precedence: the first
 * clause with an outcome that holds decides; terms (who pays, fees,
 * requirements) are taken from every clause that holds, the earlier winning;
 * a matching `exceptionTo` clause takes its targets out for this line.
 */
export function decideLine(policy: CompiledPolicy, cf: CaseFacts, lf: LineFacts): LineVerdict {
  const x: MatchContext = { cf, lf, calendar: policy.calendar };
  let skipped: Set<string> | undefined;
  let exceptions: CompiledClause[] = NO_CLAUSES;
  for (const ex of policy.exceptions) {
    if (ex.test(x) !== true) continue;
    skipped ??= new Set();
    for (const id of ex.exceptionTo) skipped.add(id);
    if (exceptions === NO_CLAUSES) exceptions = [];
    exceptions.push(ex);
  }

  let verdict: CompiledClause | undefined;
  let missing: { clause: CompiledClause; field: string } | undefined;
  // A deciding clause the case cannot evaluate (a window with no event) blocks
  // the line unless it could only have denied and a later clause denies anyway.
  let unknownDenial: { clause: CompiledClause; field: string } | undefined;
  // One shape for every line's terms: the engine's hottest object stays monomorphic.
  const terms: Terms = {
    returnRequired: undefined,
    returnShipping: undefined,
    originalShipping: undefined,
    restockingFee: undefined,
    customerCharges: undefined,
    returnWithin: undefined,
  };
  // Most refused lines collect nothing: the lists are made on first use.
  let requirements: Requirement[] = NO_REQUIREMENTS;
  let termClauses: CompiledClause[] = NO_CLAUSES;
  const clauses = policy.byRequest[cf.case.request.type];
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as CompiledClause;
    if ((verdict && c.decides) || skipped?.has(c.id)) continue;
    const r = c.always || c.test(x);
    if (r === false) continue;
    const then = c.then as Then;
    if (r !== true) {
      if (!c.decides) continue;
      if (then.outcome === 'denied') {
        unknownDenial ??= { clause: c, field: r };
        continue;
      }
      missing = unknownDenial ?? { clause: c, field: r };
      break;
    }
    if (c.decides && unknownDenial && then.outcome !== 'denied') {
      missing = unknownDenial;
      break;
    }
    // A refused line has no terms to collect: nothing is granted, so nothing is paid or required.
    if (c.decides && then.outcome === 'denied') {
      verdict = c;
      break;
    }
    let contributed = takeTerms(c, terms);
    for (const r of then.requirements ?? NO_REQUIREMENTS) {
      if (requirements.includes(r)) continue;
      if (requirements === NO_REQUIREMENTS) requirements = [];
      requirements.push(r);
      contributed = true;
    }
    if (c.decides) verdict = c;
    // A term clause overruled on every point by an earlier one is not a reason.
    else if (contributed) {
      if (termClauses === NO_CLAUSES) termClauses = [];
      termClauses.push(c);
    }
  }
  if (!verdict && !missing && unknownDenial) missing = unknownDenial;

  const decidedBy: DecidedBy = missing
    ? { kind: 'missing', clause: missing.clause, field: missing.field }
    : verdict
      ? verdict.decidedBy
      : FALLBACK;
  const then = verdict?.then;
  const outcome = (then?.outcome ?? 'needs_review') as LineVerdict['outcome'];
  const open = verdict !== undefined && outcome !== 'denied';
  return {
    context: x,
    outcome,
    resolutions: open ? (then?.resolutions ?? NO_RESOLUTIONS) : NO_RESOLUTIONS,
    refund: then?.refund,
    terms,
    requirements,
    requestBy: verdict?.window ? deadline(x, verdict.window.spec) : null,
    returnBy: open && terms.returnWithin ? deadline(x, terms.returnWithin) : null,
    decidedBy,
    exceptions,
    termClauses,
  };
}

/** Takes the terms not yet set; says whether the clause contributed any. */
function takeTerms(c: CompiledClause, terms: Terms): boolean {
  let contributed = false;
  const entries = c.termEntries;
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i] as (typeof entries)[number];
    if (terms[key] === undefined) {
      (terms as Record<string, unknown>)[key] = value;
      contributed = true;
    }
  }
  return contributed;
}

function deadline(x: MatchContext, window: Window): Instant | null {
  const end = endFor(x, window);
  return typeof end === 'string' ? null : end;
}
