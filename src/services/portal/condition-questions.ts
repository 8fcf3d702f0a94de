import { CONDITION_FACTS, type RequestType } from '../../domain/contract/case.schema.ts';
import type { Requirement } from '../../domain/contract/decision.schema.ts';
import type { Policy, When } from '../../domain/policy/policy.schema.ts';

/** A fact about the goods the customer is asked before a request is decided. */
export type ConditionFact = (typeof CONDITION_FACTS)[number];

/** One question about the goods: the condition fact it sets, and how it is asked. */
export type ConditionQuestion = { fact: ConditionFact; question: string };

const QUESTIONS: Record<ConditionFact, string> = {
  used: 'Has the piece been used?',
  worn: 'Has the piece been worn?',
  damagedByCustomer: 'Was the piece damaged after it arrived (dropped, bent, scratched)?',
  originalPackaging: 'Do you still have the original packaging?',
  tagsAttached: 'Are the tags still attached?',
};

// A requirement of the granted terms names a fact of the goods the customer can tell now.
const FACT_OF_REQUIREMENT: Partial<Record<Requirement, ConditionFact>> = {
  unworn: 'worn',
  original_packaging: 'originalPackaging',
  tags_attached: 'tagsAttached',
};

/** The condition facts a `when` tests, nested `any` and `not` included. */
function factsOf(when: When | undefined, into: Set<ConditionFact>): void {
  if (!when) return;
  for (const fact of Object.keys(when.condition ?? {})) into.add(fact as ConditionFact);
  for (const inner of when.any ?? []) factsOf(inner, into);
  factsOf(when.not, into);
}

/**
 * The questions a request of this type needs answered: every condition fact a
 * clause of the policy for this type tests, and those the granted terms require.
 * Facts the customer does not state never match a condition, so unasked they
 * would leave the shop's condition rules out of the decision.
 */
export function conditionQuestions(
  policy: Policy,
  type: RequestType,
  requirements: readonly Requirement[],
): ConditionQuestion[] {
  const facts = new Set<ConditionFact>();
  for (const clause of policy.clauses) {
    if (clause.when?.request && !clause.when.request.includes(type)) continue;
    factsOf(clause.when, facts);
  }
  for (const r of requirements) {
    const fact = FACT_OF_REQUIREMENT[r];
    if (fact) facts.add(fact);
  }
  return CONDITION_FACTS.filter((f) => facts.has(f)).map((fact) => ({ fact, question: QUESTIONS[fact] }));
}
