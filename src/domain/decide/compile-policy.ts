import { type ShopCalendar, shopCalendar } from '../calendar/shop-calendar.ts';
import type { Instant } from '../calendar/zoned-time.ts';
import { REQUEST_TYPES, type RequestType } from '../contract/case.schema.ts';
import type { ReasonCitation } from '../contract/decision.schema.ts';
import type { Clause, Policy, Then, Window } from '../policy/policy.schema.ts';
import { type CompiledTest, compileWhen, intern } from './match-when.ts';

/** A clause with its conditions compiled and its quotes as a list. */
export type CompiledClause = {
  clause: Clause;
  id: string;
  quotes: string[];
  /** The clause cited without details, built once. */
  citations: readonly ReasonCitation[];
  test: CompiledTest;
  /** True when the clause holds for every line of the request types it is listed under. */
  always: boolean;
  then: Then | undefined;
  decides: boolean;
  /** The terms this clause sets, as pairs, so deciding never walks absent keys. */
  termEntries: readonly (readonly [TermKey, unknown])[];
  /** This clause as the reason a line was decided, made once. */
  decidedBy: { kind: 'clause'; clause: CompiledClause };
  /** The clause's own window, whose end is the deadline when this clause decides. */
  window: { kind: 'within' | 'after'; spec: Window } | undefined;
};

/** A policy made ready to decide many cases: clauses compiled once into closures. */
export type CompiledPolicy = {
  policy: Policy;
  calendar: ShopCalendar;
  clauses: CompiledClause[];
  /** The clauses with effects that can apply to each request type, in order: most cases skip most clauses. */
  byRequest: Record<RequestType, CompiledClause[]>;
  exceptions: (CompiledClause & { exceptionTo: string[] })[];
  /** The calendar's business-day deadline, remembered per local day of asking. */
  endOfBusinessDayAfter(at: Instant, n: number): Instant;
};

/** The terms a clause can set besides its outcome; the earliest clause that holds wins each. */
export const TERM_KEYS = [
  'returnRequired',
  'returnShipping',
  'originalShipping',
  'restockingFee',
  'customerCharges',
  'returnWithin',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];

const cache = new WeakMap<Policy, CompiledPolicy>();

/** Compiles a policy once; later calls with the same policy object reuse it. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit) return hit;
  const calendar = shopCalendar(policy.profile);
  const windows = new Map<string, Window>();
  const drafts = policy.clauses.map((clause): Omit<CompiledClause, 'decidedBy'> => {
    const w = clause.when;
    const window = w?.within
      ? { kind: 'within' as const, spec: intern(w.within, windows) }
      : w?.after
        ? { kind: 'after' as const, spec: intern(w.after, windows) }
        : undefined;
    const quotes = typeof clause.quote === 'string' ? [clause.quote] : clause.quote;
    return {
      clause,
      id: clause.id,
      quotes,
      citations: Object.freeze(quotes.map((quote) => Object.freeze({ clause: clause.id, quote }))),
      // The request type is matched by `byRequest`, so the test leaves it out.
      test: compileWhen(clause.when && { ...clause.when, request: undefined }, policy.reasonGroups, windows),
      always: Object.keys(clause.when ?? {}).every((key) => key === 'request'),
      then: clause.then,
      decides: clause.then?.outcome !== undefined,
      termEntries: TERM_KEYS.flatMap((key) =>
        clause.then?.[key] !== undefined ? [[key, clause.then[key]] as const] : [],
      ),
      window,
    };
  });
  const clauses = drafts.map((draft) => {
    const c = draft as CompiledClause;
    c.decidedBy = Object.freeze({ kind: 'clause' as const, clause: c });
    return c;
  });
  const exceptions = clauses.flatMap((c) =>
    c.clause.exceptionTo
      ? [{ ...c, test: compileWhen(c.clause.when, policy.reasonGroups, windows), exceptionTo: c.clause.exceptionTo }]
      : [],
  );
  const byRequest = Object.fromEntries(
    REQUEST_TYPES.map((type) => [
      type,
      clauses.filter((c) => c.then && (!c.clause.when?.request || c.clause.when.request.includes(type))),
    ]),
  ) as Record<RequestType, CompiledClause[]>;
  // Every case asked on the same local day gets the same response deadline.
  const deadlines = new Map<string, Instant>();
  const endOfBusinessDayAfter = (at: Instant, n: number): Instant => {
    const key = `${calendar.zone.day(at)}+${n}`;
    let end = deadlines.get(key);
    if (end === undefined) {
      end = calendar.endOfBusinessDayAfter(at, n);
      deadlines.set(key, end);
    }
    return end;
  };
  const compiled = { policy, calendar, clauses, byRequest, exceptions, endOfBusinessDayAfter };
  cache.set(policy, compiled);
  return compiled;
}
