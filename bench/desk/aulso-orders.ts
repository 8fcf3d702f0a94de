// The orders and requests the desk benchmark sends: Aulso's change-of-mind
// return a day after delivery (its 72-hour window: approved, shop-paid return),
// each order its own number, so every request opens a case on a fresh order.
import type { Order, Request } from '../../src/domain/contract/case.schema.ts';

export const SHOP = 'aulso';

const HOUR = 3_600_000;

/** The bench's n-th order number; the run tag keeps two runs on one database apart. */
export const orderNumber = (run: string, n: number) => `BENCH-${run}-${String(n).padStart(6, '0')}`;

/** The email the n-th order was placed with. */
export const customerEmail = (n: number) => `customer${n}@bench.example`;

/** An Aulso order placed five days before `now` and delivered one day before it. */
export function aulsoOrder(number: string, now: number): Order {
  return {
    number,
    placedAt: new Date(now - 5 * 24 * HOUR).toISOString(),
    currency: 'USD',
    destinationCountry: 'US',
    paymentMethod: 'card',
    shippingPaid: 1200,
    shippedAt: new Date(now - 4 * 24 * HOUR).toISOString(),
    deliveredAt: new Date(now - 24 * HOUR).toISOString(),
    carrier: { name: 'YunExpress', trackingNumber: `YT${number}` },
    lines: [
      {
        id: 'L1',
        sku: 'AU-B-TENNIS',
        title: 'Tennis Bracelet',
        category: 'bracelet',
        fulfillment: 'ready_to_ship',
        personalized: false,
        finalSale: false,
        onSale: false,
        previousRemakeOrReplacement: false,
        unitPrice: 5900,
        quantity: 1,
      },
    ],
  };
}

/** A change-of-mind return of the whole order, unworn, with its packaging and tags. */
export const changeOfMindReturn: Request = {
  type: 'return',
  lines: ['L1'],
  reason: 'changed_mind',
  condition: { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true },
  preferredResolution: 'refund',
};
