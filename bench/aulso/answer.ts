import type { Resolution } from '../../src/domain/contract/case.schema.ts';
import type { Outcome } from '../../src/domain/contract/decision.schema.ts';

/** Ids of the Aulso rules as the comparison implementations number them (top to bottom, first wins). */
export const AULSO_RULES = [
  'out-of-scope',
  'cash-on-delivery',
  'unauthorized-return',
  'untracked-return',
  'past-30-days',
  'worn-earrings',
  'not-original-condition',
  'tags-removed',
  'customer-ordered-wrong',
  'shop-error-or-faulty',
  'change-of-mind-72h',
  'change-of-mind-late',
  'within-30-days',
  'delivery-unknown',
] as const;

/** One Aulso rule id. */
export type AulsoRule = (typeof AULSO_RULES)[number];

/** The request types Aulso's page speaks of; any other gets no rule. */
export const IN_SCOPE_REQUESTS = ['return', 'exchange', 'report_problem'];
/** "The wrong size or color was selected by the customer". */
export const CUSTOMER_ORDERED_WRONG = ['wrong_size_ordered', 'wrong_color_ordered'];
/** "You received the wrong item, size, or color" / "arrived damaged, defective, or with a significant color discrepancy". */
export const SHOP_ERROR_OR_FAULTY = [
  'wrong_item_sent',
  'wrong_size_sent',
  'wrong_color_sent',
  'wrong_material_sent',
  'arrived_damaged',
  'defective',
  'color_discrepancy',
];
/** "If you've changed your mind". */
export const CHANGE_OF_MIND = ['changed_mind', 'not_as_expected'];
/** "within 72 hours of receiving them". */
export const CHANGE_OF_MIND_HOURS = 72;

/** Who pays to send the goods back. */
export type Payer = 'shop' | 'customer' | null;

/** What one implementation answers for one line of the request. */
export type LineAnswer = {
  id: string;
  /** The rule that decided: an AulsoRule for the comparison implementations, a clause id for Loupe. */
  rule: string;
  outcome: Exclude<Outcome, 'partial'>;
  resolutions: Resolution[];
  returnShippingPaidBy: Payer;
  shippingRefunded: boolean;
};

/** The part of a decision the comparison implementations compute: outcome, remedies, who pays the return. */
export type AulsoAnswer = {
  outcome: Outcome;
  resolutions: Resolution[];
  returnShippingPaidBy: Payer;
  lines: LineAnswer[];
};

/**
 * Folds line answers into the case's answer, the same for every implementation so
 * that only rule evaluation differs between them. Lines ending differently make
 * `partial`; the remedies are those of the approved lines; the shop pays the return
 * if it pays for any approved line ("Unless the return is due to our error...").
 */
export function combineLines(lines: LineAnswer[]): AulsoAnswer {
  const first = lines[0];
  let outcome: Outcome = first ? first.outcome : 'needs_review';
  if (lines.some((l) => l.outcome !== outcome)) outcome = 'partial';
  const resolutions: Resolution[] = [];
  let payer: Payer = null;
  for (const line of lines) {
    if (line.outcome !== 'approved') continue;
    for (const r of line.resolutions) if (!resolutions.includes(r)) resolutions.push(r);
    if (payer !== 'shop') payer = line.returnShippingPaidBy;
  }
  return { outcome, resolutions, returnShippingPaidBy: payer, lines };
}
