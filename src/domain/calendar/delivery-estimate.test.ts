import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../../policies/load-policy-file.ts';
import { type DeliveryEstimateRequest, estimateDelivery, type ReadyToShipFirst } from './delivery-estimate.ts';

const theOr = loadPolicyFile(path.join(BUNDLED_POLICIES_DIR, 'theor.yaml'));
const aoures = loadPolicyFile(path.join(BUNDLED_POLICIES_DIR, 'aoures.yaml'));

// Friday 4 September 2026, the Friday before Labor Day (Monday 7 September), in New York.
const FRIDAY_BEFORE_LABOR_DAY = '2026-09-04T15:00:00-04:00';
const ring = { fulfillment: 'ready_to_ship' as const };
const madeToOrderRing = { fulfillment: 'made_to_order' as const };

const readyToShipFirst = (): ReadyToShipFirst => {
  const clause = aoures.clauses.find((c) => c.id === 'ready-to-ship-first');
  if (!clause || typeof clause.quote !== 'string') throw new Error('aoures.yaml has no ready-to-ship-first clause');
  return { clause: clause.id, quote: clause.quote, destination: 'domestic' };
};

type Row = {
  name: string;
  policy: typeof theOr;
  request: DeliveryEstimateRequest;
  shipBy: { from: string; to: string } | null;
  deliveredBy: { from: string; to: string } | null;
  cites: string[];
  notCited?: string[];
  missing?: string[];
};

const rows: Row[] = [
  {
    name: 'The Or: an international order on the Friday before Labor Day waits for Thursday’s pick-up, then 5-10 business days',
    policy: theOr,
    request: { placedAt: FRIDAY_BEFORE_LABOR_DAY, destination: 'international', lines: [ring] },
    // Ready Saturday to Monday; Monday's pick-up is Labor Day, so the next is Thursday 10 September.
    shipBy: { from: '2026-09-10', to: '2026-09-10' },
    deliveredBy: { from: '2026-09-17', to: '2026-09-24' },
    cites: ['packed-and-shipped', 'ship-days', 'international-delivery'],
    notCited: ['domestic-delivery'],
  },
  {
    name: 'The Or: a domestic order on the same Friday ships Tuesday after the holiday and arrives in 3-7 business days',
    policy: theOr,
    request: { placedAt: FRIDAY_BEFORE_LABOR_DAY, destination: 'domestic', lines: [ring] },
    shipBy: { from: '2026-09-08', to: '2026-09-08' },
    deliveredBy: { from: '2026-09-11', to: '2026-09-17' },
    cites: ['packed-and-shipped', 'ship-days', 'domestic-delivery'],
    notCited: ['international-delivery'],
  },
  {
    name: 'The Or: an order placed at 22:30 on Friday in New York (already Saturday in UTC) counts from Friday',
    policy: theOr,
    request: { placedAt: '2026-09-05T02:30:00Z', destination: 'domestic', lines: [ring] },
    shipBy: { from: '2026-09-08', to: '2026-09-08' },
    deliveredBy: { from: '2026-09-11', to: '2026-09-17' },
    cites: ['packed-and-shipped', 'domestic-delivery'],
  },
  {
    name: 'The Or: once shipped on Tuesday 15 September, domestic delivery counts 3-7 business days from that day',
    policy: theOr,
    request: {
      placedAt: '2026-09-14T10:00:00-04:00',
      destination: 'domestic',
      lines: [ring],
      shippedAt: '2026-09-15T16:00:00-04:00',
    },
    shipBy: { from: '2026-09-15', to: '2026-09-15' },
    deliveredBy: { from: '2026-09-18', to: '2026-09-24' },
    cites: ['domestic-delivery'],
    notCited: ['packed-and-shipped'],
  },
  {
    name: 'Aoures: a ready-to-ship order ships in about a week; the page gives no transit time',
    policy: aoures,
    request: { placedAt: '2026-06-19T10:00:00-07:00', destination: 'domestic', lines: [ring] },
    shipBy: { from: '2026-06-26', to: '2026-06-26' },
    deliveredBy: null,
    cites: ['ready-to-ship-processing'],
    missing: ['delivery time for domestic orders'],
  },
  {
    name: 'Aoures: made to order takes 2 - 3 weeks (the table wins over 6 - 9 business days of crafting); 3 July is a holiday',
    policy: aoures,
    request: { placedAt: '2026-06-19T10:00:00-07:00', destination: 'domestic', lines: [madeToOrderRing] },
    // Two weeks reach Friday 3 July, the observed Independence Day, so it leaves Monday 6 July.
    shipBy: { from: '2026-07-06', to: '2026-07-10' },
    deliveredBy: null,
    cites: ['made-to-order-processing'],
    notCited: ['made-to-order-crafting', 'ready-to-ship-processing'],
    missing: ['delivery time for domestic orders'],
  },
  {
    name: 'Aoures: an order of both kinds shipped together waits for the made-to-order ring',
    policy: aoures,
    request: { placedAt: '2026-06-19T10:00:00-07:00', destination: 'domestic', lines: [ring, madeToOrderRing] },
    shipBy: { from: '2026-07-06', to: '2026-07-10' },
    deliveredBy: null,
    cites: ['ready-to-ship-processing', 'made-to-order-processing'],
    notCited: ['ready-to-ship-first'],
    missing: ['delivery time for domestic orders'],
  },
];

describe('estimating when an order arrives', () => {
  it.each(rows)('$name', (row) => {
    const estimate = estimateDelivery(row.policy.profile, row.request);
    expect({ shipBy: estimate.shipBy, deliveredBy: estimate.deliveredBy }).toEqual({
      shipBy: row.shipBy,
      deliveredBy: row.deliveredBy,
    });
    const cited = estimate.basis.map((b) => b.clause);
    expect(cited).toEqual(expect.arrayContaining(row.cites));
    for (const id of row.notCited ?? []) expect(cited).not.toContain(id);
    expect(estimate.missing).toEqual(row.missing ?? []);
  });

  it('cites each statement in the shop’s own words', () => {
    const estimate = estimateDelivery(theOr.profile, {
      placedAt: FRIDAY_BEFORE_LABOR_DAY,
      destination: 'international',
      lines: [ring],
    });
    expect(estimate.basis.map((b) => b.quote)).toEqual([
      'Your order is packed and shipped within 1-3 days of your purchase.',
      'Unless noted otherwise, we ship Monday-Friday with the exception of US holidays.',
      'Average delivery time for international orders is 5-10 business days.',
    ]);
  });

  it('Aoures: ships ready-to-ship items first for a U.S. order, as two parcels', () => {
    const estimate = estimateDelivery(aoures.profile, {
      placedAt: '2026-06-19T10:00:00-07:00',
      destination: 'domestic',
      lines: [madeToOrderRing, ring],
      readyToShipFirst: readyToShipFirst(),
    });
    expect(estimate.split).toBe(true);
    expect(estimate.parcels).toEqual([
      {
        fulfillment: ['ready_to_ship'],
        shipped: false,
        shipBy: { from: '2026-06-26', to: '2026-06-26' },
        deliveredBy: null,
      },
      {
        fulfillment: ['made_to_order'],
        shipped: false,
        shipBy: { from: '2026-07-06', to: '2026-07-10' },
        deliveredBy: null,
      },
    ]);
    expect(estimate.shipBy).toEqual({ from: '2026-06-26', to: '2026-07-10' });
    expect(estimate.basis.map((b) => b.clause)).toContain('ready-to-ship-first');
  });

  it('Aoures: an international order of both kinds is not split (“for U.S orders”)', () => {
    const estimate = estimateDelivery(aoures.profile, {
      placedAt: '2026-06-19T10:00:00-07:00',
      destination: 'international',
      lines: [madeToOrderRing, ring],
      readyToShipFirst: readyToShipFirst(),
    });
    expect(estimate.split).toBe(false);
    expect(estimate.parcels).toHaveLength(1);
    expect(estimate.shipBy).toEqual({ from: '2026-07-06', to: '2026-07-10' });
    expect(estimate.missing).toEqual(['delivery time for international orders']);
  });

  it('Aoures: a split order whose ready-to-ship parcel has left counts that parcel from its ship date', () => {
    const estimate = estimateDelivery(aoures.profile, {
      placedAt: '2026-06-19T10:00:00-07:00',
      destination: 'domestic',
      lines: [{ ...ring, shippedAt: '2026-06-24T09:00:00-07:00' }, madeToOrderRing],
      readyToShipFirst: readyToShipFirst(),
    });
    expect(estimate.parcels.map((p) => [p.shipped, p.shipBy])).toEqual([
      [true, { from: '2026-06-24', to: '2026-06-24' }],
      [false, { from: '2026-07-06', to: '2026-07-10' }],
    ]);
  });

  it('says which processing time is missing instead of guessing one', () => {
    const estimate = estimateDelivery(
      { ...theOr.profile, processing: [] },
      { placedAt: FRIDAY_BEFORE_LABOR_DAY, destination: 'domestic', lines: [ring] },
    );
    expect(estimate).toMatchObject({
      shipBy: null,
      deliveredBy: null,
      missing: ['processing time for ready_to_ship goods'],
    });
  });

  it('counts processing hours from the moment of ordering, in the shop’s time zone', () => {
    const profile = {
      ...theOr.profile,
      processing: [{ id: 'same-day', quote: 'Orders ship within 12 hours.', min: 0, max: 12, unit: 'hours' as const }],
    };
    // 20:00 on Tuesday plus 12 hours is Wednesday morning in New York.
    const estimate = estimateDelivery(profile, {
      placedAt: '2026-09-15T20:00:00-04:00',
      destination: 'domestic',
      lines: [ring],
    });
    expect(estimate.shipBy).toEqual({ from: '2026-09-15', to: '2026-09-16' });
  });
});
