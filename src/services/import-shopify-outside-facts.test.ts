import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { withImportCopier } from '../../test/import-copier.ts';
import { mapShopifyOrder } from '../integrations/shopify/map-shopify-order.ts';
import { readShopifyOrders, type ShopifyImportItem } from '../integrations/shopify/read-shopify-orders.ts';
import { chunked, exportFile, sampleOrder, THEOR_EXPORT } from '../integrations/shopify/test-fixtures.ts';
import { findOrder } from '../storage/repositories/orders.ts';
import { orders, shipments } from '../storage/schema/index.ts';
import { importShopifyOrders } from './import-shopify-orders.ts';
import type { Actor, ServiceContext } from './service-context.ts';
import { storeImportedOrdersByCopy } from './store-imported-orders.ts';
import { syncBundledPolicies } from './sync-bundled-policies.ts';

const { db, kind } = await testDatabase();
const ctx: ServiceContext = { db, now: () => new Date('2026-07-10T12:00:00Z'), newId: () => randomUUID() };
const owner: Actor = { role: 'owner', shopId: '*', name: 'nia' };
beforeAll(() => syncBundledPolicies(ctx), 60_000);

const TRACKING_URL = 'https://theor.example/track/1ZOUT1';

/** Shopify's fulfillment of an order: shipped by UPS, with the tracking pages given (Shopify's `tracking_urls`). */
const shippedByUps = (name: string, trackingUrls: string[]) => [
  {
    id: 1,
    status: 'success',
    created_at: '2026-03-01T10:00:00Z',
    tracking_company: 'UPS',
    tracking_number: `1Z${name.replace('#', '')}`,
    tracking_urls: trackingUrls,
  },
];

/** The sample order under another name, with Shopify's refunds (dollar strings), shipped by UPS with its tracking page. */
const withRefunds = (name: string, refunds: string[], changes: Record<string, unknown> = {}) =>
  sampleOrder({
    name,
    fulfillments: shippedByUps(name, [TRACKING_URL]),
    refunds: refunds.map((amount, i) => ({
      id: i + 1,
      created_at: '2026-03-05T10:00:00Z',
      transactions: [{ kind: 'refund', status: 'success', amount }],
      refund_line_items: [],
    })),
    ...changes,
  });
const item = (order: Record<string, unknown>): ShopifyImportItem => ({
  line: 1,
  index: 1,
  order: String(order.name),
  result: mapShopifyOrder(order),
});
const mapped = (order: Record<string, unknown>) => {
  const result = mapShopifyOrder(order);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const outside = async (shopId: string, number: string) => {
  const o = await findOrder(db, shopId, number);
  return { refundedOutsideCents: o?.refundedOutsideCents, cancelledAt: o?.cancelledAt?.toISOString() ?? null };
};
const trackingUrls = async (shopId: string, number: string) =>
  (
    await db
      .select({ url: shipments.trackingUrl })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(and(eq(orders.shopId, shopId), eq(orders.number, number)))
  ).map((r) => r.url);

describe(`Shopify's refunds, cancellation and tracking pages stored on ${kind}`, { timeout: 60_000 }, () => {
  it('stores them for a batch, and a re-import with a later refund raises the figure without a second order', async () => {
    const batch = (refunds: string[]) => [
      item(withRefunds('#4001', refunds)),
      item(withRefunds('#4002', [], { cancelled_at: '2026-03-02T09:00:00-04:00' })),
    ];
    expect(await importShopifyOrders(ctx, owner, 'theor', batch(['38.00']))).toMatchObject({ created: 2, failed: 0 });
    expect(await outside('theor', '4001')).toEqual({ refundedOutsideCents: 3800, cancelledAt: null });
    expect(await outside('theor', '4002')).toEqual({
      refundedOutsideCents: 0,
      cancelledAt: '2026-03-02T13:00:00.000Z',
    });
    expect(await trackingUrls('theor', '4001')).toEqual([TRACKING_URL]);

    expect(await importShopifyOrders(ctx, owner, 'theor', batch(['38.00', '12.50']))).toMatchObject({
      created: 0,
      updated: 2,
    });
    expect(await outside('theor', '4001')).toEqual({ refundedOutsideCents: 5050, cancelledAt: null });
    expect(await trackingUrls('theor', '4001')).toEqual([TRACKING_URL]);
    const stored = await db
      .select()
      .from(orders)
      .where(and(eq(orders.shopId, 'theor'), eq(orders.number, '4001')));
    expect(stored).toHaveLength(1);
  });

  it('stores them one order at a time too (a batch naming an order twice): the later refund wins', async () => {
    const summary = await importShopifyOrders(ctx, owner, 'aoures', [
      item(withRefunds('#4101', ['10.00'])),
      item(withRefunds('#4101', ['10.00', '5.00'], { cancelled_at: '2026-03-06T10:00:00Z' })),
    ]);
    expect(summary).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect(await outside('aoures', '4101')).toEqual({
      refundedOutsideCents: 1500,
      cancelledAt: '2026-03-06T10:00:00.000Z',
    });
    expect(await trackingUrls('aoures', '4101')).toEqual([TRACKING_URL]);
  });

  it('reads "Refunded Amount" and "Cancelled at" from the CSV export', async () => {
    const [, , , first, second] = THEOR_EXPORT;
    const rows = [
      { ...first, Name: '#C4201', 'Cancelled at': '2026-07-05 09:00:00 -0400' },
      { ...second, Name: '#C4201' },
    ] as Record<string, string>[];
    const summary = await importShopifyOrders(
      ctx,
      owner,
      'theor',
      readShopifyOrders(chunked(exportFile(rows), 256), 'csv'),
    );
    expect(summary).toMatchObject({ created: 1, failed: 0 });
    expect(await outside('theor', 'C4201')).toEqual({
      refundedOutsideCents: 10_400,
      cancelledAt: '2026-07-05T13:00:00.000Z',
    });
  });

  it(`stores them through COPY on PostgreSQL, and a re-import through COPY raises the refund, on ${kind}`, async () => {
    // COPY is PostgreSQL's: PGlite stores batches through multi-row statements, tested above.
    await withImportCopier(db, kind, async (copier) => {
      const store = (refunds: string[]) =>
        storeImportedOrdersByCopy(copier, ctx, owner, 'atelier', [
          mapped(withRefunds('#4301', refunds, { cancelled_at: '2026-03-07T10:00:00Z' })),
        ]);
      expect(await store(['20.00'])).toEqual([{ created: true, parcelsAdded: 1 }]);
      expect(await outside('atelier', '4301')).toEqual({
        refundedOutsideCents: 2000,
        cancelledAt: '2026-03-07T10:00:00.000Z',
      });
      expect(await trackingUrls('atelier', '4301')).toEqual([TRACKING_URL]);
      expect(await store(['20.00', '30.00'])).toEqual([{ created: false, parcelsAdded: 0 }]);
      expect((await outside('atelier', '4301')).refundedOutsideCents).toBe(5000);
    });
  });

  it('gives a parcel on file the tracking page a re-import brings, in a batch and alone, without a second parcel', async () => {
    const shipped = (name: string, urls: string[]) =>
      item(withRefunds(name, [], { fulfillments: shippedByUps(name, urls) }));
    // A batch of two is stored together (COPY on PostgreSQL, multi-row statements on PGlite); one order alone.
    await importShopifyOrders(ctx, owner, 'aulso', [shipped('#4401', []), shipped('#4402', [])]);
    await importShopifyOrders(ctx, owner, 'aulso', [shipped('#4403', [])]);
    expect(await trackingUrls('aulso', '4401')).toEqual([null]);

    const again = await importShopifyOrders(ctx, owner, 'aulso', [
      shipped('#4401', [TRACKING_URL]),
      shipped('#4402', []),
    ]);
    expect(again).toMatchObject({ updated: 2, parcelsAdded: 0 });
    await importShopifyOrders(ctx, owner, 'aulso', [shipped('#4403', [TRACKING_URL])]);

    expect(await trackingUrls('aulso', '4401')).toEqual([TRACKING_URL]);
    // Shopify saying nothing of a tracking page keeps the one on file.
    expect(await trackingUrls('aulso', '4402')).toEqual([null]);
    expect(await trackingUrls('aulso', '4403')).toEqual([TRACKING_URL]);
  });
});
