import { describe, expect, it } from 'vitest';
import { runExamples } from '../src/domain/policy/run-examples.ts';
import {
  citedClauses,
  contractErrors,
  decidingClauseIds,
  decisionFor,
  type Expectation,
  fallbackClauseId,
  itEach,
  type PartialCase,
  policyFor,
  problemsWith,
  reasonDetails,
} from './test-helpers.ts';

// Aulso: a Hong Kong shop (Asia/Hong_Kong, no daylight saving) selling worldwide in USD.
const SHOP = 'aulso';
const DELIVERED = '2026-05-11T14:00:00+08:00'; // a Monday, afternoon in Hong Kong
const LAST_MINUTE_OF_DAY_30 = '2026-06-10T23:59:00+08:00';
const FIRST_MINUTE_OF_DAY_31 = '2026-06-11T00:00:00+08:00';
const END_OF_DAY_30 = '2026-06-10T23:59:59.999+08:00';
const FULL_PRICE = 5900;
const SHIPPING = 1200;

type OrderInput = PartialCase['order'];
type RequestInput = PartialCase['request'];
type LineInput = OrderInput['lines'][number];
type Facts = { now: string; order?: Partial<OrderInput>; request?: Partial<RequestInput> };

const BRACELET: LineInput = {
  id: 'L1',
  sku: 'AU-B-TENNIS',
  title: 'Tennis Bracelet',
  category: 'bracelet',
  unitPrice: FULL_PRICE,
  quantity: 1,
};
const EARRINGS: LineInput = {
  id: 'L2',
  sku: 'AU-E-HOOP',
  title: 'Pearl Hoop Earrings',
  category: 'earrings',
  unitPrice: 3900,
  quantity: 1,
};
const RING: LineInput = {
  id: 'L3',
  sku: 'AU-R-BAND',
  title: 'Stacking Band Ring',
  category: 'ring',
  unitPrice: 3800,
  quantity: 1,
};

const UNUSED = { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true };

/** A bracelet shipped from Hong Kong to the US, paid by card; overrides per test. */
function aulsoCase({ now, order, request }: Facts): PartialCase {
  return {
    now,
    order: {
      number: 'AUL-90411',
      placedAt: '2026-05-02T09:00:00+08:00',
      currency: 'USD',
      destinationCountry: 'US',
      paymentMethod: 'card',
      shippingPaid: SHIPPING,
      shippedAt: '2026-05-04T15:00:00+08:00',
      deliveredAt: DELIVERED,
      carrier: { name: 'YunExpress', trackingNumber: 'YT2605041500' },
      lines: [BRACELET],
      ...order,
    },
    request: { type: 'return', lines: ['L1'], reason: 'changed_mind', condition: UNUSED, ...request },
  };
}

type Given = Facts & { expect: Expectation };
type Row = Given & { name: string };
type DecidingRow = Row & { clause: string; expect: Expectation & Required<Pick<Expectation, 'outcome'>> };

const NOTHING = { exactly: [] };
const REFUND_OR_EXCHANGE = { exactly: ['refund', 'exchange'] };

const DECIDING: DecidingRow[] = [
  {
    name: 'refuses a change-of-mind return of an order paid cash on delivery',
    clause: 'cod-not-returnable',
    now: '2026-05-12T10:00:00+08:00',
    order: { paymentMethod: 'cash_on_delivery' },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['Cash on Delivery (COD) returns are not accepted'] },
  },
  {
    name: 'refuses even a defective piece on an order paid cash on delivery',
    clause: 'cod-not-returnable',
    now: '2026-05-20T10:00:00+08:00',
    order: { paymentMethod: 'cash_on_delivery' },
    request: { reason: 'defective' },
    expect: { outcome: 'denied', resolutions: NOTHING },
  },
  {
    name: 'refuses a return submitted without prior approval',
    clause: 'unauthorized-return',
    now: '2026-05-20T10:00:00+08:00',
    request: {
      reason: 'defective',
      returnShipment: { authorized: false, trackingNumber: 'HK123', shippedAt: '2026-05-19T10:00:00+08:00' },
    },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      quotes: ['You submit a return without prior approval', 'Unauthorized returns will not be processed or refunded'],
    },
  },
  {
    name: 'issues no refund for a return sent back without valid tracking information',
    clause: 'untracked-return',
    now: '2026-05-20T10:00:00+08:00',
    request: { reason: 'defective', returnShipment: { authorized: true, shippedAt: '2026-05-19T10:00:00+08:00' } },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      quotes: ['No refund will be issued if we do not receive valid tracking information for your return'],
    },
  },
  {
    name: 'does not accept a defective-piece request made on the 31st day after delivery',
    clause: 'thirty-day-window-closed',
    now: FIRST_MINUTE_OF_DAY_31,
    request: { reason: 'defective' },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      deadlines: { requestBy: END_OF_DAY_30 },
      quotes: ['Requests made after this period will not be accepted'],
    },
  },
  {
    name: 'refuses worn earrings returned on change of mind within 72 hours',
    clause: 'worn-earrings',
    now: '2026-05-12T10:00:00+08:00',
    order: { lines: [EARRINGS] },
    request: { lines: ['L2'], condition: { ...UNUSED, worn: true } },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['for example, worn earrings'] },
  },
  {
    name: 'refuses a used bracelet: not in its original condition',
    clause: 'not-original-condition',
    now: '2026-05-12T10:00:00+08:00',
    request: { condition: { ...UNUSED, used: true } },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['used, damaged, worn, or missing packaging'] },
  },
  {
    name: 'refuses a bracelet the customer damaged, even within 72 hours',
    clause: 'not-original-condition',
    now: '2026-05-12T10:00:00+08:00',
    request: { condition: { ...UNUSED, damagedByCustomer: true } },
    expect: { outcome: 'denied', resolutions: NOTHING },
  },
  {
    name: 'refuses a bracelet sent back without its original packaging',
    clause: 'not-original-condition',
    now: '2026-05-12T10:00:00+08:00',
    request: { condition: { ...UNUSED, originalPackaging: false } },
    expect: { outcome: 'denied', resolutions: NOTHING },
  },
  {
    name: 'refuses a bracelet whose tags are no longer intact',
    clause: 'tags-intact',
    now: '2026-05-12T10:00:00+08:00',
    request: { condition: { ...UNUSED, tagsAttached: false } },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['in original packaging with tags intact'] },
  },
  {
    name: 'refuses a ring whose wrong size the customer selected, even within 72 hours',
    clause: 'customer-selected-wrong-size',
    now: '2026-05-12T10:00:00+08:00',
    order: { lines: [RING] },
    request: { lines: ['L3'], reason: 'wrong_size_ordered' },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      quotes: ['The wrong size or color was selected by the customer'],
    },
  },
  {
    name: 'refuses an exchange for a colour the customer selected',
    clause: 'customer-selected-wrong-size',
    now: '2026-05-20T10:00:00+08:00',
    request: { type: 'exchange', reason: 'wrong_color_ordered' },
    expect: { outcome: 'denied', resolutions: NOTHING },
  },
  {
    name: 'gives a full refund or free exchange when the wrong item was received, shipping included',
    clause: 'our-error-or-faulty',
    now: '2026-05-25T10:00:00+08:00',
    request: { reason: 'wrong_item_sent' },
    expect: {
      outcome: 'approved',
      resolutions: REFUND_OR_EXCHANGE,
      returnRequired: true,
      returnShippingPaidBy: 'shop',
      money: { itemsRefundable: FULL_PRICE, shippingRefundable: SHIPPING, restockingFee: 0, customerCharges: 0 },
      deadlines: { requestBy: END_OF_DAY_30, returnBy: null, resolutionBy: null },
      quotes: ['You received the wrong item, size, or color', 'we will cover the return shipping cost'],
    },
  },
  {
    name: 'gives a full refund or free exchange for a bracelet that arrived damaged',
    clause: 'our-error-or-faulty',
    now: '2026-05-12T10:00:00+08:00',
    request: { reason: 'arrived_damaged' },
    expect: {
      outcome: 'approved',
      resolutions: REFUND_OR_EXCHANGE,
      returnShippingPaidBy: 'shop',
      money: { itemsRefundable: FULL_PRICE, shippingRefundable: SHIPPING },
      quotes: [
        'Your item arrived damaged, defective, or with a significant color discrepancy',
        'Original shipping fees are non-refundable unless the return is due to our error',
      ],
    },
  },
  {
    name: 'exchanges for free a bracelet with a significant color discrepancy',
    clause: 'our-error-or-faulty',
    now: '2026-06-01T10:00:00+08:00',
    request: { type: 'exchange', reason: 'color_discrepancy' },
    expect: { outcome: 'approved', resolutions: REFUND_OR_EXCHANGE, returnShippingPaidBy: 'shop' },
  },
  {
    name: 'accepts the return of a ring sent in the wrong size on day 20',
    clause: 'our-error-or-faulty',
    now: '2026-05-31T10:00:00+08:00',
    order: { lines: [RING] },
    request: { lines: ['L3'], reason: 'wrong_size_sent' },
    expect: { outcome: 'approved', resolutions: REFUND_OR_EXCHANGE, money: { itemsRefundable: 3800 } },
  },
  {
    name: 'accepts a change-of-mind return 71 h 59 min after delivery and covers its return shipping',
    clause: 'change-of-mind-72h',
    now: '2026-05-14T13:59:00+08:00',
    expect: {
      outcome: 'approved',
      resolutions: REFUND_OR_EXCHANGE,
      returnRequired: true,
      returnShippingPaidBy: 'shop',
      money: { itemsRefundable: FULL_PRICE, shippingRefundable: 0, restockingFee: 0 },
      deadlines: { requestBy: '2026-05-14T14:00:00.000+08:00', returnBy: null, resolutionBy: null },
      quotes: ['you may return eligible items within 72 hours of receiving them', "we'll cover the return shipping"],
    },
  },
  {
    name: 'accepts a piece that is not as expected within 72 hours as a change of mind',
    clause: 'change-of-mind-72h',
    now: '2026-05-12T09:00:00+08:00',
    request: { reason: 'not_as_expected' },
    expect: { outcome: 'approved', resolutions: REFUND_OR_EXCHANGE, returnShippingPaidBy: 'shop' },
  },
  {
    name: 'refuses a change-of-mind return 72 h 1 min after delivery',
    clause: 'change-of-mind-after-72h',
    now: '2026-05-14T14:01:00+08:00',
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      deadlines: { requestBy: '2026-05-14T14:00:00.000+08:00' },
      quotes: ['within 72 hours of receiving them'],
    },
  },
  {
    name: 'accepts within 30 days a return for another reason, the customer paying the return shipping',
    clause: 'thirty-day-return',
    now: '2026-05-30T10:00:00+08:00',
    request: { reason: 'other' },
    expect: {
      outcome: 'approved',
      resolutions: REFUND_OR_EXCHANGE,
      returnRequired: true,
      returnShippingPaidBy: 'customer',
      money: { itemsRefundable: FULL_PRICE, shippingRefundable: 0 },
      deadlines: { requestBy: END_OF_DAY_30 },
      quotes: ['You have 30 days from the date of delivery to request a return or exchange'],
    },
  },
];

function check(row: Given) {
  const decision = decisionFor(SHOP, aulsoCase(row));
  expect(problemsWith(SHOP, decision, row.expect)).toEqual([]);
  return decision;
}

describe('Aulso: every clause that decides', () => {
  itEach(DECIDING, (row) => {
    check({ ...row, expect: { ...row.expect, cites: [row.clause] } });
  });

  it('has a case above for every clause with an outcome', () => {
    const covered = new Set(DECIDING.map((r) => r.clause));
    expect(decidingClauseIds(SHOP).filter((id) => !covered.has(id))).toEqual([]);
  });
});

/** Both sides of every window, in Hong Kong time whatever the customer's clock says. */
const BOUNDARIES: Row[] = [
  {
    name: 'accepts a change-of-mind return at 71 h 59 min, asked on a UTC clock',
    now: '2026-05-14T05:59:00Z',
    expect: { outcome: 'approved', cites: ['change-of-mind-72h'] },
  },
  {
    name: 'accepts a change-of-mind return at exactly 72 h',
    now: '2026-05-14T14:00:00+08:00',
    expect: { outcome: 'approved', cites: ['change-of-mind-72h'] },
  },
  {
    name: 'refuses a change-of-mind return at 72 h 1 min, asked from Los Angeles',
    now: '2026-05-13T23:01:00-07:00',
    expect: { outcome: 'denied', cites: ['change-of-mind-after-72h'] },
  },
  {
    name: 'accepts a wrong item reported in the last minute of the 30th day, Hong Kong time',
    now: LAST_MINUTE_OF_DAY_30,
    request: { reason: 'wrong_item_sent' },
    expect: { outcome: 'approved', cites: ['our-error-or-faulty'], deadlines: { requestBy: END_OF_DAY_30 } },
  },
  {
    name: 'refuses a wrong item reported in the first minute of the 31st day, Hong Kong time',
    now: FIRST_MINUTE_OF_DAY_31,
    request: { reason: 'wrong_item_sent' },
    expect: { outcome: 'denied', cites: ['thirty-day-window-closed'] },
  },
  {
    name: 'accepts a defective piece at 08:59 in Los Angeles, still day 30 in Hong Kong',
    now: '2026-06-10T08:59:00-07:00',
    request: { reason: 'defective' },
    expect: { outcome: 'approved', cites: ['our-error-or-faulty'] },
  },
  {
    name: 'refuses a defective piece at 09:00 in Los Angeles, already day 31 in Hong Kong',
    now: '2026-06-10T09:00:00-07:00',
    request: { reason: 'defective' },
    expect: { outcome: 'denied', cites: ['thirty-day-window-closed'] },
  },
  {
    name: 'accepts a return for another reason in the last minute of the 30th day (15:59 UTC)',
    now: '2026-06-10T15:59:00Z',
    request: { reason: 'other' },
    expect: { outcome: 'approved', cites: ['thirty-day-return'], deadlines: { requestBy: END_OF_DAY_30 } },
  },
  {
    name: 'refuses a return for another reason at local midnight starting the 31st day (16:00 UTC)',
    now: '2026-06-10T16:00:00Z',
    request: { reason: 'other' },
    expect: { outcome: 'denied', cites: ['thirty-day-window-closed'], deadlines: { requestBy: END_OF_DAY_30 } },
  },
  {
    name: 'counts 30 days from a delivery late in the Hong Kong evening by the Hong Kong date',
    now: '2026-06-09T23:59:00+08:00',
    order: { deliveredAt: '2026-05-10T15:30:00Z' }, // 23:30 on 10 May in Hong Kong
    request: { reason: 'defective' },
    expect: { outcome: 'approved', deadlines: { requestBy: '2026-06-09T23:59:59.999+08:00' } },
  },
];

describe('Aulso: both sides of each window', () => {
  itEach(BOUNDARIES, (row) => {
    check(row);
  });
});

describe('Aulso: money and who pays the return', () => {
  it('refunds only the units sent back, after the line discount, for rings sent in the wrong size', () => {
    const rings: LineInput = { ...RING, quantity: 3, discount: 600 }; // 3 × 38.00 − 6.00 = 108.00
    const decision = check({
      now: '2026-05-20T10:00:00+08:00',
      order: { lines: [rings] },
      request: { lines: ['L3'], reason: 'wrong_size_sent', lineDetails: [{ id: 'L3', quantity: 2 }] },
      // Two of the three rings come back: two thirds of the outbound shipping with them.
      expect: {
        outcome: 'approved',
        money: { itemsRefundable: 7200, shippingRefundable: Math.round((SHIPPING * 7200) / 10800), restockingFee: 0 },
      },
    });
    expect(decision.lines).toMatchObject([{ id: 'L3', itemsRefundable: 7200 }]);
  });

  it('charges no restocking fee and refunds no original shipping on a change of mind', () => {
    check({
      now: '2026-05-12T10:00:00+08:00',
      expect: { money: { restockingFee: 0, shippingRefundable: 0, customerCharges: 0 }, returnShippingPaidBy: 'shop' },
    });
  });

  it('keeps the original shipping and lets the customer pay the return for a return that is not our error', () => {
    check({
      now: '2026-05-25T10:00:00+08:00',
      request: { reason: 'other' },
      expect: {
        returnShippingPaidBy: 'customer',
        money: { shippingRefundable: 0 },
        quotes: ['the customer is responsible for return shipping costs', 'Original shipping fees are non-refundable'],
      },
    });
  });

  it('refunds nothing for a refused return', () => {
    check({
      now: '2026-05-20T10:00:00+08:00',
      request: { reason: 'wrong_size_ordered' },
      expect: { outcome: 'denied', money: { itemsRefundable: 0, shippingRefundable: 0, restockingFee: 0 } },
    });
  });
});

describe('Aulso: what the customer must do', () => {
  it('asks for prior authorization, tracking, unused goods in original packaging with tags, and inspection', () => {
    check({
      now: '2026-05-12T10:00:00+08:00',
      expect: {
        requirements: {
          includes: [
            'prior_authorization',
            'tracking_number',
            'original_packaging',
            'tags_attached',
            'unworn',
            'inspection',
          ],
        },
        quotes: ['Submit a Request: Email us at help@aulso.com', 'Once your return is received and inspected'],
      },
    });
  });

  it('asks for prior authorization and tracking on a faulty-piece return too', () => {
    check({
      now: '2026-05-25T10:00:00+08:00',
      request: { reason: 'defective' },
      expect: { requirements: { includes: ['prior_authorization', 'tracking_number', 'inspection'] } },
    });
  });
});

/** "Our support team will respond within 1 to 2 business days": Hong Kong working days, by the local date. */
const RESPONSE_TIMES: { name: string; now: string; deliveredAt: string; respondsBy: string }[] = [
  {
    name: 'answers a Monday-night request by Thursday 2 July, skipping the 1 July holiday',
    now: '2026-06-29T23:30:00+08:00',
    deliveredAt: '2026-06-22T12:00:00+08:00',
    respondsBy: '2026-07-02T23:59:59.999+08:00',
  },
  {
    name: 'answers a request made 00:30 Tuesday in Hong Kong (Monday in UTC) by Friday 3 July',
    now: '2026-06-29T16:30:00Z',
    deliveredAt: '2026-06-22T12:00:00+08:00',
    respondsBy: '2026-07-03T23:59:59.999+08:00',
  },
  {
    name: 'answers a request made the day before National Day by Monday 5 October',
    now: '2026-09-30T10:00:00+08:00',
    deliveredAt: '2026-09-21T12:00:00+08:00',
    respondsBy: '2026-10-05T23:59:59.999+08:00',
  },
  {
    name: 'answers a Friday request by Tuesday, skipping the weekend',
    now: '2026-05-15T10:00:00+08:00',
    deliveredAt: '2026-05-11T12:00:00+08:00',
    respondsBy: '2026-05-19T23:59:59.999+08:00',
  },
];

describe('Aulso: deadlines', () => {
  itEach(RESPONSE_TIMES, ({ now, deliveredAt, respondsBy }) => {
    check({
      now,
      order: { deliveredAt },
      request: { reason: 'defective' },
      expect: {
        deadlines: { shopRespondsBy: respondsBy, returnBy: null, resolutionBy: null },
        quotes: ['Our support team will respond within 1 to 2 business days'],
      },
    });
  });

  it('sets no resolution date before the return is received and inspected', () => {
    check({
      now: '2026-05-25T10:00:00+08:00',
      request: { reason: 'wrong_item_sent' },
      expect: { deadlines: { resolutionBy: null } },
    });
  });
});

describe('Aulso: orders over several lines', () => {
  it('ends partial when a defective bracelet comes back with a ring the customer chose in the wrong size', () => {
    const decision = check({
      now: '2026-05-20T10:00:00+08:00',
      order: { lines: [BRACELET, RING] },
      request: {
        lines: ['L1', 'L3'],
        reason: 'defective',
        lineDetails: [{ id: 'L3', reason: 'wrong_size_ordered' }],
      },
      expect: {
        outcome: 'partial',
        resolutions: REFUND_OR_EXCHANGE,
        money: { itemsRefundable: FULL_PRICE },
        lines: [
          { id: 'L1', outcome: 'approved', resolutions: REFUND_OR_EXCHANGE, itemsRefundable: FULL_PRICE },
          { id: 'L3', outcome: 'denied', resolutions: NOTHING, itemsRefundable: 0 },
        ],
      },
    });
    expect(citedClauses(decision, 'L1')).toContain('our-error-or-faulty');
    expect(citedClauses(decision, 'L3')).toContain('customer-selected-wrong-size');
  });

  it('counts 72 hours from each parcel: an earlier-delivered ring is out while the bracelet is in', () => {
    const earlyRing: LineInput = { ...RING, deliveredAt: '2026-05-08T10:00:00+08:00' };
    const decision = check({
      now: '2026-05-12T10:00:00+08:00',
      order: { lines: [BRACELET, earlyRing] },
      request: { lines: ['L1', 'L3'] },
      expect: {
        outcome: 'partial',
        lines: [
          { id: 'L1', outcome: 'approved', itemsRefundable: FULL_PRICE },
          { id: 'L3', outcome: 'denied', itemsRefundable: 0 },
        ],
      },
    });
    expect(citedClauses(decision, 'L3')).toContain('change-of-mind-after-72h');
  });

  it("counts a line's own later delivery date over the order's", () => {
    const lateRing: LineInput = { ...RING, deliveredAt: '2026-05-20T10:00:00+08:00' };
    check({
      now: '2026-05-22T10:00:00+08:00',
      order: { lines: [lateRing] },
      request: { lines: ['L3'] },
      expect: {
        outcome: 'approved',
        cites: ['change-of-mind-72h'],
        deadlines: { requestBy: '2026-05-23T10:00:00.000+08:00' },
      },
    });
  });
});

describe('Aulso: facts the case does not give', () => {
  it('sends a defective-piece return with no delivery date to review, naming order.deliveredAt', () => {
    const decision = check({
      now: '2026-05-20T10:00:00+08:00',
      order: { deliveredAt: undefined },
      request: { reason: 'defective' },
      expect: { outcome: 'needs_review', resolutions: NOTHING },
    });
    expect(reasonDetails(decision)).toContain('order.deliveredAt');
  });

  it("sends a return to review when the line's own delivery date is unknown", () => {
    const decision = check({
      now: '2026-05-20T10:00:00+08:00',
      order: { lines: [{ ...BRACELET, deliveredAt: null }] },
      expect: { outcome: 'needs_review', resolutions: NOTHING },
    });
    expect(reasonDetails(decision)).toContain('deliveredAt');
  });

  it('refuses worn earrings even when no delivery date is on record', () => {
    check({
      now: '2026-05-20T10:00:00+08:00',
      order: { deliveredAt: undefined, lines: [EARRINGS] },
      request: { lines: ['L2'], condition: { ...UNUSED, worn: true } },
      expect: { outcome: 'denied', cites: ['worn-earrings'] },
    });
  });

  itEach<{ name: string; request: Partial<RequestInput> }>(
    [
      {
        name: 'leaves a warranty claim, which the page does not foresee, to the support team',
        request: { type: 'warranty', reason: 'defective' },
      },
      {
        name: 'leaves a cancellation, which the page does not foresee, to the support team',
        request: { type: 'cancel', reason: 'changed_mind' },
      },
      {
        name: 'leaves a problem reported on change of mind, which the page does not foresee, to the support team',
        request: { type: 'report_problem', reason: 'changed_mind' },
      },
    ],
    ({ request }) => {
      const decision = check({
        now: '2026-05-12T10:00:00+08:00',
        request,
        expect: { outcome: 'needs_review', resolutions: NOTHING, cites: [fallbackClauseId(SHOP)] },
      });
      expect(reasonDetails(decision)).toMatch(/no clause covers/);
    },
  );

  it('answers a bare return with no reason, condition or delivery date without throwing', () => {
    check({
      now: '2026-05-12T10:00:00+08:00',
      order: { deliveredAt: undefined, paymentMethod: undefined },
      request: { reason: undefined, condition: undefined },
      expect: { outcome: 'needs_review' },
    });
  });
});

describe('Aulso: the contract', () => {
  it('checks decisions against decision.schema.json', () => {
    const decision = decisionFor(SHOP, aulsoCase({ now: '2026-05-12T10:00:00+08:00' }));
    expect(contractErrors(decision)).toEqual([]);
    expect(contractErrors({ ...decision, reasons: [] })).not.toEqual([]);
    expect(contractErrors({ ...decision, deadlines: { ...decision.deadlines, requestBy: 'next week' } })).not.toEqual(
      [],
    );
  });

  it('refuses a case naming a line the order does not have', () => {
    expect(() =>
      decisionFor(SHOP, aulsoCase({ now: '2026-05-12T10:00:00+08:00', request: { lines: ['L9'] } })),
    ).toThrow(/no line "L9"/);
  });
});

describe("Aulso: the policy's worked examples", () => {
  const results = runExamples(policyFor(SHOP));
  it('keeps four to six worked examples', () => {
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.length).toBeLessThanOrEqual(6);
  });
  itEach(results, (result) => {
    expect(result.failures).toEqual([]);
    expect(result.status).toBe('pass');
  });
});
