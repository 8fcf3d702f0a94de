import { describe, expect, it } from 'vitest';
import { runExamples } from '../src/domain/policy/run-examples.ts';
import {
  citedClauses,
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

// Amijose: a British shop (Europe/London: GMT in winter, BST from 29 March to 25 October 2026), prices in GBP.
const SHOP = 'amijose';
const PLACED = '2026-05-01T10:00:00+01:00';
const DELIVERED = '2026-05-05T11:00:00+01:00'; // a Tuesday
const END_OF_DAY_30 = '2026-06-04T23:59:59.999+01:00';
const END_OF_DAY_60 = '2026-07-04T23:59:59.999+01:00';
const RING_PRICE = 8900;
const SHIPPING = 450;

type OrderInput = PartialCase['order'];
type RequestInput = PartialCase['request'];
type LineInput = OrderInput['lines'][number];
type Facts = { now: string; order?: Partial<OrderInput>; request?: Partial<RequestInput> };

const RING: LineInput = {
  id: 'L1',
  sku: 'AJ-R-ETERNITY',
  title: 'Eternity Ring',
  category: 'ring',
  unitPrice: RING_PRICE,
  quantity: 1,
};
const EARRINGS: LineInput = {
  id: 'L2',
  sku: 'AJ-E-STUD',
  title: 'Birthstone Studs',
  category: 'earrings',
  unitPrice: 4200,
  quantity: 1,
};
const NAME_NECKLACE: LineInput = {
  id: 'L3',
  sku: 'AJ-N-NAME',
  title: 'Personalised Name Necklace',
  category: 'necklace',
  personalized: true,
  unitPrice: 7500,
  quantity: 1,
};
const GIFT_CARD: LineInput = { id: 'L4', title: 'Gift Card', category: 'gift_card', unitPrice: 5000, quantity: 1 };

const UNWORN = { used: false, worn: false, damagedByCustomer: false, originalPackaging: true };

/** A ring delivered in England, paid by card; overrides per test. */
function amijoseCase({ now, order, request }: Facts): PartialCase {
  return {
    now,
    order: {
      number: 'AMI-20417',
      placedAt: PLACED,
      currency: 'GBP',
      destinationCountry: 'GB',
      paymentMethod: 'card',
      shippingPaid: SHIPPING,
      shippedAt: '2026-05-02T15:00:00+01:00',
      deliveredAt: DELIVERED,
      carrier: { name: 'Royal Mail', trackingNumber: 'RM123456785GB' },
      lines: [RING],
      ...order,
    },
    request: { type: 'return', lines: ['L1'], reason: 'changed_mind', condition: UNWORN, ...request },
  };
}

/** The order as it stands just after it was placed: nothing shipped yet. */
const JUST_PLACED: Partial<OrderInput> = { shippedAt: null, deliveredAt: null };
const CANCEL: Partial<RequestInput> = { type: 'cancel', condition: undefined };

type Given = Facts & { expect: Expectation };
type Row = Given & { name: string };
type DecidingRow = Row & { clause: string; expect: Expectation & Required<Pick<Expectation, 'outcome'>> };

const NOTHING = { exactly: [] };
const FULL_REFUND = { exactly: ['refund', 'exchange', 'store_credit'] };
const NO_REFUND = { exactly: ['exchange', 'store_credit'] };

const DECIDING: DecidingRow[] = [
  {
    name: 'refuses the return of a purchased gift card',
    clause: 'gift-cards-final',
    now: '2026-05-08T10:00:00+01:00',
    order: { lines: [GIFT_CARD] },
    request: { lines: ['L4'] },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      money: { itemsRefundable: 0 },
      quotes: ['Purchased Gift Cards are non-returnable and non-refundable'],
    },
  },
  {
    name: 'does not cancel a gift card bought an hour ago: non-refundable',
    clause: 'gift-cards-final',
    now: '2026-05-01T11:00:00+01:00',
    order: { ...JUST_PLACED, lines: [GIFT_CARD] },
    request: { ...CANCEL, lines: ['L4'] },
    expect: { outcome: 'denied', resolutions: NOTHING },
  },
  {
    name: 'cannot cancel an order already shipped, even within 2 hours: it must be returned',
    clause: 'cancel-after-shipping',
    now: '2026-05-01T11:30:00+01:00',
    order: { shippedAt: '2026-05-01T11:00:00+01:00', deliveredAt: null },
    request: CANCEL,
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      quotes: ['If your order has already been shipped, you will need to return the items to us'],
    },
  },
  {
    name: 'cancels an order 1 h 59 min after placing it, refunding goods and shipping',
    clause: 'cancel-within-2-hours',
    now: '2026-05-01T11:59:00+01:00',
    order: JUST_PLACED,
    request: CANCEL,
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['cancel'] },
      returnRequired: false,
      returnShippingPaidBy: null,
      money: { itemsRefundable: RING_PRICE, shippingRefundable: SHIPPING, restockingFee: 0, customerCharges: 0 },
      deadlines: { requestBy: '2026-05-01T12:00:00.000+01:00', returnBy: null },
      quotes: ['please contact us up to 2 hours after placing it'],
    },
  },
  {
    name: 'cannot cancel an order 2 h 1 min after placing it',
    clause: 'cancel-after-2-hours',
    now: '2026-05-01T12:01:00+01:00',
    order: JUST_PLACED,
    request: CANCEL,
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      money: { itemsRefundable: 0, shippingRefundable: 0 },
      deadlines: { requestBy: '2026-05-01T12:00:00.000+01:00' },
      quotes: ['please contact us up to 2 hours after placing it'],
    },
  },
  {
    name: 'refunds in full or exchanges a defective ring reported on day 10',
    clause: 'faulty-within-30-days',
    now: '2026-05-15T10:00:00+01:00',
    request: { reason: 'defective' },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['refund', 'exchange'] },
      money: { itemsRefundable: RING_PRICE, restockingFee: 0 },
      deadlines: { requestBy: END_OF_DAY_30 },
      quotes: ['Jewelry pieces are eligible for a full refund, if within 30 days of delivery'],
    },
  },
  {
    name: 'refunds faulty earrings within 30 days: earrings are returnable when faulty',
    clause: 'faulty-within-30-days',
    now: '2026-05-15T10:00:00+01:00',
    order: { lines: [EARRINGS] },
    request: { lines: ['L2'], reason: 'arrived_damaged' },
    expect: { outcome: 'approved', resolutions: { includes: ['refund'] }, money: { itemsRefundable: 4200 } },
  },
  {
    name: 'refunds a personalised necklace sent incorrectly designed: personalised pieces come back when faulty',
    clause: 'faulty-within-30-days',
    now: '2026-05-15T10:00:00+01:00',
    order: { lines: [NAME_NECKLACE] },
    request: { lines: ['L3'], reason: 'wrong_item_sent' },
    expect: { outcome: 'approved', resolutions: { includes: ['refund'] }, money: { itemsRefundable: 7500 } },
  },
  {
    name: 'leaves a ring damaged on day 31 to the team, to exchange if under warranty',
    clause: 'faulty-under-warranty',
    now: '2026-06-05T10:00:00+01:00',
    request: { type: 'warranty', reason: 'broken' },
    expect: {
      outcome: 'needs_review',
      resolutions: { exactly: ['exchange'] },
      money: { itemsRefundable: 0 },
      quotes: ['In case of a damaged item (if under warranty), we will exchange your item for a new one'],
    },
  },
  {
    name: 'refuses a return on day 61 after delivery',
    clause: 'sixty-day-window-closed',
    now: '2026-07-05T00:00:00+01:00',
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      deadlines: { requestBy: END_OF_DAY_60 },
      quotes: ['new, unworn items can be returned to Amijose within 60 days of delivery'],
    },
  },
  {
    name: 'refuses a worn ring: only new, unworn items come back',
    clause: 'new-and-unworn',
    now: '2026-05-08T10:00:00+01:00',
    request: { condition: { ...UNWORN, worn: true } },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['new, unworn items can be returned'] },
  },
  {
    name: 'refuses a used ring',
    clause: 'new-and-unworn',
    now: '2026-05-08T10:00:00+01:00',
    request: { condition: { ...UNWORN, used: true } },
    expect: { outcome: 'denied', resolutions: NOTHING },
  },
  {
    name: 'neither refunds nor exchanges unworn earrings on change of mind',
    clause: 'earrings-not-returnable',
    now: '2026-05-08T10:00:00+01:00',
    order: { lines: [EARRINGS] },
    request: { lines: ['L2'] },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      quotes: ['personalised products and earrings are not able to be refunded or exchanged (unless faulty)'],
    },
  },
  {
    name: 'takes back a personalised necklace on change of mind for store credit only',
    clause: 'personalised-store-credit',
    now: '2026-05-15T10:00:00+01:00',
    order: { lines: [NAME_NECKLACE] },
    request: { lines: ['L3'] },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['store_credit'] },
      returnRequired: true,
      money: { itemsRefundable: 7500, shippingRefundable: 0 },
      deadlines: { requestBy: END_OF_DAY_60 },
      quotes: ['they can either be returned for exchange or store credit'],
    },
  },
  {
    name: 'refunds in full an unworn ring returned on day 30',
    clause: 'full-refund-30-days',
    now: '2026-06-04T10:00:00+01:00',
    expect: {
      outcome: 'approved',
      resolutions: FULL_REFUND,
      returnRequired: true,
      money: { itemsRefundable: RING_PRICE, shippingRefundable: 0, restockingFee: 0 },
      deadlines: { requestBy: END_OF_DAY_30, returnBy: null, shopRespondsBy: null, resolutionBy: null },
      quotes: ['Non-personalized pieces are eligible for a full refund, if within 30 days of delivery'],
    },
  },
  {
    name: 'offers an exchange or store credit, no refund, for an unworn ring returned on day 31',
    clause: 'returns-60-days',
    now: '2026-06-05T10:00:00+01:00',
    expect: {
      outcome: 'approved',
      resolutions: NO_REFUND,
      returnRequired: true,
      money: { itemsRefundable: RING_PRICE },
      deadlines: { requestBy: END_OF_DAY_60 },
      quotes: ['unworn items can be returned to Amijose within 60 days of delivery'],
    },
  },
];

function check(row: Given) {
  const decision = decisionFor(SHOP, amijoseCase(row));
  expect(problemsWith(SHOP, decision, row.expect)).toEqual([]);
  return decision;
}

describe('Amijose: every clause that decides', () => {
  itEach(DECIDING, (row) => {
    check({ ...row, expect: { ...row.expect, cites: [row.clause] } });
  });

  it('has a case above for every clause with an outcome', () => {
    const covered = new Set(DECIDING.map((r) => r.clause));
    expect(decidingClauseIds(SHOP).filter((id) => !covered.has(id))).toEqual([]);
  });
});

/** Both sides of every window, in London time, across both clock changes of 2026. */
const BOUNDARIES: Row[] = [
  {
    name: 'cancels at 01:44 GMT an order placed at 00:45 BST on the night the clocks go back',
    now: '2026-10-25T01:44:00+00:00',
    order: { ...JUST_PLACED, placedAt: '2026-10-25T00:45:00+01:00' },
    request: CANCEL,
    expect: {
      outcome: 'approved',
      cites: ['cancel-within-2-hours'],
      deadlines: { requestBy: '2026-10-25T01:45:00.000+00:00' },
    },
  },
  {
    name: 'cannot cancel that order at 01:46 GMT, two hours and a minute after placing it',
    now: '2026-10-25T01:46:00+00:00',
    order: { ...JUST_PLACED, placedAt: '2026-10-25T00:45:00+01:00' },
    request: CANCEL,
    expect: { outcome: 'denied', cites: ['cancel-after-2-hours'] },
  },
  {
    name: 'refunds in full a ring returned at 23:59 BST on day 30, counted across the March clock change',
    now: '2026-03-31T22:59:00Z',
    order: { placedAt: '2026-02-25T10:00:00+00:00', shippedAt: null, deliveredAt: '2026-03-01T11:00:00+00:00' },
    expect: {
      outcome: 'approved',
      resolutions: FULL_REFUND,
      cites: ['full-refund-30-days'],
      deadlines: { requestBy: '2026-03-31T23:59:59.999+01:00' },
    },
  },
  {
    name: 'offers no refund for that ring at 00:00 BST on day 31 (23:00 UTC)',
    now: '2026-03-31T23:00:00Z',
    order: { placedAt: '2026-02-25T10:00:00+00:00', shippedAt: null, deliveredAt: '2026-03-01T11:00:00+00:00' },
    expect: {
      outcome: 'approved',
      resolutions: NO_REFUND,
      cites: ['returns-60-days'],
      deadlines: { requestBy: '2026-04-30T23:59:59.999+01:00' },
    },
  },
  {
    name: 'takes back a ring at 23:59 GMT on day 60, counted across the October clock change',
    now: '2026-10-31T23:59:00Z',
    order: { placedAt: '2026-08-28T10:00:00+01:00', shippedAt: null, deliveredAt: '2026-09-01T11:00:00+01:00' },
    expect: {
      outcome: 'approved',
      resolutions: NO_REFUND,
      cites: ['returns-60-days'],
      deadlines: { requestBy: '2026-10-31T23:59:59.999+00:00' },
    },
  },
  {
    name: 'refuses that ring at 00:00 GMT on day 61',
    now: '2026-11-01T00:00:00Z',
    order: { placedAt: '2026-08-28T10:00:00+01:00', shippedAt: null, deliveredAt: '2026-09-01T11:00:00+01:00' },
    expect: { outcome: 'denied', cites: ['sixty-day-window-closed'] },
  },
  {
    name: 'refunds a defective ring at 23:59 on 25 October, day 30, the day the clocks go back',
    now: '2026-10-25T23:59:00+00:00',
    order: { placedAt: '2026-09-20T10:00:00+01:00', shippedAt: null, deliveredAt: '2026-09-25T11:00:00+01:00' },
    request: { reason: 'defective' },
    expect: {
      outcome: 'approved',
      cites: ['faulty-within-30-days'],
      deadlines: { requestBy: '2026-10-25T23:59:59.999+00:00' },
    },
  },
  {
    name: 'leaves that defective ring to the team at 00:00 on day 31',
    now: '2026-10-26T00:00:00+00:00',
    order: { placedAt: '2026-09-20T10:00:00+01:00', shippedAt: null, deliveredAt: '2026-09-25T11:00:00+01:00' },
    request: { reason: 'defective' },
    expect: { outcome: 'needs_review', cites: ['faulty-under-warranty'] },
  },
  {
    name: 'refunds in full on the summer bank holiday when it is day 30',
    now: '2026-08-31T23:59:00+01:00',
    order: { placedAt: '2026-07-28T10:00:00+01:00', shippedAt: null, deliveredAt: '2026-08-01T11:00:00+01:00' },
    expect: {
      outcome: 'approved',
      resolutions: FULL_REFUND,
      deadlines: { requestBy: '2026-08-31T23:59:59.999+01:00' },
    },
  },
  {
    name: 'does not stretch the 30 days past the bank holiday: no refund on 1 September',
    now: '2026-09-01T00:00:00+01:00',
    order: { placedAt: '2026-07-28T10:00:00+01:00', shippedAt: null, deliveredAt: '2026-08-01T11:00:00+01:00' },
    expect: { outcome: 'approved', resolutions: NO_REFUND, cites: ['returns-60-days'] },
  },
  {
    name: 'takes back a personalised necklace for store credit in the last minute of day 60',
    now: '2026-07-04T23:59:00+01:00',
    order: { lines: [NAME_NECKLACE] },
    request: { lines: ['L3'] },
    expect: { outcome: 'approved', cites: ['personalised-store-credit'], deadlines: { requestBy: END_OF_DAY_60 } },
  },
  {
    name: 'refuses a personalised necklace in the first minute of day 61',
    now: '2026-07-05T00:00:00+01:00',
    order: { lines: [NAME_NECKLACE] },
    request: { lines: ['L3'] },
    expect: { outcome: 'denied', cites: ['sixty-day-window-closed'] },
  },
  {
    name: 'counts from the London date of a delivery at 00:30 BST (23:30 UTC the day before)',
    now: '2026-06-04T23:59:00+01:00',
    order: { deliveredAt: '2026-05-04T23:30:00Z' },
    expect: { outcome: 'approved', resolutions: FULL_REFUND, deadlines: { requestBy: END_OF_DAY_30 } },
  },
];

describe('Amijose: both sides of each window', () => {
  itEach(BOUNDARIES, (row) => {
    check(row);
  });
});

describe('Amijose: money and who pays the return', () => {
  it('refunds only the bracelet sent back of two, after the line discount', () => {
    const bracelets: LineInput = {
      id: 'L5',
      title: 'Bar Bracelet',
      category: 'bracelet',
      unitPrice: 3100,
      quantity: 2,
      discount: 200,
    };
    // 2 × 31.00 − 2.00 = 60.00 for two; one comes back: 30.00
    check({
      now: '2026-05-10T10:00:00+01:00',
      order: { lines: [bracelets] },
      request: { lines: ['L5'], lineDetails: [{ id: 'L5', quantity: 1 }] },
      expect: {
        outcome: 'approved',
        resolutions: FULL_REFUND,
        money: { itemsRefundable: 3000, shippingRefundable: 0, restockingFee: 0 },
        lines: [{ id: 'L5', itemsRefundable: 3000 }],
      },
    });
  });

  it('refunds every line and the shipping of an order cancelled within 2 hours', () => {
    check({
      now: '2026-05-01T10:30:00+01:00',
      order: { ...JUST_PLACED, lines: [RING, NAME_NECKLACE] },
      request: { ...CANCEL, lines: ['L1', 'L3'] },
      expect: {
        outcome: 'approved',
        money: { itemsRefundable: RING_PRICE + 7500, shippingRefundable: SHIPPING },
        lines: [
          { id: 'L1', outcome: 'approved' },
          { id: 'L3', outcome: 'approved' },
        ],
      },
    });
  });

  it('never promises to pay the postage of a return: the customer prints the label and keeps proof of postage', () => {
    const decision = check({ now: '2026-05-10T10:00:00+01:00', expect: { outcome: 'approved' } });
    expect(decision.returnShippingPaidBy).not.toBe('shop');
  });
});

describe('Amijose: what the customer must do, and by when', () => {
  it('asks for a note with the order number and a proof of postage', () => {
    check({
      now: '2026-05-10T10:00:00+01:00',
      expect: {
        requirements: { includes: ['order_number_note', 'proof_of_postage'] },
        quotes: ['along with a note stating your order number, name and address', 'keep your proof of postage'],
      },
    });
  });

  it('asks the same of a faulty piece sent back', () => {
    check({
      now: '2026-05-10T10:00:00+01:00',
      request: { reason: 'tarnished' },
      expect: { outcome: 'approved', requirements: { includes: ['order_number_note', 'proof_of_postage'] } },
    });
  });

  it('states no response time, so the shop owes no reply date, even around a bank holiday', () => {
    check({
      now: '2026-08-28T16:00:00+01:00',
      order: { deliveredAt: '2026-08-20T11:00:00+01:00' },
      expect: { deadlines: { shopRespondsBy: null, resolutionBy: null, returnBy: null } },
    });
  });
});

describe('Amijose: orders over several lines', () => {
  it('ends partial when a ring, earrings and a personalised necklace come back on change of mind', () => {
    const decision = check({
      now: '2026-05-10T10:00:00+01:00',
      order: { lines: [RING, EARRINGS, NAME_NECKLACE] },
      request: { lines: ['L1', 'L2', 'L3'] },
      expect: {
        outcome: 'partial',
        money: { itemsRefundable: RING_PRICE + 7500 },
        lines: [
          { id: 'L1', outcome: 'approved', resolutions: FULL_REFUND, itemsRefundable: RING_PRICE },
          { id: 'L2', outcome: 'denied', resolutions: NOTHING, itemsRefundable: 0 },
          { id: 'L3', outcome: 'approved', resolutions: { exactly: ['store_credit'] }, itemsRefundable: 7500 },
        ],
      },
    });
    expect(citedClauses(decision, 'L2')).toContain('earrings-not-returnable');
    expect(citedClauses(decision, 'L3')).toContain('personalised-store-credit');
  });

  it('refunds the faulty piece and refuses the unworn earrings returned with it', () => {
    check({
      now: '2026-05-10T10:00:00+01:00',
      order: { lines: [RING, EARRINGS] },
      request: { lines: ['L1', 'L2'], lineDetails: [{ id: 'L1', reason: 'defective' }] },
      expect: {
        outcome: 'partial',
        lines: [
          { id: 'L1', outcome: 'approved', resolutions: { includes: ['refund'] } },
          { id: 'L2', outcome: 'denied' },
        ],
      },
    });
  });

  it("counts each parcel's own delivery: a bracelet delivered a month earlier gets no refund", () => {
    const earlyBracelet: LineInput = {
      id: 'L5',
      title: 'Bar Bracelet',
      category: 'bracelet',
      unitPrice: 3100,
      quantity: 1,
      deliveredAt: '2026-04-01T11:00:00+01:00',
    };
    const decision = check({
      now: '2026-05-10T10:00:00+01:00',
      order: { lines: [RING, earlyBracelet] },
      request: { lines: ['L1', 'L5'] },
      expect: {
        lines: [
          { id: 'L1', outcome: 'approved', resolutions: FULL_REFUND },
          { id: 'L5', outcome: 'approved', resolutions: NO_REFUND },
        ],
      },
    });
    expect(citedClauses(decision, 'L5')).toContain('returns-60-days');
  });
});

describe('Amijose: facts the case does not give', () => {
  it('sends a return with no delivery date to review, naming order.deliveredAt', () => {
    const decision = check({
      now: '2026-05-10T10:00:00+01:00',
      order: { deliveredAt: undefined },
      expect: { outcome: 'needs_review', resolutions: NOTHING },
    });
    expect(reasonDetails(decision)).toContain('order.deliveredAt');
  });

  it('sends a damaged piece with no delivery date to review, naming order.deliveredAt', () => {
    const decision = check({
      now: '2026-05-10T10:00:00+01:00',
      order: { deliveredAt: undefined },
      request: { reason: 'arrived_damaged' },
      expect: { outcome: 'needs_review' },
    });
    expect(reasonDetails(decision)).toContain('order.deliveredAt');
  });

  it('refuses a gift card and earrings even when no delivery date is on record', () => {
    check({
      now: '2026-05-10T10:00:00+01:00',
      order: { deliveredAt: undefined, lines: [GIFT_CARD, EARRINGS] },
      request: { lines: ['L4', 'L2'] },
      expect: {
        outcome: 'denied',
        cites: ['gift-cards-final', 'earrings-not-returnable'],
      },
    });
  });

  itEach<{ name: string; request: Partial<RequestInput> }>(
    [
      {
        name: 'leaves an address change, which the page does not foresee, to the team',
        request: { type: 'change_address', reason: undefined },
      },
      {
        name: 'leaves a parcel that never arrived, which the page does not foresee, to the team',
        request: { type: 'report_problem', reason: 'not_received' },
      },
      {
        name: 'leaves a warranty claim on change of mind, which the page does not foresee, to the team',
        request: { type: 'warranty', reason: 'changed_mind' },
      },
    ],
    ({ request }) => {
      const decision = check({
        now: '2026-05-10T10:00:00+01:00',
        request,
        expect: { outcome: 'needs_review', resolutions: NOTHING, cites: [fallbackClauseId(SHOP)] },
      });
      expect(reasonDetails(decision)).toMatch(/no clause covers/);
    },
  );
});

describe("Amijose: the policy's worked examples", () => {
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
