import {
  type AulsoRule,
  CHANGE_OF_MIND,
  CHANGE_OF_MIND_HOURS,
  CUSTOMER_ORDERED_WRONG,
  IN_SCOPE_REQUESTS,
  SHOP_ERROR_OR_FAULTY,
} from './answer.ts';

// Input columns of the decision table: one per fact of `AulsoLineFacts`.
const INPUTS = [
  'requestType',
  'paymentMethod',
  'returnSent',
  'returnAuthorized',
  'returnUntracked',
  'delivered',
  'within30Days',
  'hoursSinceDelivery',
  'category',
  'reason',
  'used',
  'worn',
  'damagedByCustomer',
  'originalPackaging',
  'tagsAttached',
] as const;
type Input = (typeof INPUTS)[number];

/** A ZEN unary test: any of these strings. */
const anyOf = (values: string[]) => values.map((v) => JSON.stringify(v)).join(', ');
const DENIED = { outcome: '"denied"', resolutions: '[]', returnShippingPaidBy: 'null', shippingRefunded: 'false' };
const REVIEW = { ...DENIED, outcome: '"needs_review"' };
const approved = (payer: string, shippingRefunded: boolean) => ({
  outcome: '"approved"',
  resolutions: '["refund", "exchange"]',
  returnShippingPaidBy: JSON.stringify(payer),
  shippingRefunded: String(shippingRefunded),
});
const OUTPUTS = Object.keys(DENIED) as (keyof typeof DENIED)[];

// The Aulso rules as rows of one first-hit table, in the page's precedence. An OR
// of conditions is one row per alternative, as decision tables write it.
const ROWS: [AulsoRule, Partial<Record<Input, string>>, typeof DENIED][] = [
  ['out-of-scope', { requestType: `not($ in [${anyOf(IN_SCOPE_REQUESTS)}])` }, REVIEW],
  ['cash-on-delivery', { paymentMethod: '"cash_on_delivery"' }, DENIED],
  ['unauthorized-return', { returnSent: 'true', returnAuthorized: 'false' }, DENIED],
  ['untracked-return', { returnUntracked: 'true' }, DENIED],
  ['past-30-days', { within30Days: 'false' }, DENIED],
  ['worn-earrings', { category: '"earrings"', worn: 'true' }, DENIED],
  ['not-original-condition', { used: 'true' }, DENIED],
  ['not-original-condition', { worn: 'true' }, DENIED],
  ['not-original-condition', { damagedByCustomer: 'true' }, DENIED],
  ['not-original-condition', { originalPackaging: 'false' }, DENIED],
  ['tags-removed', { tagsAttached: 'false' }, DENIED],
  ['customer-ordered-wrong', { reason: anyOf(CUSTOMER_ORDERED_WRONG) }, DENIED],
  ['shop-error-or-faulty', { reason: anyOf(SHOP_ERROR_OR_FAULTY), within30Days: 'true' }, approved('shop', true)],
  [
    'change-of-mind-72h',
    { reason: anyOf(CHANGE_OF_MIND), hoursSinceDelivery: `<= ${CHANGE_OF_MIND_HOURS}` },
    approved('shop', false),
  ],
  ['change-of-mind-late', { reason: anyOf(CHANGE_OF_MIND), hoursSinceDelivery: `> ${CHANGE_OF_MIND_HOURS}` }, DENIED],
  ['within-30-days', { within30Days: 'true' }, approved('customer', false)],
  ['delivery-unknown', { delivered: 'false' }, REVIEW],
];

/**
 * The Aulso rules as a GoRules JDM graph: request -> one first-hit decision table
 * looped over `lines` (facts prepared by `aulsoLineFacts`) -> response `{ lines }`.
 */
export const AULSO_ZEN_GRAPH = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
    {
      id: 'aulso-rules',
      type: 'decisionTableNode',
      name: 'aulso rules',
      position: { x: 300, y: 0 },
      content: {
        hitPolicy: 'first',
        executionMode: 'loop',
        inputField: 'lines',
        outputPath: 'lines',
        passThrough: false,
        inputs: INPUTS.map((field) => ({ id: `in-${field}`, name: field, field })),
        outputs: [...OUTPUTS, 'rule'].map((field) => ({ id: `out-${field}`, name: field, field })),
        rules: ROWS.map(([rule, when, then], i) => ({
          _id: `row-${i}`,
          ...Object.fromEntries(INPUTS.map((field) => [`in-${field}`, when[field] ?? ''])),
          ...Object.fromEntries(OUTPUTS.map((field) => [`out-${field}`, then[field]])),
          'out-rule': JSON.stringify(rule),
        })),
      },
    },
    { id: 'response', type: 'outputNode', name: 'response', position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'aulso-rules' },
    { id: 'e2', type: 'edge', sourceId: 'aulso-rules', targetId: 'response' },
  ],
};
