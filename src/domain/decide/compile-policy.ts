import { type ShopCalendar, shopCalendar } from '../calendar/shop-calendar.ts';
import type { Clause, Policy, Then, Window } from '../policy/policy.schema.ts';
import { type CompiledTest, compileWhen } from './match-when.ts';

/** A clause with its conditions compiled and its quotes as a list. */
export type CompiledClause = {
  clause: Clause;
  id: string;
  quotes: string[];
  test: CompiledTest;
  then: Then | undefined;
  decides: boolean;
  /** The clause's own window, whose end is the deadline when this clause decides. */
  window: { kind: 'within' | 'after'; spec: Window } | undefined;
};

/** A policy made ready to decide many cases: clauses compiled once into closures. */
export type CompiledPolicy = {
  policy: Policy;
  calendar: ShopCalendar;
  clauses: CompiledClause[];
  exceptions: (CompiledClause & { exceptionTo: string[] })[];
};

const cache = new WeakMap<Policy, CompiledPolicy>();

/** Compiles a policy once; later calls with the same policy object reuse it. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit) return hit;
  const calendar = shopCalendar(policy.profile);
  const clauses = policy.clauses.map((clause): CompiledClause => {
    const w = clause.when;
    const window = w?.within
      ? { kind: 'within' as const, spec: w.within }
      : w?.after
        ? { kind: 'after' as const, spec: w.after }
        : undefined;
    return {
      clause,
      id: clause.id,
      quotes: typeof clause.quote === 'string' ? [clause.quote] : clause.quote,
      test: compileWhen(clause.when, policy.reasonGroups),
      then: clause.then,
      decides: clause.then?.outcome !== undefined,
      window,
    };
  });
  const exceptions = clauses.flatMap((c) =>
    c.clause.exceptionTo ? [{ ...c, exceptionTo: c.clause.exceptionTo }] : [],
  );
  const compiled = { policy, calendar, clauses, exceptions };
  cache.set(policy, compiled);
  return compiled;
}
