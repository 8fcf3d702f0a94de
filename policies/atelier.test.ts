import { describe, expect, it } from 'vitest';
import { at, type Expected, expectDecision } from './expect-decision.ts';
import { decidingClauseIds, decisionFor, type PartialCase } from './test-helpers.ts';

// Seed 001 (the made-to-order atelier), shop time zone Asia/Shanghai.
type Order = PartialCase['order'];
type Stage = 'ordered' | 'in_production' | 'shipped' | 'delivered';

const PLACED = '2026-03-02T10:00:00+08:00';
const STARTED = '2026-03-03T10:00:00+08:00';
const SHIPPED = '2026-03-10T15:00:00+08:00';
/** 13:00 in New York is already 01:00 on 19 March in Shanghai: the warranty counts from the 19th. */
const DELIVERED = '2026-03-18T13:00:00-04:00';
const WARRANTY_ENDS = '2027-03-19T23:59:59.999+08:00';

const STAGES: Record<Stage, Pick<Order, 'productionStartedAt' | 'shippedAt' | 'deliveredAt'>> = {
  ordered: { productionStartedAt: null, shippedAt: null, deliveredAt: null },
  in_production: { productionStartedAt: STARTED, shippedAt: null, deliveredAt: null },
  shipped: { productionStartedAt: STARTED, shippedAt: SHIPPED, deliveredAt: null },
  delivered: { productionStartedAt: STARTED, shippedAt: SHIPPED, deliveredAt: DELIVERED },
};

/** A ring (158.00) and two pairs of studs (2 x 42.00 less 6.00): 236.00 of goods, 15.00 shipping. */
const LINES: Order['lines'] = [
  {
    id: 'L1',
    title: 'Moissanite Solitaire Ring, 14k',
    category: 'ring',
    fulfillment: 'made_to_order',
    unitPrice: 15800,
    quantity: 1,
  },
  {
    id: 'L2',
    title: 'Pearl Studs',
    category: 'earrings',
    fulfillment: 'made_to_order',
    unitPrice: 4200,
    quantity: 2,
    discount: 600,
  },
];

type Given = { now: string; stage: Stage; order?: Partial<Order>; request: PartialCase['request'] };

/** An atelier order at a stage of its life, with per-test overrides. */
function atelierCase({ now, stage, order, request }: Given): PartialCase {
  const base: Order = {
    number: 'ATL-9001',
    placedAt: PLACED,
    currency: 'USD',
    destinationCountry: 'US',
    paymentMethod: 'paypal',
    shippingPaid: 1500,
    carrier: { name: 'DHL Express', trackingNumber: '4410999001' },
    lines: LINES,
  };
  return { now, order: { ...base, ...STAGES[stage], ...order }, request };
}

const afterDelivery = (by: Parameters<typeof at>[1]) => at(DELIVERED, by);
const DAY_AFTER = afterDelivery({ days: 1 });

const rows: { name: string; given: Given; expected: Expected }[] = [
  // --- cancelling: "we will start your order one day later"
  {
    name: 'approves a cancellation 23 h 59 min after ordering, before production starts, with shipping back',
    given: {
      now: at(PLACED, { hours: 23, minutes: 59 }),
      stage: 'ordered',
      request: { type: 'cancel', lines: [], reason: 'changed_mind' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['cancel'],
      cites: ['cancel-before-production'],
      money: { itemsRefundable: 15800 + 7800, shippingRefundable: 1500, customerCharges: 0 },
      requestBy: at(PLACED, { hours: 24 }),
      returnRequired: false,
    },
  },
  {
    name: 'refuses a cancellation 24 h 1 min after ordering: production starts one day later',
    given: {
      now: at(PLACED, { hours: 24, minutes: 1 }),
      stage: 'ordered',
      request: { type: 'cancel', lines: [], reason: 'changed_mind' },
    },
    expected: {
      outcome: 'denied',
      resolutions: [],
      cites: ['cancel-after-one-day'],
      money: { itemsRefundable: 0, shippingRefundable: 0 },
    },
  },
  {
    name: 'gives the missed deadline, one day after ordering, when refusing a late cancellation',
    given: {
      now: at(PLACED, { hours: 24, minutes: 1 }),
      stage: 'ordered',
      request: { type: 'cancel', lines: [], reason: 'changed_mind' },
    },
    expected: {
      outcome: 'denied',
      resolutions: [],
      cites: ['cancel-after-one-day'],
      requestBy: at(PLACED, { hours: 24 }),
    },
  },
  {
    name: 'refuses a cancellation two hours after ordering once production has already started',
    given: {
      now: at(PLACED, { hours: 2 }),
      stage: 'ordered',
      order: { productionStartedAt: at(PLACED, { hours: 1 }) },
      request: { type: 'cancel', lines: [], reason: 'changed_mind' },
    },
    expected: { outcome: 'denied', resolutions: [], cites: ['no-refund-once-started'] },
  },
  {
    name: 'refuses a cancellation once the order has shipped',
    given: { now: at(SHIPPED, { hours: 3 }), stage: 'shipped', request: { type: 'cancel', lines: [] } },
    expected: { outcome: 'denied', resolutions: [], cites: ['cancel-after-one-day'] },
  },
  {
    name: 'refuses a change-of-mind exchange of a made-to-order piece after delivery',
    given: {
      now: DAY_AFTER,
      stage: 'delivered',
      request: { type: 'exchange', lines: ['L1'], reason: 'not_as_expected' },
    },
    expected: { outcome: 'denied', resolutions: [], cites: ['no-refund-once-started'] },
  },
  // --- addresses and customs
  {
    name: 'leaves an address change to the shop: it may not be successful',
    given: {
      now: at(STARTED, { hours: 5 }),
      stage: 'in_production',
      request: { type: 'change_address', lines: [], reason: 'wrong_address_by_customer' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: ['address_change'],
      cites: ['address-change-best-effort'],
      returnRequired: false,
    },
  },
  {
    name: 'refuses a refund for a parcel sent to the wrong address the customer typed',
    given: {
      now: at(SHIPPED, { days: 9 }),
      stage: 'shipped',
      request: { type: 'report_problem', lines: [], reason: 'wrong_address_by_customer' },
    },
    expected: {
      outcome: 'denied',
      resolutions: [],
      cites: ['wrong-address-by-customer'],
      money: { itemsRefundable: 0 },
    },
  },
  {
    name: 'refunds in full a parcel the shop sent to an address other than the one given',
    given: {
      now: at(SHIPPED, { days: 9 }),
      stage: 'shipped',
      request: { type: 'report_problem', lines: [], reason: 'wrong_address_by_shop' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['refund'],
      cites: ['wrong-address-by-us'],
      money: { itemsRefundable: 15800 + 7800 },
      returnRequired: false,
    },
  },
  {
    name: 'refuses a refund when the customer did not clear customs and the parcel went back',
    given: {
      now: at(SHIPPED, { days: 20 }),
      stage: 'shipped',
      request: { type: 'return', lines: [], reason: 'customs_refused' },
    },
    expected: { outcome: 'denied', resolutions: [], cites: ['customs-not-cleared'], money: { itemsRefundable: 0 } },
  },
  // --- lost parcels
  {
    name: 'refunds in full a parcel the courier confirms lost',
    given: {
      now: at(SHIPPED, { days: 25 }),
      stage: 'shipped',
      order: { carrier: { name: 'DHL Express', trackingNumber: '4410999001', confirmedLost: true } },
      request: { type: 'report_problem', lines: [], reason: 'lost_in_transit' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['refund'],
      cites: ['courier-confirms-loss'],
      money: { itemsRefundable: 23600 },
      returnRequired: false,
    },
  },
  {
    name: 'refuses a refund when the courier proves delivery of a parcel reported not received',
    given: {
      now: at(SHIPPED, { days: 12 }),
      stage: 'shipped',
      order: { carrier: { name: 'DHL Express', trackingNumber: '4410999001', proofOfDelivery: true } },
      request: { type: 'report_problem', lines: [], reason: 'not_received' },
    },
    expected: { outcome: 'denied', resolutions: [], cites: ['courier-proves-delivery'], money: { itemsRefundable: 0 } },
  },
  {
    name: 'leaves a missing parcel to review under courier investigation while the courier has not ruled',
    given: {
      now: at(SHIPPED, { days: 12 }),
      stage: 'shipped',
      request: { type: 'report_problem', lines: [], reason: 'lost_in_transit' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: ['refund'],
      cites: ['loss-under-investigation'],
      requirements: ['courier_investigation'],
      returnRequired: false,
    },
  },
  // --- what the customer chose wrong: no refund, remake or repair at their cost
  {
    name: 'offers a remake or repair at the customer’s cost, never a refund, for a ring size the customer chose wrong',
    given: {
      now: afterDelivery({ days: 5 }),
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'wrong_size_ordered' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: ['remake', 'repair'],
      cites: ['customer-chose-wrong'],
      money: { itemsRefundable: 0, customerCharges: 0 },
      detail: /pays an amount the shop confirms later \(0 until then\)/,
    },
  },
  {
    name: 'has the customer pay to send back studs whose colour the customer chose wrong',
    given: {
      now: DAY_AFTER,
      stage: 'delivered',
      request: { type: 'return', lines: ['L2'], reason: 'wrong_color_ordered' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: ['remake', 'repair'],
      cites: ['customer-chose-wrong'],
      returnRequired: true,
      returnShippingPaidBy: 'customer',
      money: { itemsRefundable: 0 },
    },
  },
  // --- "please contact us within 48 hours"
  {
    name: 'grants a full refund or remake for a wrong colour reported 47 h 59 min after delivery',
    given: {
      now: afterDelivery({ hours: 47, minutes: 59 }),
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'wrong_color_sent' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['refund', 'remake'],
      cites: ['our-mistake'],
      money: { itemsRefundable: 15800 },
      requestBy: afterDelivery({ hours: 48 }),
    },
  },
  {
    name: 'offers no refund any more for a wrong item reported 48 h 1 min after delivery',
    given: {
      now: afterDelivery({ hours: 48, minutes: 1 }),
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'wrong_item_sent' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: [],
      cites: ['report-within-48-hours'],
      money: { itemsRefundable: 0 },
      requestBy: afterDelivery({ hours: 48 }),
    },
  },
  {
    name: 'refunds what was paid for one of two pairs of wrong studs sent (line discount shared out)',
    given: {
      now: DAY_AFTER,
      stage: 'delivered',
      request: {
        type: 'report_problem',
        lines: ['L2'],
        reason: 'wrong_item_sent',
        lineDetails: [{ id: 'L2', quantity: 1 }],
      },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['refund', 'remake'],
      cites: ['our-mistake'],
      money: { itemsRefundable: 3900 },
    },
  },
  {
    name: 'offers only a partial refund for slight transport scratches reported 47 h 59 min after delivery',
    given: {
      now: afterDelivery({ hours: 47, minutes: 59 }),
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'minor_transit_damage' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['partial_refund'],
      cites: ['transit-marks'],
      returnRequired: false,
      requestBy: afterDelivery({ hours: 48 }),
    },
  },
  {
    name: 'offers no partial refund for transport scratches reported 48 h 1 min after delivery',
    given: {
      now: afterDelivery({ hours: 48, minutes: 1 }),
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'minor_transit_damage' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: [],
      cites: ['report-within-48-hours'],
      money: { itemsRefundable: 0 },
    },
  },
  {
    name: 'leaves a piece that arrived damaged, reported within 48 hours, to the shop to solve',
    given: {
      now: afterDelivery({ hours: 30 }),
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'arrived_damaged' },
    },
    expected: { outcome: 'needs_review', resolutions: [], cites: ['arrived-damaged-contact-us'] },
  },
  // --- 1-year warranty, counted in Shanghai
  {
    name: 'repairs a defective clasp under the 1-year warranty at 23:59 on the last Shanghai day',
    given: {
      now: '2027-03-19T11:59:00-04:00',
      stage: 'delivered',
      request: { type: 'warranty', lines: ['L1'], reason: 'defective' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['repair'],
      cites: ['one-year-warranty'],
      requestBy: WARRANTY_ENDS,
      returnRequired: true,
      money: { itemsRefundable: 0 },
    },
  },
  {
    name: 'charges for the repair from 00:01 Shanghai time the day after the warranty year',
    given: {
      now: '2027-03-19T12:01:00-04:00',
      stage: 'delivered',
      request: { type: 'warranty', lines: ['L1'], reason: 'defective' },
    },
    expected: {
      outcome: 'approved',
      resolutions: ['repair'],
      cites: ['long-wear-repair'],
      requestBy: null,
      returnRequired: true,
      returnShippingPaidBy: 'customer',
      money: { itemsRefundable: 0, customerCharges: 0 },
      detail: /pays an amount the shop confirms later \(0 until then\)/,
    },
  },
  // --- several lines
  {
    name: 'ends partial when the shop sent a wrong ring size and the customer chose the wrong studs',
    given: {
      now: DAY_AFTER,
      stage: 'delivered',
      request: {
        type: 'report_problem',
        lines: [],
        lineDetails: [
          { id: 'L1', reason: 'wrong_size_sent' },
          { id: 'L2', reason: 'wrong_material_ordered' },
        ],
      },
    },
    expected: {
      outcome: 'partial',
      resolutions: ['refund', 'remake', 'repair'],
      cites: ['our-mistake', 'customer-chose-wrong'],
      money: { itemsRefundable: 15800 },
      lines: [
        { id: 'L1', outcome: 'approved', itemsRefundable: 15800 },
        { id: 'L2', outcome: 'needs_review', itemsRefundable: 0 },
      ],
    },
  },
  // --- missing facts and requests the page does not foresee
  {
    name: 'cannot decide a warranty claim without the delivery date, and names it',
    given: {
      now: at(SHIPPED, { days: 40 }),
      stage: 'shipped',
      request: { type: 'warranty', lines: ['L1'], reason: 'broken' },
    },
    expected: { outcome: 'needs_review', resolutions: [], cites: ['one-year-warranty'], detail: /order\.deliveredAt/ },
  },
  {
    name: 'cannot apply the 48-hour window without the delivery date, and names it',
    given: {
      now: at(SHIPPED, { days: 8 }),
      stage: 'shipped',
      request: { type: 'report_problem', lines: ['L1'], reason: 'wrong_size_sent' },
    },
    expected: {
      outcome: 'needs_review',
      resolutions: [],
      cites: ['report-within-48-hours'],
      detail: /order\.deliveredAt/,
    },
  },
  {
    name: 'sends an item change, which the page does not mention, to the care team',
    given: { now: at(PLACED, { hours: 3 }), stage: 'ordered', request: { type: 'change_item', lines: ['L1'] } },
    expected: { outcome: 'needs_review', resolutions: [], cites: ['we-will-communicate'], detail: /no clause covers/ },
  },
  {
    name: 'sends a colour discrepancy report to the care team',
    given: {
      now: DAY_AFTER,
      stage: 'delivered',
      request: { type: 'report_problem', lines: ['L1'], reason: 'color_discrepancy' },
    },
    expected: { outcome: 'needs_review', resolutions: [], cites: ['we-will-communicate'], detail: /color discrepancy/ },
  },
];

describe('atelier policy (seed 001)', () => {
  for (const { name, given, expected } of rows) {
    it(name, () => expectDecision('atelier', decisionFor('atelier', atelierCase(given)), expected));
  }

  it('gives a partial refund for transport scratches, never the full price', () => {
    const d = decisionFor(
      'atelier',
      atelierCase({
        now: DAY_AFTER,
        stage: 'delivered',
        request: { type: 'return', lines: ['L1'], reason: 'minor_transit_damage' },
      }),
    );
    expect(d.resolutions).toEqual(['partial_refund']);
    expect(d.money.itemsRefundable).toBeLessThan(15800);
  });

  it('has a case above for every clause of the policy that decides', () => {
    const covered = new Set(rows.flatMap((r) => r.expected.cites));
    expect(decidingClauseIds('atelier').filter((id) => !covered.has(id))).toEqual([]);
  });
});
