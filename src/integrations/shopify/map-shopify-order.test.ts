import { describe, expect, it } from 'vitest';
import { mapShopifyOrder } from './map-shopify-order.ts';
import type { ShopifyOrderImport } from './shopify-order-import.ts';
import { amijoseOrder, sampleOrder, sampleOrderFile } from './test-fixtures.ts';

function mapped(raw: unknown): ShopifyOrderImport {
  const result = mapShopifyOrder(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function refused(raw: unknown) {
  const result = mapShopifyOrder(raw);
  if (result.ok) throw new Error('expected the order to be refused');
  return result.issues;
}

describe('mapShopifyOrder on Shopify’s sample order #1001', () => {
  const { order, customer, parcels, refunds } = mapped(sampleOrderFile());

  it('keys the order by its name without the "#", placed when Shopify created it, shipping to US', () => {
    expect(order).toMatchObject({
      number: '1001',
      placedAt: '2008-01-10T11:00:00-05:00',
      currency: 'USD',
      destinationCountry: 'US',
      paymentMethod: 'card',
      shippingPaid: 0,
    });
    expect(customer).toEqual({ email: 'bob.norman@hostmail.com', name: 'Bob Norman' });
  });

  it('reads "199.00" as exactly 19900 cents on each of the three lines, numbered L1 to L3', () => {
    expect(order.lines.map((l) => [l.id, l.sku, l.unitPrice, l.quantity])).toEqual([
      ['L1', 'IPOD2008GREEN', 19900, 1],
      ['L2', 'IPOD2008RED', 19900, 1],
      ['L3', 'IPOD2008BLACK', 19900, 1],
    ]);
    expect(order.lines[0]?.title).toBe('IPod Nano - 8gb - green');
  });

  it('marks the line with a "Custom Engraving" property personalised, and only that one', () => {
    expect(order.lines.map((l) => l.personalized)).toEqual([true, false, false]);
  });

  it('keeps the discount code TENOFF as a promotion', () => {
    expect(order.discountCodes).toEqual([{ code: 'TENOFF', kind: 'promotion' }]);
  });

  it('does not count its fulfillment with status "failure" as shipped, nor its tracking number as a parcel', () => {
    expect(order.shippedAt).toBeUndefined();
    expect(order.lines.every((l) => l.shippedAt === undefined)).toBe(true);
    expect(order.carrier).toBeUndefined();
    expect(parcels).toEqual([]);
    expect(refunds).toEqual({ amount: 0, count: 0 });
  });

  it('ships the green iPod alone when the same fulfillment succeeded, with UPS tracking', () => {
    const sample = sampleOrderFile().order;
    const [fulfillment] = sample.fulfillments as Record<string, unknown>[];
    const shipped = mapped(
      sampleOrder({ fulfillments: [{ ...fulfillment, status: 'success', tracking_company: 'UPS' }] }),
    );
    expect(shipped.order.shippedAt).toBeUndefined();
    expect(shipped.order.lines.map((l) => l.shippedAt)).toEqual(['2014-03-07T16:14:08-05:00', undefined, undefined]);
    expect(shipped.order.carrier).toEqual({ name: 'UPS', trackingNumber: '1Z2345' });
    expect(shipped.parcels).toEqual([
      {
        carrier: 'UPS',
        trackingNumber: '1Z2345',
        trackingUrl: expect.stringContaining('InquiryNumber1=1Z2345'),
        shippedAt: '2014-03-07T16:14:08-05:00',
        status: 'in_transit',
      },
    ]);
  });
});

describe('mapShopifyOrder on an Amijose order (GB, GBP)', () => {
  const { order, customer, parcels, refunds } = mapped(amijoseOrder());

  it('is placed when Shopify processed it, paid by card beside a gift card, with the welcome code at 10%', () => {
    expect(order).toMatchObject({
      number: 'AJ1042',
      placedAt: '2026-03-02T09:14:03+00:00',
      currency: 'GBP',
      destinationCountry: 'GB',
      paymentMethod: 'card',
      shippingPaid: 495,
      discountCodes: [{ code: 'WELCOME10', kind: 'first_order', percentOff: 10 }],
    });
    expect(customer).toEqual({ email: 'isla.moreno@example.co.uk', name: 'Isla Moreno' });
  });

  it('reads the necklace, studs and gift card with their facts, pence exact and the discount allocated', () => {
    expect(order.lines).toEqual([
      expect.objectContaining({
        id: 'L1',
        category: 'necklace',
        personalized: true,
        unitPrice: 6500,
        quantity: 1,
        discount: 650,
      }),
      expect.objectContaining({ id: 'L2', category: 'earrings', personalized: false, unitPrice: 3800, quantity: 2 }),
      expect.objectContaining({ id: 'L3', category: 'gift_card', unitPrice: 5000 }),
    ]);
    expect(order.lines[1]?.discount).toBeUndefined();
    expect(order.lines.every((l) => l.fulfillment === 'ready_to_ship')).toBe(true);
  });

  it('ships the jewellery by Royal Mail while the gift card is not shipped, so only those lines carry a date', () => {
    expect(order.shippedAt).toBeUndefined();
    expect(order.lines.map((l) => l.shippedAt)).toEqual([
      '2026-03-04T16:20:00+00:00',
      '2026-03-04T16:20:00+00:00',
      undefined,
    ]);
    expect(order.carrier).toEqual({ name: 'Royal Mail', trackingNumber: 'RM123456785GB' });
    expect(parcels).toEqual([
      expect.objectContaining({ carrier: 'Royal Mail', trackingNumber: 'RM123456785GB', status: 'in_transit' }),
    ]);
  });

  it('reports the £38.00 already refunded in Shopify', () => {
    expect(refunds).toEqual({ amount: 3800, count: 1 });
  });

  it('dates the whole order when every line left in one parcel', () => {
    const all = mapped(
      amijoseOrder({
        fulfillments: [
          {
            created_at: '2026-03-04T16:20:00+00:00',
            status: 'success',
            tracking_numbers: ['A1', 'A2'],
            line_items: [],
          },
        ],
      }),
    );
    expect(all.order.shippedAt).toBe('2026-03-04T16:20:00+00:00');
    expect(all.order.lines.every((l) => l.shippedAt === undefined)).toBe(true);
    expect(all.parcels.map((p) => p.trackingNumber)).toEqual(['A1', 'A2']);
  });

  it('keeps cash on delivery whatever else paid (Aulso refuses COD returns)', () => {
    const cod = mapped(amijoseOrder({ payment_gateway_names: ['gift_card', 'Cash on Delivery (COD)'] }));
    expect(cod.order.paymentMethod).toBe('cash_on_delivery');
  });

  it('reads amounts of a currency without minor units as they are: ¥12000 is 12000, and refuses ¥6.50', () => {
    const line = {
      title: 'Pearl Drop Earrings',
      price: '12000',
      quantity: 1,
      discount_allocations: [{ amount: '1200' }],
    };
    const yen = mapped(sampleOrder({ currency: 'JPY', line_items: [line], shipping_lines: [{ price: '800' }] }));
    expect(yen.order.lines[0]).toMatchObject({ unitPrice: 12000, discount: 1200 });
    expect(yen.order.shippingPaid).toBe(800);
    // "65.00" is ¥65 (its decimals are zeros); the discount "6.50" and shipping "4.95" are no amounts of yen.
    expect(refused(amijoseOrder({ currency: 'JPY' })).map((i) => [i.path.join('.'), i.message])).toEqual([
      ['line_items.0.discount_allocations.0.amount', '"6.50" has more decimals than JPY has (0)'],
      ['shipping_lines.0.discounted_price', '"4.95" has more decimals than JPY has (0)'],
    ]);
  });
});

describe('mapShopifyOrder refusals, naming Shopify’s field', () => {
  it.each([
    [
      'a price that is not an amount',
      { line_items: [{ title: 'Ring', price: 'abc', quantity: 1 }] },
      'line_items.0.price',
    ],
    [
      'a price finer than the cent',
      { line_items: [{ title: 'Ring', price: '19.999', quantity: 1 }] },
      'line_items.0.price',
    ],
    ['no line items', { line_items: [] }, 'line_items'],
    ['a creation time without an offset', { created_at: '2026-03-02 09:14' }, 'created_at'],
    ['no email anywhere', { email: null, contact_email: null, customer: null }, 'email'],
    [
      'no country to ship to',
      { shipping_address: null, billing_address: null, customer: null },
      'shipping_address.country_code',
    ],
    ['neither name nor number', { name: null, order_number: null }, 'name'],
  ])('refuses %s', (_what, changes, path) => {
    const issues = refused(sampleOrder(changes));
    expect(issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('refuses what is not an order object', () => {
    expect(refused(42)[0]?.path).toEqual([]);
  });
});

describe('mapShopifyOrder on what the database cannot store', () => {
  const lines = () => (sampleOrder().line_items as Record<string, unknown>[]).map((item) => ({ ...item }));

  it('reports a quantity beyond the stored integer with its field, instead of failing when stored', () => {
    const items = lines();
    items[0] = { ...items[0], quantity: 2 ** 40 };
    const mapped = mapShopifyOrder(sampleOrder({ line_items: items }));
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.issues.map((i) => i.path)).toContainEqual(['order', 'lines', 0, 'quantity']);
  });

  it('reports a NUL character in a title with its field', () => {
    const items = lines();
    items[1] = { ...items[1], title: 'Signet\u0000ring', name: 'Signet\u0000ring' };
    const mapped = mapShopifyOrder(sampleOrder({ line_items: items }));
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.issues.map((i) => i.path)).toContainEqual(['order', 'lines', 1, 'title']);
  });
});
