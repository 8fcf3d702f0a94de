import type { Order } from '../domain/contract/case.schema.ts';
import type { ShopifyOrderImport } from '../integrations/shopify/shopify-order-import.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { lowerCaseRefundCaps } from '../storage/repositories/case-refund-caps.ts';
import {
  appendAuditEntries,
  findOrderDatesByNumber,
  insertShipments,
  outboundTrackingNumbers,
  type ParcelSeenAgain,
  policyVersionsInForce,
  refreshOutboundParcels,
  upsertCustomers,
  upsertOrders,
} from '../storage/repositories/imported-orders.ts';
import type { ImportCopier, ParcelToCopy } from '../storage/repositories/imported-orders-copy.ts';
import type { OrderDatesOnFile } from '../storage/repositories/order-dates.ts';
import type { OutsideFacts } from '../storage/repositories/orders.ts';
import type { NewShipment } from '../storage/repositories/shipments.ts';
import { type Actor, describeActor, type ServiceContext } from './service-context.ts';

/** What storing one imported order did: whether it was new, and how many of its parcels were added. */
export type StoredImport = { created: boolean; parcelsAdded: number };

/**
 * Whether a batch can be stored in one go: its order numbers differ and so do
 * each order's line ids. Otherwise it is stored one order at a time, where a
 * repeated line id is refused with its path and a repeated number updates.
 */
export function canStoreTogether(values: ShopifyOrderImport[]): boolean {
  const numbers = new Set(values.map((v) => v.order.number));
  if (numbers.size !== values.length) return false;
  return values.every((v) => new Set(v.order.lines.map((l) => l.id)).size === v.order.lines.length);
}

/**
 * The writes of `storeImportedOrder` plus the order's parcels, for a whole
 * batch inside the caller's transaction, a few multi-row statements in all:
 * customers found or added by email, orders added or replaced by number (the
 * desk's production and delivery dates on file kept), lines replaced, one
 * audit entry an order, and the parcels whose tracking number is not on file
 * yet. The batch must pass `canStoreTogether`. Answers per order, in order.
 */
export async function storeImportedOrders(
  tx: LoupeDatabase,
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  values: ShopifyOrderImport[],
): Promise<StoredImport[]> {
  const now = ctx.now();
  const onFile = await findOrderDatesByNumber(
    tx,
    shopId,
    values.map((v) => v.order.number),
  );
  const customerIds = await upsertCustomers(
    tx,
    shopId,
    values.map((v) => ({ id: ctx.newId(), email: v.customer.email, name: v.customer.name })),
    now,
  );
  const saved = await upsertOrders(
    tx,
    shopId,
    values.map((v) => ({
      id: ctx.newId(),
      customerId: customerIds.get(v.customer.email.trim().toLowerCase()) ?? '',
      order: withDatesOnFile(v.order, onFile.get(v.order.number)),
      outside: outsideFactsOf(v),
    })),
    now,
  );
  const inForce = await policyVersionsInForce(tx, shopId);
  const who = describeActor(actor);
  await appendAuditEntries(
    tx,
    values.map((v) => {
      const s = saved.get(v.order.number);
      return {
        shopId,
        actor: who,
        action: s?.created ? 'import_order' : 'reimport_order',
        policyVersionId: inForce(new Date(v.order.placedAt)),
        detail: { orderId: s?.id, orderNumber: v.order.number },
        at: now,
      };
    }),
  );

  const replaced = [...saved.values()].filter((s) => !s.created).map((s) => s.id);
  const known = replaced.length > 0 ? await outboundTrackingNumbers(tx, replaced) : new Map<string, Set<string>>();
  const parcels: NewShipment[] = [];
  const again: ParcelSeenAgain[] = [];
  const results = values.map((v) => {
    const s = saved.get(v.order.number);
    if (!s) throw new Error(`order ${v.order.number} was not stored`);
    const onFile = known.get(s.id) ?? new Set<string>();
    const seen = new Set(onFile);
    let parcelsAdded = 0;
    for (const p of v.parcels) {
      if (onFile.has(p.trackingNumber)) {
        again.push({ orderId: s.id, trackingNumber: p.trackingNumber, trackingUrl: p.trackingUrl, carrier: p.carrier });
      }
      if (seen.has(p.trackingNumber)) continue;
      seen.add(p.trackingNumber);
      parcels.push({
        id: ctx.newId(),
        orderId: s.id,
        caseId: null,
        direction: 'outbound',
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
        trackingUrl: p.trackingUrl,
        status: p.status,
        estimatedFrom: null,
        estimatedTo: null,
        createdAt: new Date(p.shippedAt),
      });
      parcelsAdded++;
    }
    return { created: s.created, parcelsAdded };
  });
  await insertShipments(tx, parcels);
  await refreshOutboundParcels(tx, again);
  // Shopify may have refunded or cancelled them since a case was opened: those cases give back no more than is left.
  await lowerCaseRefundCaps(tx, replaced, who, now);
  return results;
}

/**
 * The same writes as `storeImportedOrders`, on PostgreSQL through COPY
 * (decision 018): the batch is copied into staging tables and moved into the
 * desk's tables in one transaction of the copier's own. The batch must pass
 * `canStoreTogether`. Answers per order, in order.
 */
export async function storeImportedOrdersByCopy(
  copier: ImportCopier,
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  values: ShopifyOrderImport[],
): Promise<StoredImport[]> {
  const parcels: ParcelToCopy[] = [];
  const orders = values.map((v) => {
    // A tracking number given twice for one order is one parcel.
    const seen = new Set<string>();
    for (const p of v.parcels) {
      if (seen.has(p.trackingNumber)) continue;
      seen.add(p.trackingNumber);
      parcels.push({
        id: ctx.newId(),
        orderNumber: v.order.number,
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
        trackingUrl: p.trackingUrl,
        status: p.status,
        createdAt: p.shippedAt,
      });
    }
    return {
      id: ctx.newId(),
      customerId: ctx.newId(),
      email: v.customer.email.trim().toLowerCase(),
      name: v.customer.name ?? null,
      order: v.order,
      outside: outsideFactsOf(v),
    };
  });
  const saved = await copier.store({ shopId, actor: describeActor(actor), at: ctx.now(), orders, parcels });
  return values.map((v) => {
    const s = saved.get(v.order.number);
    if (!s) throw new Error(`order ${v.order.number} was not stored`);
    return { created: s.created, parcelsAdded: s.parcelsAdded };
  });
}

/** What Shopify already refunded and when it cancelled the order: a re-import replaces both (a later refund raises the figure). */
export function outsideFactsOf(v: ShopifyOrderImport): OutsideFacts {
  return { refundedCents: v.refunds.amount, cancelledAt: v.cancelledAt };
}

/**
 * A re-import replaces an order's facts, but Shopify knows neither when
 * production started nor when the parcel arrived (the desk or the carrier's
 * tracking said so): those dates on file are kept. Shipping is Shopify's to say.
 */
export function withDatesOnFile(order: Order, onFile: OrderDatesOnFile | undefined): Order {
  if (!onFile) return order;
  const kept = { ...order };
  if (!kept.productionStartedAt && onFile.productionStartedAt) {
    kept.productionStartedAt = onFile.productionStartedAt.toISOString();
  }
  if (!kept.deliveredAt && onFile.deliveredAt) kept.deliveredAt = onFile.deliveredAt.toISOString();
  return kept;
}
