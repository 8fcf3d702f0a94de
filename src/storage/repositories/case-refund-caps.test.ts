import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { mapShopifyOrder } from '../../integrations/shopify/map-shopify-order.ts';
import type { ShopifyImportItem } from '../../integrations/shopify/read-shopify-orders.ts';
import { sampleOrder } from '../../integrations/shopify/test-fixtures.ts';
import { importShopifyOrders } from '../../services/import-shopify-orders.ts';
import { moneyCase } from '../../services/money/test-fixtures.ts';
import { leftToRefundCents } from '../../services/refundable-cents.ts';
import type { Actor, ServiceContext } from '../../services/service-context.ts';
import { syncBundledPolicies } from '../../services/sync-bundled-policies.ts';
import { auditLog, caseMoney, cases, orderLines, orders } from '../schema/index.ts';
import { lowerCaseRefundCaps } from './case-refund-caps.ts';
import { findOrder, findOrderById } from './orders.ts';

const { db, kind } = await testDatabase();
const at = new Date('2026-07-10T12:00:00Z');
const ctx: ServiceContext = { db, now: () => at, newId: () => randomUUID() };
const owner: Actor = { role: 'owner', shopId: '*', name: 'nia' };
beforeAll(() => syncBundledPolicies(ctx), 60_000);

const capOf = async (caseId: string) =>
  (await db.select().from(caseMoney).where(eq(caseMoney.caseId, caseId)))[0]?.refundableCents;
const lowered = (caseId: string) =>
  db
    .select({ detail: auditLog.detail, actor: auditLog.actor })
    .from(auditLog)
    .where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'lower_refund_cap')));

/** A case allowing 100.00 back on an order that cost 80.00 with 10.00 shipping, 20.00 already refunded through Loupe. */
async function caseOnPaidOrder() {
  const made = await moneyCase(db, { refundableCents: 10_000 });
  await db.insert(orderLines).values({
    orderId: made.orderId,
    lineId: 'l1',
    category: 'ring',
    unitPriceCents: 4_500,
    quantity: 2,
    discountCents: 1_000,
  });
  await db.update(orders).set({ shippingPaidCents: 1_000 }).where(eq(orders.id, made.orderId));
  await db.update(caseMoney).set({ refundedCents: 2_000 }).where(eq(caseMoney.caseId, made.caseId));
  return made;
}

describe(`a case's refund cap after Shopify refunds or cancels its order, on ${kind}`, { timeout: 60_000 }, () => {
  it('comes down to what is left of the order, with an audit entry saying from what to what and why', async () => {
    const { orderId, caseId } = await caseOnPaidOrder();
    await db.update(orders).set({ refundedOutsideCents: 3_000 }).where(eq(orders.id, orderId));

    expect(await lowerCaseRefundCaps(db, [orderId], 'Shopify import by nia', at)).toEqual([caseId]);

    // Paid: 2 x 45.00 less 10.00 discount, plus 10.00 shipping = 90.00; Shopify gave back 30.00.
    expect(await capOf(caseId)).toBe(6_000);
    expect(await lowered(caseId)).toEqual([
      {
        actor: 'Shopify import by nia',
        detail: {
          fromCents: 10_000,
          toCents: 6_000,
          currency: 'USD',
          reason: 'the order was refunded or cancelled outside Loupe',
        },
      },
    ]);
    // Nothing more to lower: no second entry.
    expect(await lowerCaseRefundCaps(db, [orderId], 'Shopify import by nia', at)).toEqual([]);
  });

  it('never comes below what the case already refunded, and to that for a cancelled order', async () => {
    const { orderId, caseId } = await caseOnPaidOrder();
    await db.update(orders).set({ refundedOutsideCents: 8_500 }).where(eq(orders.id, orderId));
    await lowerCaseRefundCaps(db, [orderId], 'import', at);
    expect(await capOf(caseId)).toBe(2_000);

    const other = await caseOnPaidOrder();
    await db.update(orders).set({ cancelledAt: at }).where(eq(orders.id, other.orderId));
    await lowerCaseRefundCaps(db, [other.orderId], 'import', at);
    expect(await capOf(other.caseId)).toBe(2_000);
  });

  it('computes what is left as the case services do (leftToRefundCents)', async () => {
    const { orderId, caseId } = await caseOnPaidOrder();
    await db
      .update(caseMoney)
      .set({ refundedCents: 0, refundableCents: 1_000_000 })
      .where(eq(caseMoney.caseId, caseId));
    await db.update(orders).set({ refundedOutsideCents: 1_234 }).where(eq(orders.id, orderId));
    await lowerCaseRefundCaps(db, [orderId], 'import', at);
    const stored = await findOrderById(db, orderId);
    if (!stored) throw new Error('stored');
    expect(await capOf(caseId)).toBe(leftToRefundCents(stored.order, stored));
  });
});

describe(`a Shopify re-import lowers the caps of its orders' cases, on ${kind}`, { timeout: 60_000 }, () => {
  const item = (name: string, refunds: string[]): ShopifyImportItem => ({
    line: 1,
    index: 1,
    order: name,
    result: mapShopifyOrder(
      sampleOrder({
        name,
        refunds: refunds.map((amount, i) => ({
          id: i + 1,
          created_at: '2026-03-05T10:00:00Z',
          transactions: [{ kind: 'refund', status: 'success', amount }],
          refund_line_items: [],
        })),
      }),
    ),
  });
  /** A case on the shop's imported order allowing everything paid back, as opening it would have. */
  async function caseOn(shopId: string, number: string) {
    const order = await findOrder(db, shopId, number);
    if (!order) throw new Error(`order ${number} imported`);
    const caseId = randomUUID();
    await db.insert(cases).values({
      id: caseId,
      shopId,
      orderId: order.id,
      number: Math.floor(Math.random() * 1e9),
      type: 'return',
      state: 'awaiting_return',
      createdAt: at,
      updatedAt: at,
    });
    const paid = leftToRefundCents(order.order, { refundedOutsideCents: 0, cancelledAt: null });
    await db.insert(caseMoney).values({ caseId, currency: order.order.currency, refundableCents: paid });
    return { caseId, paid };
  }

  it('in a batch of orders stored together', async () => {
    await importShopifyOrders(ctx, owner, 'amijose', [item('#5001', []), item('#5002', [])]);
    const { caseId, paid } = await caseOn('amijose', '5001');
    const summary = await importShopifyOrders(ctx, owner, 'amijose', [item('#5001', ['12.00']), item('#5002', [])]);
    expect(summary).toMatchObject({ updated: 2, failed: 0 });
    expect(await capOf(caseId)).toBe(paid - 1_200);
    expect(await lowered(caseId)).toHaveLength(1);
  });

  it('for one order stored alone (a webhook, or a batch redone one at a time)', async () => {
    await importShopifyOrders(ctx, owner, 'amijose', [item('#5101', [])]);
    const { caseId, paid } = await caseOn('amijose', '5101');
    await importShopifyOrders(ctx, owner, 'amijose', [item('#5101', ['5.00'])]);
    expect(await capOf(caseId)).toBe(paid - 500);
    expect((await lowered(caseId))[0]?.actor).toContain('nia');
  });
});
