import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deskApp } from '../../../../test/desk-app.ts';
import { sampleOrder } from '../../../integrations/shopify/test-fixtures.ts';
import { caseMoney, orders } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const { db } = desk.database;

const SHOPIFY_TRACKING = 'https://aulso.example/apps/track/1ZAULSO0001';

/** An Aulso pearl necklace ($59, shipping free) sent by UPS, with the refunds Shopify made (dollar strings). */
const shopifyOrder = (name: string, refunds: string[], changes: Record<string, unknown> = {}) => {
  const base = sampleOrder();
  const [first] = base.line_items as Record<string, unknown>[];
  return sampleOrder({
    name,
    email: 'mei@example.com',
    currency: 'USD',
    created_at: '2026-03-02T10:00:00+08:00',
    processed_at: '2026-03-02T10:00:00+08:00',
    line_items: [{ ...first, id: 1, title: 'Pearl necklace', name: 'Pearl necklace', sku: 'AU-NK-1', price: '59.00' }],
    shipping_lines: [],
    discount_codes: [],
    discount_applications: [],
    fulfillments: [
      {
        id: 1,
        status: 'success',
        created_at: '2026-03-03T10:00:00+08:00',
        tracking_company: 'UPS',
        tracking_number: '1ZAULSO0001',
        tracking_urls: [SHOPIFY_TRACKING],
        line_items: [{ id: 1 }],
      },
    ],
    refunds: refunds.map((amount, i) => ({
      id: 100 + i,
      created_at: '2026-03-05T10:00:00+08:00',
      transactions: [{ kind: 'refund', status: 'success', amount, gateway: 'shopify_payments' }],
      refund_line_items: [],
    })),
    ...changes,
  });
};

const importShopify = (order: Record<string, unknown>) =>
  desk.staff({
    method: 'POST',
    url: '/api/v1/shops/aulso/imports/shopify',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ order }),
  });

// The carrier's scan says it arrived the day before the customer asks: a change of mind is within the 72 hours.
const delivered = (number: string) =>
  db
    .update(orders)
    .set({ deliveredAt: new Date('2026-03-09T10:00:00+08:00') })
    .where(and(eq(orders.shopId, 'aulso'), eq(orders.number, number)));

const request = {
  type: 'return',
  lines: ['L1'],
  reason: 'changed_mind',
  condition: { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true },
  preferredResolution: 'refund',
};
const openCase = (orderNumber: string) =>
  desk.staff({ method: 'POST', url: '/api/v1/shops/aulso/cases', payload: { orderNumber, request } });
const refund = (caseId: string, amountCents: number) =>
  desk.staff({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/refunds`,
    headers: { 'idempotency-key': `${caseId}-${amountCents}` },
    payload: { amountCents },
  });

describe(`refunds and cancellation made in Shopify on ${desk.database.kind}`, () => {
  it('stores what Shopify refunded, shows it on the order with Shopify’s tracking page, and a later refund raises it', async () => {
    const first = await importShopify(shopifyOrder('#AU-R1', ['20.00']));
    expect(first.json(), first.body).toMatchObject({ created: 1, failed: 0 });
    const view = (await desk.staff({ url: '/api/v1/shops/aulso/orders/AU-R1' })).json();
    expect(view).toMatchObject({ refundedOutsideCents: 2000, cancelledAt: null });
    expect(view.shipments).toMatchObject([{ trackingNumber: '1ZAULSO0001', trackingUrl: SHOPIFY_TRACKING }]);
    expect(view.tracking).toMatchObject({ trackingNumber: '1ZAULSO0001', trackingUrl: SHOPIFY_TRACKING });

    const again = await importShopify(shopifyOrder('#AU-R1', ['20.00', '15.50']));
    expect(again.json()).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const updated = (await desk.staff({ url: '/api/v1/shops/aulso/orders/AU-R1' })).json();
    expect(updated).toMatchObject({ refundedOutsideCents: 3550, id: view.id });
    expect(updated.shipments).toHaveLength(1);
    const stored = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.number, 'AU-R1'));
    expect(stored[0]?.n).toBe(1);
  });

  it('caps a case on a partly refunded order at what is left, and the database refuses a refund beyond it', async () => {
    await importShopify(shopifyOrder('#AU-R2', ['20.00']));
    await delivered('AU-R2');
    desk.setNow('2026-03-10T10:00:00+08:00');
    const opened = await openCase('AU-R2');
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId: string = opened.json().id;
    expect(opened.json().state).toBe('decided_approved');
    const [money] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, caseId));
    // $59 paid, $20 already refunded in Shopify: $39 left, though the policy alone would allow $59.
    expect(money?.refundableCents).toBe(3900);

    const over = await refund(caseId, 3901);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'OVER_REFUND' });
    // Not only the code: the row itself cannot hold more refunded than refundable.
    await expect(
      db.update(caseMoney).set({ refundedCents: 3901 }).where(eq(caseMoney.caseId, caseId)),
    ).rejects.toThrow();
    const rest = await refund(caseId, 3900);
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json()).toMatchObject({
      caseMoney: { refundableCents: 3900, refundedCents: 3900, leftToRefundCents: 0 },
    });
  });

  it('opens a case on an order Shopify refunded in full or cancelled with nothing to refund, and the order says why', async () => {
    await importShopify(shopifyOrder('#AU-R3', ['59.00']));
    await importShopify(
      shopifyOrder('#AU-R4', [], { cancelled_at: '2026-03-04T09:00:00+08:00', cancel_reason: 'customer' }),
    );
    await delivered('AU-R3');
    await delivered('AU-R4');
    desk.setNow('2026-03-10T10:00:00+08:00');
    for (const number of ['AU-R3', 'AU-R4']) {
      const opened = await openCase(number);
      expect(opened.statusCode, opened.body).toBe(201);
      const [money] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, opened.json().id));
      expect(money?.refundableCents).toBe(0);
      const refused = await refund(opened.json().id, 1);
      expect(refused.json()).toMatchObject({ code: 'OVER_REFUND' });
    }
    const full = (await desk.staff({ url: '/api/v1/shops/aulso/orders/AU-R3' })).json();
    expect(full).toMatchObject({ refundedOutsideCents: 5900, cancelledAt: null });
    const cancelled = (await desk.staff({ url: '/api/v1/shops/aulso/orders/AU-R4' })).json();
    expect(cancelled).toMatchObject({ refundedOutsideCents: 0, cancelledAt: '2026-03-04T01:00:00.000Z' });
  });
});
