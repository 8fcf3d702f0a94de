import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { decide } from '../domain/decide/decide.ts';
import { mapShopifyOrder } from '../integrations/shopify/map-shopify-order.ts';
import { readShopifyOrders, type ShopifyImportItem } from '../integrations/shopify/read-shopify-orders.ts';
import { amijoseOrder, chunked, exportFile, sampleOrder, THEOR_EXPORT } from '../integrations/shopify/test-fixtures.ts';
import { loadBundledPolicies } from '../policies/load-policy-file.ts';
import { findOrder } from '../storage/repositories/orders.ts';
import { auditLog, customers, orderLines, orders, shipments } from '../storage/schema/index.ts';
import { type ImportProgress, importShopifyOrders } from './import-shopify-orders.ts';
import { type Actor, LOUPE, type ServiceContext } from './service-context.ts';
import { syncBundledPolicies } from './sync-bundled-policies.ts';

const { db } = await testDatabase();
const ctx: ServiceContext = { db, now: () => new Date('2026-07-10T12:00:00Z'), newId: () => randomUUID() };
const owner: Actor = { role: 'owner', shopId: '*', name: 'nia' };
beforeAll(() => syncBundledPolicies(ctx), 60_000);

const csv = (rows: Record<string, string>[]) => readShopifyOrders(chunked(exportFile(rows), 256), 'csv');
const json = (text: string) => readShopifyOrders(chunked(text, 256), 'json');

async function rowsOf(shopId: string) {
  const [o] = await db.select({ n: count() }).from(orders).where(eq(orders.shopId, shopId));
  const [l] = await db
    .select({ n: count() })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orders.shopId, shopId));
  const [c] = await db.select({ n: count() }).from(customers).where(eq(customers.shopId, shopId));
  const [s] = await db
    .select({ n: count() })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(orders.shopId, shopId));
  return { orders: o?.n, lines: l?.n, customers: c?.n, shipments: s?.n };
}

describe('importShopifyOrders', { timeout: 60_000 }, () => {
  it('loads the good orders of an export around a bad row, reporting it with its line, and the refunds seen', async () => {
    const heard: ImportProgress[] = [];
    const summary = await importShopifyOrders(ctx, owner, 'theor', csv(THEOR_EXPORT), (p) => heard.push(p));
    expect(summary).toMatchObject({
      shop: 'theor',
      read: 3,
      created: 2,
      updated: 0,
      failed: 1,
      cancelledSeen: 0,
      stopped: null,
    });
    expect(summary.failures).toEqual([
      {
        line: 5,
        index: 2,
        order: '1002',
        issues: [{ path: 'Lineitem price', message: 'an amount such as 199.00', code: 'invalid_format' }],
      },
    ]);
    expect(summary.refunds).toEqual([{ line: 6, order: '1003', currency: 'USD', amount: 10400 }]);
    expect(summary.refundsSeen).toBe(1);
    expect(await rowsOf('theor')).toEqual({ orders: 2, lines: 4, customers: 2, shipments: 0 });
    expect(heard.at(-1)).toEqual({ read: 3, created: 2, updated: 0, failed: 1 });
    const stored = await findOrder(db, 'theor', '1001');
    expect(stored?.customer.email).toBe('gia.rossi@example.com');
    expect(stored?.order.lines.map((l) => [l.id, l.unitPrice, l.discount ?? 0, l.onSale])).toEqual([
      ['L1', 16500, 2475, false],
      ['L2', 5200, 0, true],
    ]);
  });

  it('updates on a second import instead of adding: same rows, audited as re-imports', async () => {
    const before = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'reimport_order'));
    const summary = await importShopifyOrders(ctx, owner, 'theor', csv(THEOR_EXPORT));
    expect(summary).toMatchObject({ read: 3, created: 0, updated: 2, failed: 1 });
    expect(await rowsOf('theor')).toEqual({ orders: 2, lines: 4, customers: 2, shipments: 0 });
    const after = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'reimport_order'));
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(2);
  });

  it('adds the shipped parcel of an order once, however often it is imported, and the order decides', async () => {
    const page = JSON.stringify({
      orders: [amijoseOrder(), sampleOrder({ name: '#AJ1043', email: 'bo@example.co.uk' })],
    });
    const first = await importShopifyOrders(ctx, owner, 'amijose', json(page));
    expect(first).toMatchObject({ created: 2, failed: 0, parcelsAdded: 1, refundsSeen: 1 });
    const again = await importShopifyOrders(ctx, owner, 'amijose', json(page));
    expect(again).toMatchObject({ created: 0, updated: 2, parcelsAdded: 0 });
    expect(await rowsOf('amijose')).toMatchObject({ orders: 2, lines: 6, shipments: 1 });
    const [parcel] = await db
      .select()
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(and(eq(orders.shopId, 'amijose'), eq(orders.number, 'AJ1042')));
    expect(parcel?.shipments).toMatchObject({
      direction: 'outbound',
      carrier: 'Royal Mail',
      trackingNumber: 'RM123456785GB',
    });

    // Amijose: personalised pieces are never refundable; the stored order says the necklace is one.
    const stored = await findOrder(db, 'amijose', 'AJ1042');
    const policy = loadBundledPolicies().get('amijose');
    if (!stored || !policy) throw new Error('missing order or policy');
    const decision = decide(policy, {
      shop: 'amijose',
      now: '2026-03-10T10:00:00+00:00',
      order: stored.order,
      request: { type: 'return', lines: ['L1'], reason: 'changed_mind' },
    });
    expect(decision.resolutions).not.toContain('refund');
  });

  it('keeps the delivery date the carrier’s tracking put on file when Shopify sends the order again', async () => {
    const page = JSON.stringify(amijoseOrder({ name: '#AJ1060' }));
    await importShopifyOrders(ctx, owner, 'amijose', json(page));
    // What EasyPost's "delivered" scan does to an order (decision 011); Shopify's order never says it.
    await db
      .update(orders)
      .set({ deliveredAt: new Date('2026-03-06T10:00:00Z') })
      .where(and(eq(orders.shopId, 'amijose'), eq(orders.number, 'AJ1060')));
    const again = await importShopifyOrders(ctx, owner, 'amijose', json(page));
    expect(again).toMatchObject({ updated: 1, failed: 0 });
    expect((await findOrder(db, 'amijose', 'AJ1060'))?.order.deliveredAt).toBe('2026-03-06T10:00:00.000Z');
  });

  it('keeps the orders before a document stops being readable, and says where it stopped', async () => {
    const text = `[\n${JSON.stringify(sampleOrder({ name: '#1101' }))},\n{"name": "#1102",, }\n]`;
    const summary = await importShopifyOrders(ctx, owner, 'aulso', json(text));
    expect(summary).toMatchObject({ read: 1, created: 1, failed: 0 });
    expect(summary.stopped).toEqual({ line: 3, message: expect.stringMatching(/^line 3: not JSON/) });
  });

  it('refuses a file that cannot be read at all, storing nothing', async () => {
    await expect(importShopifyOrders(ctx, owner, 'atelier', json('Name,Email\n'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await rowsOf('atelier')).toMatchObject({ orders: 0 });
  });

  it('tells an order storage refuses apart from its batch, and stores the others', async () => {
    const mapped = (name: string): ShopifyImportItem => {
      const result = mapShopifyOrder(sampleOrder({ name }));
      return { line: 1, index: 1, order: name, result };
    };
    const bad = mapped('#2002');
    if (!bad.result.ok) throw new Error('maps');
    const line = bad.result.value.order.lines[0];
    if (line) bad.result.value.order.lines.push({ ...line });
    const summary = await importShopifyOrders(ctx, owner, 'aoures', [mapped('#2001'), bad, mapped('#2003')]);
    expect(summary).toMatchObject({ read: 3, created: 2, failed: 1 });
    expect(summary.failures[0]).toMatchObject({ order: '2002', issues: [{ path: 'order.lines[3].id' }] });
    expect(await rowsOf('aoures')).toMatchObject({ orders: 2 });
  });

  it('takes one order from Loupe itself, as a webhook would, and counts it cancelled when Shopify says so', async () => {
    const cancelled = sampleOrder({
      name: '#1201',
      cancelled_at: '2026-07-03T09:00:00-04:00',
      cancel_reason: 'customer',
    });
    const summary = await importShopifyOrders(ctx, LOUPE, 'aulso', [
      { line: 1, index: 1, order: null, result: mapShopifyOrder(cancelled) },
    ]);
    expect(summary).toMatchObject({ read: 1, created: 1, cancelledSeen: 1 });
  });

  it('refuses an unknown shop and staff of another shop before reading anything', async () => {
    const unread = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('read')) }) };
    await expect(importShopifyOrders(ctx, owner, 'nope', unread)).rejects.toMatchObject({ code: 'UNKNOWN_SHOP' });
    const agent: Actor = { role: 'agent', shopId: 'aulso', name: 'sam' };
    await expect(importShopifyOrders(ctx, agent, 'theor', unread)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
