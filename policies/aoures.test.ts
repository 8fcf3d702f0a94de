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

// Aoures: a US shop (America/Los_Angeles, with daylight saving) of ready-to-ship and made-to-order pieces.
const SHOP = 'aoures';
const DELIVERED = '2026-04-06T12:00:00-07:00'; // a Monday
const END_OF_DAY_7 = '2026-04-13T23:59:59.999-07:00';
const END_OF_DAY_90 = '2026-07-05T23:59:59.999-07:00';
const NECKLACE_PRICE = 6800;
const FEE = 680; // the shop's setting: 10% of the returned items' price

type OrderInput = PartialCase['order'];
type RequestInput = PartialCase['request'];
type LineInput = OrderInput['lines'][number];
type Facts = { now: string; order?: Partial<OrderInput>; request?: Partial<RequestInput> };

const NECKLACE: LineInput = {
  id: 'L1',
  sku: 'AO-N-BAGUETTE',
  title: 'Baguette Pendant Necklace',
  category: 'necklace',
  fulfillment: 'ready_to_ship',
  unitPrice: NECKLACE_PRICE,
  quantity: 1,
};
const MADE_TO_ORDER_RING: LineInput = {
  id: 'L2',
  sku: 'AO-R-SIGNET',
  title: 'Custom Signet Ring',
  category: 'ring',
  fulfillment: 'made_to_order',
  unitPrice: 12800,
  quantity: 1,
};
const BRACELET: LineInput = {
  id: 'L3',
  sku: 'AO-B-CHAIN',
  title: 'Paperclip Chain Bracelet',
  category: 'bracelet',
  fulfillment: 'ready_to_ship',
  unitPrice: 4500,
  quantity: 1,
};

const MINT = { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true };

/** A ready-to-ship necklace delivered in California, paid by card; overrides per test. */
function aouresCase({ now, order, request }: Facts): PartialCase {
  return {
    now,
    order: {
      number: 'AOU-31877',
      placedAt: '2026-03-30T10:00:00-07:00',
      currency: 'USD',
      destinationCountry: 'US',
      paymentMethod: 'card',
      shippingPaid: 800,
      shippedAt: '2026-04-02T15:00:00-07:00',
      deliveredAt: DELIVERED,
      carrier: { name: 'USPS', trackingNumber: '9400111202555842761234' },
      lines: [NECKLACE],
      ...order,
    },
    request: { type: 'return', lines: ['L1'], reason: 'changed_mind', condition: MINT, ...request },
  };
}

type Given = Facts & { expect: Expectation };
type Row = Given & { name: string };
type DecidingRow = Row & { clause: string; expect: Expectation & Required<Pick<Expectation, 'outcome'>> };

const NOTHING = { exactly: [] };
const CREDIT_OR_EXCHANGE = { exactly: ['store_credit', 'exchange'] };
const RING_ONLY = { lines: [MADE_TO_ORDER_RING] };
const ASK_FOR_RING = { lines: ['L2'] };

const DECIDING: DecidingRow[] = [
  {
    name: 'does its best to change the address after ordering, without guarantees',
    clause: 'changes-best-effort',
    now: '2026-03-31T08:00:00-07:00',
    order: { shippedAt: null, deliveredAt: null },
    request: { type: 'change_address', reason: undefined, condition: undefined },
    expect: {
      outcome: 'needs_review',
      resolutions: { exactly: ['address_change'] },
      returnRequired: false,
      returnShippingPaidBy: null,
      quotes: ['we are unable to make any guarantees'],
    },
  },
  {
    name: 'does its best to upgrade shipping after ordering',
    clause: 'shipping-upgrade-best-effort',
    now: '2026-03-31T08:00:00-07:00',
    order: { shippedAt: null, deliveredAt: null },
    request: { type: 'change_shipping', reason: undefined, condition: undefined },
    expect: { outcome: 'needs_review', resolutions: { exactly: ['shipping_change'] }, returnRequired: false },
  },
  {
    name: 'offers no second remake of a made-to-order ring that fails again',
    clause: 'one-remake-only',
    now: '2026-05-01T10:00:00-07:00',
    order: { lines: [{ ...MADE_TO_ORDER_RING, previousRemakeOrReplacement: true }] },
    request: { type: 'warranty', lines: ['L2'], reason: 'defective' },
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      quotes: ['We can only offer a remake or replacement for your order once'],
    },
  },
  {
    name: 'remakes a defective made-to-order ring under the 90-day quality guarantee',
    clause: 'guarantee-remake',
    now: '2026-05-06T10:00:00-07:00',
    order: RING_ONLY,
    request: { type: 'warranty', ...ASK_FOR_RING, reason: 'defective' },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['remake'] },
      returnRequired: false,
      returnShippingPaidBy: null,
      money: { itemsRefundable: 0, shippingRefundable: 0, restockingFee: 0, customerCharges: 0 },
      deadlines: { requestBy: END_OF_DAY_90, returnBy: null },
      quotes: ['we are happy to offer a remake service for made to order items'],
    },
  },
  {
    name: 'replaces a tarnished ready-to-ship necklace under the 90-day quality guarantee',
    clause: 'guarantee-replacement',
    now: '2026-06-20T10:00:00-07:00',
    request: { type: 'warranty', reason: 'tarnished' },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['replacement'] },
      returnRequired: false,
      money: { itemsRefundable: 0, restockingFee: 0 },
      deadlines: { requestBy: END_OF_DAY_90 },
      quotes: ['where your jewelry is defective or tarnished', 'replacement for ready to ship items'],
    },
  },
  {
    name: 'replaces a broken ready-to-ship necklace reported as a return within 7 days, without restocking fee',
    clause: 'guarantee-replacement',
    now: '2026-04-08T10:00:00-07:00',
    request: { reason: 'broken' },
    expect: { outcome: 'approved', resolutions: { exactly: ['replacement'] }, money: { restockingFee: 0 } },
  },
  {
    name: 'offers a discounted replacement for a made-to-order ring past the warranty, at a charge assessed later',
    clause: 'past-warranty-made-to-order',
    now: '2026-07-06T10:00:00-07:00',
    order: RING_ONLY,
    request: { type: 'warranty', ...ASK_FOR_RING, reason: 'broken' },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['discounted_replacement'] },
      returnRequired: false,
      money: { itemsRefundable: 0, customerCharges: 0 },
      deadlines: { requestBy: END_OF_DAY_90 },
      quotes: ['We offer a discounted replacement service for made to order jewelry that is over the warranty period'],
    },
  },
  {
    name: 'leaves a ready-to-ship necklace past its warranty to the Care Team',
    clause: 'past-warranty-ready-to-ship',
    now: '2026-07-06T10:00:00-07:00',
    request: { type: 'warranty', reason: 'defective' },
    expect: {
      outcome: 'needs_review',
      resolutions: NOTHING,
      returnRequired: false,
      quotes: ["If you are past your warranty- don't fret!"],
    },
  },
  {
    name: 'cannot repair finished jewelry: a made-to-order ring needing repair is looked at for a remake',
    clause: 'no-repairs-remake',
    now: '2026-05-06T10:00:00-07:00',
    order: RING_ONLY,
    request: { type: 'warranty', ...ASK_FOR_RING, reason: 'needs_repair' },
    expect: {
      outcome: 'needs_review',
      resolutions: { exactly: ['remake'] },
      quotes: ['We are unable to repair finished jewelry'],
    },
  },
  {
    name: 'cannot repair finished jewelry: a ready-to-ship necklace needing repair is looked at for a replacement',
    clause: 'no-repairs-replacement',
    now: '2026-05-06T10:00:00-07:00',
    request: { type: 'warranty', reason: 'needs_repair' },
    expect: { outcome: 'needs_review', resolutions: { exactly: ['replacement'] } },
  },
  {
    name: "refuses the return of an item marked 'Final Sale', even unworn within 7 days",
    clause: 'final-sale',
    now: '2026-04-08T10:00:00-07:00',
    order: { lines: [{ ...NECKLACE, finalSale: true }] },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['are not eligible for return'] },
  },
  {
    name: 'refuses the return of a replacement piece: deemed final sale once received',
    clause: 'remake-is-final-sale',
    now: '2026-04-08T10:00:00-07:00',
    order: { lines: [{ ...NECKLACE, previousRemakeOrReplacement: true }] },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['is deemed final sale once received'] },
  },
  {
    name: 'leaves the return of a custom made-to-order ring to the Care Team',
    clause: 'made-to-order-or-international',
    now: '2026-04-08T10:00:00-07:00',
    order: RING_ONLY,
    request: ASK_FOR_RING,
    expect: {
      outcome: 'needs_review',
      resolutions: NOTHING,
      quotes: ["We typically don't accept returns for Custom Made-to-Order items"],
    },
  },
  {
    name: 'leaves the return of a necklace shipped to Canada to the Care Team',
    clause: 'made-to-order-or-international',
    now: '2026-04-08T10:00:00-07:00',
    order: { destinationCountry: 'CA' },
    expect: { outcome: 'needs_review', resolutions: NOTHING, quotes: ['International Shipments'] },
  },
  {
    name: 'leaves a return because the wrong piece was sent to the Care Team: the fault is ours',
    clause: 'fault-is-ours',
    now: '2026-04-08T10:00:00-07:00',
    request: { reason: 'wrong_item_sent' },
    expect: {
      outcome: 'needs_review',
      resolutions: NOTHING,
      quotes: ['We are typically unable to provide any reimbursement unless the fault is ours'],
    },
  },
  {
    name: 'refuses a ready-to-ship return asked on the 8th day after delivery',
    clause: 'return-window-closed',
    now: '2026-04-14T00:00:00-07:00',
    expect: {
      outcome: 'denied',
      resolutions: NOTHING,
      money: { itemsRefundable: 0, restockingFee: 0 },
      deadlines: { requestBy: END_OF_DAY_7, returnBy: null },
      quotes: ['within 7 days of your delivery date for Store Credit or Exchange'],
    },
  },
  {
    name: 'refuses a worn necklace: only new and unworn pieces come back',
    clause: 'new-and-unworn-only',
    now: '2026-04-08T10:00:00-07:00',
    request: { condition: { ...MINT, worn: true } },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['We accept returns for new and unworn'] },
  },
  {
    name: 'refuses a necklace sent back without its original packaging',
    clause: 'new-and-unworn-only',
    now: '2026-04-08T10:00:00-07:00',
    request: { condition: { ...MINT, originalPackaging: false } },
    expect: { outcome: 'denied', resolutions: NOTHING, quotes: ['in original packaging'] },
  },
  {
    name: 'takes back an unworn ready-to-ship necklace on day 7 for store credit or exchange, less a restocking fee',
    clause: 'seven-day-returns',
    now: '2026-04-13T23:59:00-07:00',
    expect: {
      outcome: 'approved',
      resolutions: CREDIT_OR_EXCHANGE,
      returnRequired: true,
      returnShippingPaidBy: 'customer',
      money: { itemsRefundable: NECKLACE_PRICE, shippingRefundable: 0, restockingFee: FEE, customerCharges: 0 },
      deadlines: { requestBy: END_OF_DAY_7, returnBy: END_OF_DAY_7, shopRespondsBy: null, resolutionBy: null },
      quotes: [
        'within 7 days of your delivery date for Store Credit or Exchange',
        'a small restocking fee will apply for approved items and original shipping fees are non-refundable',
      ],
    },
  },
];

function check(row: Given) {
  const decision = decisionFor(SHOP, aouresCase(row));
  expect(problemsWith(SHOP, decision, row.expect)).toEqual([]);
  return decision;
}

/** Clauses with an outcome that no case can reach, each with why; the lead decides whether to drop them. */
const SHADOWED: Record<string, string> = {
  'replace-or-repair':
    'guarantee-remake and guarantee-replacement come first and between them cover both fulfillments for every fault it matches',
};

describe('Aoures: every clause that decides', () => {
  itEach(DECIDING, (row) => {
    check({ ...row, expect: { ...row.expect, cites: [row.clause] } });
  });

  it('has a case above for every clause with an outcome, or a reason why none can reach it', () => {
    const covered = new Set([...DECIDING.map((r) => r.clause), ...Object.keys(SHADOWED)]);
    expect(decidingClauseIds(SHOP).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(['made_to_order', 'ready_to_ship'] as const)(
    'never offers to repair a faulty %s piece under warranty',
    (fulfillment) => {
      for (const reason of ['defective', 'tarnished', 'broken', 'arrived_damaged'] as const) {
        const decision = check({
          now: '2026-05-06T10:00:00-07:00',
          order: { lines: [{ ...NECKLACE, fulfillment }] },
          request: { type: 'warranty', reason },
          expect: { outcome: 'approved', resolutions: { excludes: ['repair'] } },
        });
        expect(citedClauses(decision)).not.toContain('replace-or-repair');
      }
    },
  );
});

/** Both sides of every window, in Los Angeles time, across both daylight-saving changes of 2026. */
const BOUNDARIES: Row[] = [
  {
    name: 'takes back the necklace in the last minute of day 7, asked on a UTC clock',
    now: '2026-04-14T06:59:00Z',
    expect: { outcome: 'approved', cites: ['seven-day-returns'], deadlines: { requestBy: END_OF_DAY_7 } },
  },
  {
    name: 'refuses the necklace at local midnight starting day 8 (07:00 UTC)',
    now: '2026-04-14T07:00:00Z',
    expect: { outcome: 'denied', cites: ['return-window-closed'], deadlines: { requestBy: END_OF_DAY_7 } },
  },
  {
    name: 'counts 7 days from a delivery at 23:30 in California by the California date',
    now: '2026-04-13T23:59:00-07:00',
    order: { deliveredAt: '2026-04-07T06:30:00Z' }, // 23:30 on 6 April in Los Angeles
    expect: { outcome: 'approved', deadlines: { requestBy: END_OF_DAY_7 } },
  },
  {
    name: 'takes back a necklace delivered before the March clock change on the last minute of day 7, in daylight time',
    now: '2026-03-10T06:59:00Z',
    order: { deliveredAt: '2026-03-02T12:00:00-08:00' },
    expect: {
      outcome: 'approved',
      cites: ['seven-day-returns'],
      deadlines: { requestBy: '2026-03-09T23:59:59.999-07:00', returnBy: '2026-03-09T23:59:59.999-07:00' },
    },
  },
  {
    name: 'refuses that necklace at 00:00 daylight time on day 8, an hour before standard-time midnight',
    now: '2026-03-10T07:00:00Z',
    order: { deliveredAt: '2026-03-02T12:00:00-08:00' },
    expect: { outcome: 'denied', cites: ['return-window-closed'] },
  },
  {
    name: 'takes back a necklace delivered before the November clock change at 23:59 standard time on day 7',
    now: '2026-11-05T07:59:00Z',
    order: { deliveredAt: '2026-10-28T12:00:00-07:00' },
    expect: {
      outcome: 'approved',
      cites: ['seven-day-returns'],
      deadlines: { requestBy: '2026-11-04T23:59:59.999-08:00' },
    },
  },
  {
    name: 'refuses that necklace at 00:00 standard time on day 8',
    now: '2026-11-05T08:00:00Z',
    order: { deliveredAt: '2026-10-28T12:00:00-07:00' },
    expect: { outcome: 'denied', cites: ['return-window-closed'] },
  },
  {
    name: 'does not stretch the 7 days over Thanksgiving: day 7 is 27 November',
    now: '2026-11-27T23:59:00-08:00',
    order: { deliveredAt: '2026-11-20T12:00:00-08:00' },
    expect: { outcome: 'approved', deadlines: { requestBy: '2026-11-27T23:59:59.999-08:00' } },
  },
  {
    name: 'refuses on 28 November a necklace delivered 20 November, Thanksgiving or not',
    now: '2026-11-28T00:00:00-08:00',
    order: { deliveredAt: '2026-11-20T12:00:00-08:00' },
    expect: { outcome: 'denied', cites: ['return-window-closed'] },
  },
  {
    name: 'remakes a made-to-order ring on the last minute of day 90, counted across the March clock change',
    now: '2026-05-04T06:59:00Z',
    order: { deliveredAt: '2026-02-02T12:00:00-08:00', ...RING_ONLY },
    request: { type: 'warranty', ...ASK_FOR_RING, reason: 'defective' },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['remake'] },
      cites: ['guarantee-remake'],
      deadlines: { requestBy: '2026-05-03T23:59:59.999-07:00' },
    },
  },
  {
    name: 'offers only a discounted replacement for that ring at local midnight starting day 91',
    now: '2026-05-04T07:00:00Z',
    order: { deliveredAt: '2026-02-02T12:00:00-08:00', ...RING_ONLY },
    request: { type: 'warranty', ...ASK_FOR_RING, reason: 'defective' },
    expect: {
      outcome: 'approved',
      resolutions: { exactly: ['discounted_replacement'] },
      cites: ['past-warranty-made-to-order'],
    },
  },
  {
    name: 'replaces a tarnished necklace on the last minute of day 90',
    now: '2026-07-05T23:59:00-07:00',
    request: { type: 'warranty', reason: 'tarnished' },
    expect: { outcome: 'approved', cites: ['guarantee-replacement'], deadlines: { requestBy: END_OF_DAY_90 } },
  },
  {
    name: 'leaves a tarnished necklace to the Care Team on the first minute of day 91',
    now: '2026-07-06T00:00:00-07:00',
    request: { type: 'warranty', reason: 'tarnished' },
    expect: { outcome: 'needs_review', cites: ['past-warranty-ready-to-ship'] },
  },
  {
    name: 'looks at a necklace needing repair for a replacement on the last minute of day 90',
    now: '2026-07-05T23:59:00-07:00',
    request: { type: 'warranty', reason: 'needs_repair' },
    expect: { outcome: 'needs_review', cites: ['no-repairs-replacement'] },
  },
  {
    name: 'leaves a necklace needing repair on day 91 to the Care Team as past warranty',
    now: '2026-07-06T00:00:00-07:00',
    request: { type: 'warranty', reason: 'needs_repair' },
    expect: { outcome: 'needs_review', cites: ['past-warranty-ready-to-ship'] },
  },
];

describe('Aoures: both sides of each window', () => {
  itEach(BOUNDARIES, (row) => {
    check(row);
  });
});

describe('Aoures: money, fees and who pays the return', () => {
  it('takes 10% restocking on each line of units sent back, after line discounts', () => {
    const rings: LineInput = { ...BRACELET, id: 'L4', category: 'ring', unitPrice: 4500, quantity: 3, discount: 1500 };
    // 3 × 45.00 − 15.00 = 120.00 for three rings; two come back: 80.00, fee 8.00
    const decision = check({
      now: '2026-04-08T10:00:00-07:00',
      order: { lines: [NECKLACE, rings] },
      request: { lines: ['L1', 'L4'], lineDetails: [{ id: 'L4', quantity: 2 }] },
      expect: {
        outcome: 'approved',
        resolutions: CREDIT_OR_EXCHANGE,
        money: { itemsRefundable: NECKLACE_PRICE + 8000, restockingFee: FEE + 800, shippingRefundable: 0 },
        lines: [
          { id: 'L1', outcome: 'approved', itemsRefundable: NECKLACE_PRICE },
          { id: 'L4', outcome: 'approved', itemsRefundable: 8000 },
        ],
      },
    });
    expect(citedClauses(decision)).toContain('restocking-fee');
  });

  it('charges no restocking fee on a refused return', () => {
    check({
      now: '2026-04-20T10:00:00-07:00',
      expect: { outcome: 'denied', money: { itemsRefundable: 0, restockingFee: 0 } },
    });
  });

  it('keeps the original shipping and has the customer send the return with tracking', () => {
    check({
      now: '2026-04-08T10:00:00-07:00',
      expect: {
        returnShippingPaidBy: 'customer',
        money: { shippingRefundable: 0 },
        quotes: ['sent with tracking from a carrier of your choice', 'original shipping fees are non-refundable'],
      },
    });
  });
});

describe('Aoures: what the customer must do, and by when', () => {
  it('asks for mint condition in original packaging, tracking, and a request through the account', () => {
    check({
      now: '2026-04-08T10:00:00-07:00',
      expect: {
        requirements: { includes: ['original_packaging', 'tracking_number', 'unworn', 'prior_authorization'] },
        quotes: ['All Returns and Order inquiries can be initiated through your Account'],
      },
    });
  });

  it('wants the goods sent back within 7 days of delivery, whatever day the return was asked', () => {
    check({
      now: '2026-04-07T09:00:00-07:00',
      expect: { outcome: 'approved', deadlines: { returnBy: END_OF_DAY_7, requestBy: END_OF_DAY_7 } },
    });
  });

  it('promises no response date: the Care Team answers as soon as possible', () => {
    check({
      now: '2026-11-25T10:00:00-08:00',
      order: { deliveredAt: '2026-11-20T12:00:00-08:00' },
      expect: { outcome: 'approved', deadlines: { shopRespondsBy: null, resolutionBy: null } },
    });
  });
});

describe('Aoures: orders over several lines', () => {
  it('ends partial when an unworn necklace comes back with a worn bracelet', () => {
    const decision = check({
      now: '2026-04-08T10:00:00-07:00',
      order: { lines: [NECKLACE, BRACELET] },
      request: { lines: ['L1', 'L3'], lineDetails: [{ id: 'L3', condition: { worn: true } }] },
      expect: {
        outcome: 'partial',
        resolutions: CREDIT_OR_EXCHANGE,
        money: { itemsRefundable: NECKLACE_PRICE, restockingFee: FEE },
        lines: [
          { id: 'L1', outcome: 'approved', resolutions: CREDIT_OR_EXCHANGE, itemsRefundable: NECKLACE_PRICE },
          { id: 'L3', outcome: 'denied', resolutions: NOTHING, itemsRefundable: 0 },
        ],
      },
    });
    expect(citedClauses(decision, 'L3')).toContain('new-and-unworn-only');
  });

  it('counts the guarantee of a made-to-order ring from its own later delivery, not the first parcel', () => {
    const lateRing: LineInput = { ...MADE_TO_ORDER_RING, deliveredAt: '2026-03-02T12:00:00-08:00' };
    check({
      now: '2026-05-10T10:00:00-07:00',
      order: { deliveredAt: '2026-01-20T12:00:00-08:00', lines: [NECKLACE, lateRing] },
      request: { type: 'warranty', lines: ['L2'], reason: 'defective' },
      expect: {
        outcome: 'approved',
        resolutions: { exactly: ['remake'] },
        cites: ['guarantee-remake'],
        deadlines: { requestBy: '2026-05-31T23:59:59.999-07:00' },
      },
    });
  });

  it('counts 7 days for a ready-to-ship necklace shipped first from its own delivery', () => {
    const earlyNecklace: LineInput = { ...NECKLACE, deliveredAt: '2026-04-06T12:00:00-07:00' };
    check({
      now: '2026-04-15T10:00:00-07:00',
      order: { deliveredAt: '2026-04-14T12:00:00-07:00', lines: [earlyNecklace, MADE_TO_ORDER_RING] },
      request: { lines: ['L1'] },
      expect: { outcome: 'denied', cites: ['return-window-closed'], deadlines: { requestBy: END_OF_DAY_7 } },
    });
  });
});

describe('Aoures: facts the case does not give', () => {
  it('sends a return with no delivery date to review, naming order.deliveredAt', () => {
    const decision = check({
      now: '2026-04-08T10:00:00-07:00',
      order: { deliveredAt: undefined },
      expect: { outcome: 'needs_review', resolutions: NOTHING, money: { restockingFee: 0 } },
    });
    expect(reasonDetails(decision)).toContain('order.deliveredAt');
  });

  it('sends a warranty claim with no delivery date to review, naming order.deliveredAt', () => {
    const decision = check({
      now: '2026-04-08T10:00:00-07:00',
      order: { deliveredAt: undefined },
      request: { type: 'warranty', reason: 'defective' },
      expect: { outcome: 'needs_review', resolutions: NOTHING },
    });
    expect(reasonDetails(decision)).toContain('order.deliveredAt');
  });

  it("refuses a 'Final Sale' necklace even when no delivery date is on record", () => {
    check({
      now: '2026-04-08T10:00:00-07:00',
      order: { deliveredAt: undefined, lines: [{ ...NECKLACE, finalSale: true }] },
      expect: { outcome: 'denied', cites: ['final-sale'] },
    });
  });

  itEach<{ name: string; request: Partial<RequestInput> }>(
    [
      {
        name: 'leaves a parcel lost in transit, which the page does not foresee, to the Care Team',
        request: { type: 'report_problem', reason: 'lost_in_transit' },
      },
      {
        name: 'leaves a cancellation, which the page does not foresee, to the Care Team',
        request: { type: 'cancel', reason: 'changed_mind' },
      },
      {
        name: 'leaves a request to change the item, which the page does not foresee, to the Care Team',
        request: { type: 'change_item', reason: 'wrong_size_ordered' },
      },
    ],
    ({ request }) => {
      const decision = check({
        now: '2026-04-08T10:00:00-07:00',
        request,
        expect: { outcome: 'needs_review', resolutions: NOTHING, cites: [fallbackClauseId(SHOP)] },
      });
      expect(reasonDetails(decision)).toMatch(/no clause covers/);
    },
  );
});

describe("Aoures: the policy's worked examples", () => {
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
