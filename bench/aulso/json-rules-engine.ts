import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import type { Case } from '../../src/domain/contract/case.schema.ts';
import {
  type AulsoAnswer,
  type AulsoRule,
  CHANGE_OF_MIND,
  CHANGE_OF_MIND_HOURS,
  CUSTOMER_ORDERED_WRONG,
  combineLines,
  IN_SCOPE_REQUESTS,
  type LineAnswer,
  SHOP_ERROR_OR_FAULTY,
} from './answer.ts';
import { aulsoLineFacts } from './line-facts.ts';

type Outputs = Omit<LineAnswer, 'id' | 'rule'>;
const DENIED: Outputs = { outcome: 'denied', resolutions: [], returnShippingPaidBy: null, shippingRefunded: false };
const REVIEW: Outputs = { ...DENIED, outcome: 'needs_review' };
const approved = (payer: 'shop' | 'customer', shippingRefunded: boolean): Outputs => ({
  outcome: 'approved',
  resolutions: ['refund', 'exchange'],
  returnShippingPaidBy: payer,
  shippingRefunded,
});

const is = (fact: string, value: unknown): NestedCondition => ({ fact, operator: 'equal', value });
const oneOf = (fact: string, value: string[]): NestedCondition => ({ fact, operator: 'in', value });

// Precedence top to bottom, first outcome wins: each rule gets its own priority
// (json-rules-engine runs higher priorities first) and the first success stops the run.
const RULES: [AulsoRule, NestedCondition[], Outputs][] = [
  ['out-of-scope', [{ fact: 'requestType', operator: 'notIn', value: IN_SCOPE_REQUESTS }], REVIEW],
  ['cash-on-delivery', [is('paymentMethod', 'cash_on_delivery')], DENIED],
  ['unauthorized-return', [is('returnSent', true), is('returnAuthorized', false)], DENIED],
  ['untracked-return', [is('returnUntracked', true)], DENIED],
  ['past-30-days', [is('within30Days', false)], DENIED],
  ['worn-earrings', [is('category', 'earrings'), is('worn', true)], DENIED],
  [
    'not-original-condition',
    [{ any: [is('used', true), is('worn', true), is('damagedByCustomer', true), is('originalPackaging', false)] }],
    DENIED,
  ],
  ['tags-removed', [is('tagsAttached', false)], DENIED],
  ['customer-ordered-wrong', [oneOf('reason', CUSTOMER_ORDERED_WRONG)], DENIED],
  ['shop-error-or-faulty', [oneOf('reason', SHOP_ERROR_OR_FAULTY), is('within30Days', true)], approved('shop', true)],
  [
    'change-of-mind-72h',
    [
      oneOf('reason', CHANGE_OF_MIND),
      { fact: 'hoursSinceDelivery', operator: 'lessThanInclusive', value: CHANGE_OF_MIND_HOURS },
    ],
    approved('shop', false),
  ],
  [
    'change-of-mind-late',
    [
      oneOf('reason', CHANGE_OF_MIND),
      { fact: 'hoursSinceDelivery', operator: 'greaterThan', value: CHANGE_OF_MIND_HOURS },
    ],
    DENIED,
  ],
  ['within-30-days', [is('within30Days', true)], approved('customer', false)],
  ['delivery-unknown', [is('delivered', false)], REVIEW],
];

/** The Aulso rules as json-rules-engine rules, evaluated once per line of the request. */
export function createJsonRulesEngineAulso(): (c: Case) => Promise<AulsoAnswer> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  RULES.forEach(([rule, all, outputs], i) => {
    const props: RuleProperties = {
      name: rule,
      priority: RULES.length - i,
      conditions: { all },
      event: { type: rule, params: outputs },
      onSuccess: () => {
        engine.stop();
      },
    };
    engine.addRule(props);
  });
  return async (c) => {
    const lines: LineAnswer[] = [];
    for (const facts of aulsoLineFacts(c)) {
      const { events } = await engine.run(facts);
      const event = events[0];
      if (!event) throw new Error(`no Aulso rule matched line ${facts.lineId}`);
      lines.push({ id: facts.lineId, rule: event.type as AulsoRule, ...(event.params as Outputs) });
    }
    return combineLines(lines);
  };
}
