import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Decision } from '../src/domain/contract/decision.schema.ts';
import { evaluateLines } from '../src/domain/decide/decide.ts';
import type { Policy } from '../src/domain/policy/policy.schema.ts';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../src/policies/load-policy-file.ts';
import type { AulsoAnswer } from './aulso/answer.ts';
import { combineLines, type LineAnswer } from './aulso/answer.ts';

/** Loupe's engine, as the benchmark and the equivalence test call it. */
export { decide } from '../src/domain/decide/decide.ts';

/**
 * Loupe's rule evaluation giving the comparison implementations' answer: each
 * line's verdict from the compiled policy, folded by the same `combineLines`.
 * The whole decision (money, deadlines, quoted reasons) is measured separately.
 */
export function loupeRulesAnswer(policy: Policy, c: Parameters<typeof evaluateLines>[1]): AulsoAnswer {
  const lines: LineAnswer[] = evaluateLines(policy, c).map((v) => ({
    id: v.context.lf.line.id,
    rule: v.decidedBy.kind === 'clause' ? v.decidedBy.clause.id : v.decidedBy.kind,
    outcome: v.outcome,
    resolutions: v.resolutions as LineAnswer['resolutions'],
    returnShippingPaidBy: v.outcome === 'approved' ? (v.terms.returnShipping ?? null) : null,
    shippingRefunded: v.outcome === 'approved' && v.terms.originalShipping === 'refunded',
  }));
  return combineLines(lines);
}

/** A shop's bundled policy (policies/<shop>.yaml), or null while it has not been written. */
export function bundledPolicy(shop: string): Policy | null {
  const file = path.join(BUNDLED_POLICIES_DIR, `${shop}.yaml`);
  return existsSync(file) ? loadPolicyFile(file) : null;
}

/** The part of Loupe's decision the comparison implementations compute, lines aside. */
export type ComparableAnswer = Pick<AulsoAnswer, 'outcome' | 'resolutions' | 'returnShippingPaidBy'>;

/** Reads Loupe's decision (or a comparison answer) as the fields they are compared on, remedies sorted. */
export function comparable(d: Decision | AulsoAnswer): ComparableAnswer {
  return { outcome: d.outcome, resolutions: [...d.resolutions].sort(), returnShippingPaidBy: d.returnShippingPaidBy };
}
