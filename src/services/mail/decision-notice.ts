import type { DecisionNotice } from '../../mail/templates/decision.ts';
import type { CaseRow } from '../../storage/repositories/cases.ts';
import { refundableCents } from '../refundable-cents.ts';

/**
 * What a decision mail tells of a case: its outcome, and the policy's quoted
 * reasons when the outcome is the policy's own (staff who decided otherwise
 * give their note instead). `refundableCents` is what the case may get back
 * now; by default what the policy's decision allows.
 */
export function decisionNotice(
  row: Pick<CaseRow, 'outcome' | 'decision' | 'respondsBy'>,
  options: { refundableCents?: number | undefined; staffNote?: string | undefined } = {},
): DecisionNotice | undefined {
  const { decision } = row;
  const outcome = row.outcome ?? decision?.outcome;
  if (!outcome) return undefined;
  const byPolicy = decision !== null && decision.outcome === outcome;
  const cents = options.refundableCents ?? (decision ? refundableCents(decision) : 0);
  return {
    outcome,
    resolutions: decision?.resolutions ?? [],
    money: decision ? { currency: decision.money.currency, refundableCents: cents } : null,
    returnRequired: decision?.returnRequired ?? false,
    returnShippingPaidBy: decision?.returnShippingPaidBy ?? null,
    reasons: byPolicy ? decision.reasons : [],
    respondsBy: row.respondsBy,
    staffNote: options.staffNote,
  };
}
