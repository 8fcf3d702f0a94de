import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { withImportCopier } from '../../test/import-copier.ts';
import { mapShopifyOrder } from '../integrations/shopify/map-shopify-order.ts';
import type { ShopifyImportItem } from '../integrations/shopify/read-shopify-orders.ts';
import { sampleOrder } from '../integrations/shopify/test-fixtures.ts';
import { findOrder } from '../storage/repositories/orders.ts';
import { auditLog, customers, orders, shipments } from '../storage/schema/index.ts';
import { importShopifyOrders } from './import-shopify-orders.ts';
import type { Actor, ServiceContext } from './service-context.ts';
import { canStoreTogether, storeImportedOrdersByCopy } from './store-imported-orders.ts';
import { syncBundledPolicies } from './sync-bundled-policies.ts';

const { db, kind } = await testDatabase();
const ctx: ServiceContext = { db, now: () => new Date('2026-07-10T12:00:00Z'), newId: () => randomUUID() };
const owner: Actor = { role: 'owner', shopId: '*', name: 'nia' };
beforeAll(() => syncBundledPolicies(ctx), 60_000);

const item = (fields: Record<string, unknown>): ShopifyImportItem => {
  const result = mapShopifyOrder(sampleOrder(fields));
  return { line: 1, index: 1, order: String(fields.name), result };
};
const mappedOf = (i: ShopifyImportItem) => {
  if (!i.result.ok) throw new Error('maps');
  return i.result.value;
};

describe('importShopifyOrders, a batch stored together', { timeout: 60_000 }, () => {
  it('adds a batch whose orders share a customer once, audited under the policy in force, and re-imports it in place', async () => {
    const batch = () => [
      item({ name: '#3001', email: 'Mia@Example.com' }),
      item({ name: '#3002', email: 'mia@example.com' }),
      item({ name: '#3003', email: 'kai@example.com' }),
    ];
    expect(canStoreTogether(batch().map(mappedOf))).toBe(true);
    const first = await importShopifyOrders(ctx, owner, 'theor', batch());
    expect(first).toMatchObject({ read: 3, created: 3, updated: 0, failed: 0, parcelsAdded: 0 });
    const people = await db.select().from(customers).where(eq(customers.shopId, 'theor'));
    expect(people.map((c) => c.email).sort()).toEqual(['kai@example.com', 'mia@example.com']);

    // The carrier's scan put a delivery date on file; Shopify's order never says it.
    await db
      .update(orders)
      .set({ deliveredAt: new Date('2026-03-06T10:00:00Z') })
      .where(and(eq(orders.shopId, 'theor'), eq(orders.number, '3002')));
    const before = await findOrder(db, 'theor', '3002');
    const again = await importShopifyOrders(ctx, owner, 'theor', batch());
    expect(again).toMatchObject({ read: 3, created: 0, updated: 3, failed: 0 });
    const after = await findOrder(db, 'theor', '3002');
    expect(after?.id).toBe(before?.id);
    expect(after?.order.deliveredAt).toBe('2026-03-06T10:00:00.000Z');
    expect(after?.order.lines.map((l) => l.id)).toEqual(before?.order.lines.map((l) => l.id));

    const stored = await db.select({ id: orders.id }).from(orders).where(eq(orders.shopId, 'theor'));
    const audit = await db
      .select({ action: auditLog.action, version: auditLog.policyVersionId })
      .from(auditLog)
      .where(and(eq(auditLog.shopId, 'theor'), inArray(auditLog.action, ['import_order', 'reimport_order'])));
    expect(stored).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'import_order')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'reimport_order')).toHaveLength(3);
    expect(audit.every((a) => a.version !== null)).toBe(true);
  });

  it('adds each tracking number once when a parcel already on file comes again in a batch', async () => {
    const tracked = {
      fulfillments: [
        { created_at: '2026-03-01T10:00:00Z', status: 'success', tracking_company: 'UPS', tracking_number: '1ZBATCH1' },
      ],
    };
    await importShopifyOrders(ctx, owner, 'aoures', [item({ name: '#3101', ...tracked })]);
    const summary = await importShopifyOrders(ctx, owner, 'aoures', [
      item({ name: '#3101', ...tracked }),
      item({ name: '#3102' }),
    ]);
    expect(summary).toMatchObject({ created: 1, updated: 1, parcelsAdded: 0 });
    const parcels = await db
      .select()
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(orders.shopId, 'aoures'));
    expect(parcels.map((p) => p.shipments.trackingNumber)).toEqual(['1ZBATCH1']);
  });

  it('stores a batch naming one order twice one order at a time: the later wins, stored once', async () => {
    const twice = [item({ name: '#3201', email: 'a@example.com' }), item({ name: '#3201', email: 'b@example.com' })];
    expect(canStoreTogether(twice.map(mappedOf))).toBe(false);
    const summary = await importShopifyOrders(ctx, owner, 'atelier', twice);
    expect(summary).toMatchObject({ read: 2, created: 1, updated: 1, failed: 0 });
    expect((await findOrder(db, 'atelier', '3201'))?.customer.email).toBe('b@example.com');
  });

  // importShopifyOrders redoes a failing batch one order at a time, which would hide a broken batch statement.
  it(`stores a batch in the copier's own statements, new and re-imported orders alike, on ${kind}`, async () => {
    // PGlite stores batches through multi-row statements (the tests above); COPY is PostgreSQL's.
    await withImportCopier(db, kind, async (copier) => {
      const values = [item({ name: '#3301', email: 'ana@example.com' }), item({ name: '#3302' })].map(mappedOf);
      const first = await storeImportedOrdersByCopy(copier, ctx, owner, 'aulso', values);
      expect(first.map((r) => r.created)).toEqual([true, true]);
      const again = await storeImportedOrdersByCopy(copier, ctx, owner, 'aulso', [
        ...values,
        mappedOf(item({ name: '#3303' })),
      ]);
      expect(again.map((r) => r.created)).toEqual([false, false, true]);
      const audit = await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.shopId, 'aulso'), inArray(auditLog.action, ['import_order', 'reimport_order'])));
      expect(audit.filter((a) => a.action === 'import_order')).toHaveLength(3);
      expect(audit.filter((a) => a.action === 'reimport_order')).toHaveLength(2);
    });
  });
});
