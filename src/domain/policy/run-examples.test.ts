import { describe, expect, it } from 'vitest';
import { type Policy, type PolicyInput, PolicySchema } from './policy.schema.ts';
import { runExamples } from './run-examples.ts';

/** A return asked six days after delivery, two bracelets, one of them returned. */
const returnCase = {
  now: '2026-05-10T10:00:00-04:00',
  order: {
    number: 'S-1',
    placedAt: '2026-04-27T09:00:00-04:00',
    currency: 'USD',
    destinationCountry: 'US',
    shippingPaid: 800,
    deliveredAt: '2026-05-04T12:00:00-04:00',
    lines: [
      { id: 'L1', category: 'bracelet', unitPrice: 5900, quantity: 1 },
      { id: 'L2', category: 'ring', unitPrice: 3000, quantity: 1 },
    ],
  },
  request: { type: 'return', lines: ['L1'], reason: 'changed_mind' },
};

/** Everything the decision of `returnCase` shows, in every shape an expectation can take. */
const fullExpect = {
  outcome: 'approved',
  resolutions: { exactly: ['exchange', 'refund'], includes: ['refund'], excludes: ['store_credit'] },
  returnRequired: true,
  returnShippingPaidBy: 'customer',
  money: { itemsRefundable: 5900, shippingRefundable: 0, restockingFee: 0 },
  restockingFeePositive: false,
  deadlines: {
    requestBy: '2026-06-03T23:59:59.999-04:00',
    // Sunday the 10th: Monday and Tuesday are the two business days.
    shopRespondsBy: '2026-05-12T23:59:59.999-04:00',
    resolutionBy: null,
  },
  requirements: { includes: ['tracking_number'], excludes: ['photos'] },
  quotes: ['YOU HAVE 30 DAYS   from delivery', 'we answer within 2 business days'],
  lines: [{ id: 'L1', outcome: 'approved', resolutions: { includes: ['refund'] }, itemsRefundable: 5900 }],
};

function policyWith(examples: PolicyInput['examples']): Policy {
  return PolicySchema.parse({
    loupe: 1,
    id: 'sample',
    version: '1',
    name: 'Sample',
    profile: {
      country: 'US',
      timeZone: 'America/New_York',
      currency: 'USD',
      businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: { country: 'US' },
    },
    responseTime: { id: 'respond', quote: 'We answer within 2 business days.', businessDays: 2 },
    clauses: [
      {
        id: 'window-closed',
        quote: 'Requests made after this period will not be accepted.',
        when: { request: ['return'], after: { from: 'delivery', days: 30 } },
        then: { outcome: 'denied' },
      },
      {
        id: 'thirty-day-return',
        quote: 'You have 30 days from delivery to return an item.',
        when: { request: ['return'], within: { from: 'delivery', days: 30 } },
        then: {
          outcome: 'approved',
          resolutions: ['refund', 'exchange'],
          refund: 'full',
          returnRequired: true,
          returnShipping: 'customer',
          requirements: ['tracking_number'],
        },
      },
    ],
    fallback: { id: 'contact', quote: 'Write to us.' },
    examples,
  });
}

const run = (examples: PolicyInput['examples']) => runExamples(policyWith(examples));

describe('runExamples', () => {
  it('passes an example whose decision shows everything it expects', () => {
    expect(run([{ name: 'a return on day 6', case: returnCase, expect: fullExpect }])).toEqual([
      { name: 'a return on day 6', path: ['examples', 0], status: 'pass', failures: [], issues: [] },
    ]);
  });

  it('gives the shop the policy id when the case names none, and accepts deadlines within a second', () => {
    const [result] = run([
      { name: 'close enough', case: returnCase, expect: { deadlines: { requestBy: '2026-06-04T03:59:59.000Z' } } },
    ]);
    expect(result?.status).toBe('pass');
  });

  it('fails with one sentence per difference', () => {
    const [result] = run([
      {
        name: 'a return on day 31',
        case: { ...returnCase, now: '2026-06-04T10:00:00-04:00' },
        expect: {
          outcome: 'approved',
          resolutions: { includes: ['refund'] },
          money: { itemsRefundable: 5900 },
          deadlines: { requestBy: '2026-06-03T23:59:57.999-04:00' },
          quotes: ['You have 30 days from delivery'],
          lines: [{ id: 'L2', outcome: 'approved' }],
        },
      },
    ]);
    expect(result?.status).toBe('fail');
    expect(result?.failures).toEqual([
      'outcome: expected "approved", got "denied"',
      'resolutions: expected to include refund, got []',
      'money.itemsRefundable: expected 5900, got 0',
      'deadlines.requestBy: expected 2026-06-03T23:59:57.999-04:00, got 2026-06-03T23:59:59.999-04:00 (+2 s)',
      'quotes: expected a reason quoting "You have 30 days from delivery", got ' +
        '"requests made after this period will not be accepted.", "we answer within 2 business days."',
      'lines[L2]: expected a line decision, got none (lines: [L1])',
    ]);
  });

  it('reports an expectation that breaks its schema as invalid, naming the field', () => {
    const [result] = run([
      { name: 'typo', case: returnCase, expect: { outcome: 'approve', money: { itemsRefundible: 5900 } } },
    ]);
    expect(result?.status).toBe('invalid');
    expect(result?.issues.map((i) => i.path)).toEqual([
      ['examples', 0, 'expect', 'outcome'],
      ['examples', 0, 'expect', 'money'],
    ]);
    expect(result?.failures[1]).toMatch(/^expect\.money: .*itemsRefundible/);
  });

  it('reports a case that breaks the contract, or names a line the order lacks, as invalid', () => {
    const { placedAt: _, ...order } = returnCase.order;
    const results = run([
      { name: 'no placedAt', case: { ...returnCase, order }, expect: {} },
      { name: 'no such line', case: { ...returnCase, request: { ...returnCase.request, lines: ['L9'] } }, expect: {} },
      { name: 'another shop', case: { ...returnCase, shop: 'elsewhere' }, expect: {} },
    ]);
    expect(results.map((r) => r.status)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(results.map((r) => r.issues[0]?.path)).toEqual([
      ['examples', 0, 'case', 'order', 'placedAt'],
      ['examples', 1, 'case', 'request', 'lines', 0],
      ['examples', 2, 'case', 'shop'],
    ]);
    expect(results[1]?.failures).toEqual(['case.request.lines[0]: no line "L9" in order.lines']);
  });
});
