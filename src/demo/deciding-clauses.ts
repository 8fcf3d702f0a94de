import type { Case } from '../domain/contract/case.schema.ts';
import type { Outcome } from '../domain/contract/decision.schema.ts';
import { evaluateLines } from '../domain/decide/decide.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';

/** What decided one line of a request: a clause's id, `fallback`, or `missing:<field>` when a fact was missing. */
export type LineDecidedBy = { line: string; outcome: Exclude<Outcome, 'partial'>; by: string };

/** Which clause (or fallback, or missing fact) decided each line of a case, as the engine applies the policy. */
export function decidingClauses(policy: Policy, c: Case): LineDecidedBy[] {
  return evaluateLines(policy, c).map((v) => ({
    line: v.context.lf.line.id,
    outcome: v.outcome,
    by:
      v.decidedBy.kind === 'clause'
        ? v.decidedBy.clause.id
        : v.decidedBy.kind === 'missing'
          ? `missing:${v.decidedBy.field}`
          : 'fallback',
  }));
}

/** The ids of a policy's deciding clauses (those with an outcome), in order. */
export function decidingClauseIds(policy: Policy): string[] {
  return policy.clauses.filter((c) => c.then?.outcome !== undefined).map((c) => c.id);
}
