import { DomainError, formatPath, type Issue } from '../domain/errors.ts';
import type { ShopifyImportItem } from '../integrations/shopify/read-shopify-orders.ts';
import type { ShopifyOrderImport } from '../integrations/shopify/shopify-order-import.ts';
import { type LoupeDatabase, transaction } from '../storage/database.ts';
import { readDatabaseError } from '../storage/database-error.ts';
import { refreshOutboundParcels } from '../storage/repositories/imported-orders.ts';
import { type ImportCopier, openImportCopier } from '../storage/repositories/imported-orders-copy.ts';
import { findOrderDates } from '../storage/repositories/order-dates.ts';
import { insertShipment, listShipments } from '../storage/repositories/shipments.ts';
import { assertStaffOf } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { storeImportedOrder } from './import-order.ts';
import type { Actor, ServiceContext } from './service-context.ts';
import {
  canStoreTogether,
  outsideFactsOf,
  storeImportedOrders,
  storeImportedOrdersByCopy,
  withDatesOnFile,
} from './store-imported-orders.ts';

/**
 * Orders stored per transaction, in a few multi-row statements: fewer commits
 * and round trips; a failing batch is redone one order at a time.
 */
export const IMPORT_BATCH_SIZE = 2000;
/** Failures and refunds listed in a summary; beyond, only counted (a 100,000-row file can fail on every row). */
export const IMPORT_REPORT_LIMIT = 1000;

/** An order that was not imported: where it is in the file, its number when it could be read, and why. */
export type ImportFailure = {
  line: number;
  index: number;
  order: string | null;
  issues: { path: string; message: string; code: string }[];
};

/** Money Shopify already refunded on an imported order, in minor units of its currency. */
export type RefundSeen = { line: number; order: string; currency: string; amount: number; count?: number };

/** How far an import has got. */
export type ImportProgress = { read: number; created: number; updated: number; failed: number };

/** What an import did. */
export type ShopifyImportSummary = ImportProgress & {
  shop: string;
  /** The first IMPORT_REPORT_LIMIT failures; `failed` counts them all. */
  failures: ImportFailure[];
  /** Imported orders with refunds made in Shopify (the first IMPORT_REPORT_LIMIT), stored as each order's `refunded_outside_cents`. */
  refunds: RefundSeen[];
  refundsSeen: number;
  /** Outbound parcels added from Shopify's fulfillments (a tracking number already on file is not added again). */
  parcelsAdded: number;
  /** Imported orders Shopify says were cancelled: stored with their `cancelled_at` (the desk has no cancelled state). */
  cancelledSeen: number;
  /** Where the file stopped being readable, if it did: the orders before it stand. */
  stopped: { line: number; message: string } | null;
};

type Mapped = { item: ShopifyImportItem; value: ShopifyOrderImport };

/**
 * Brings Shopify orders into a shop's desk, as they stream in, through
 * `importOrder`'s writes: a known number is updated, a new one added; each
 * order's shipped parcels are added as outbound shipments. Orders that could
 * not be read or stored are reported with their line while the others load.
 * Staff of the shop (or Loupe itself, for a webhook: pass one item). Orders
 * are committed in batches; `onProgress` hears after each batch and failure.
 */
export async function importShopifyOrders(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  items: AsyncIterable<ShopifyImportItem> | Iterable<ShopifyImportItem>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ShopifyImportSummary> {
  assertStaffOf(actor, shopId);
  await findShopOrThrow(ctx.db, shopId);
  const summary: ShopifyImportSummary = {
    shop: shopId,
    read: 0,
    created: 0,
    updated: 0,
    failed: 0,
    failures: [],
    refunds: [],
    refundsSeen: 0,
    parcelsAdded: 0,
    cancelledSeen: 0,
    stopped: null,
  };
  const progress = () =>
    onProgress?.({ read: summary.read, created: summary.created, updated: summary.updated, failed: summary.failed });
  const fail = (item: ShopifyImportItem, order: string | null, issues: Issue[]) => {
    summary.failed++;
    if (summary.failures.length < IMPORT_REPORT_LIMIT) {
      summary.failures.push({
        line: item.line,
        index: item.index,
        order,
        issues: issues.map((i) => ({ path: formatPath(i.path), message: i.message, code: i.code })),
      });
    }
    progress();
  };
  const stored = (m: Mapped, saved: { created: boolean; parcelsAdded: number }) => {
    if (saved.created) summary.created++;
    else summary.updated++;
    summary.parcelsAdded += saved.parcelsAdded;
    if (m.value.cancelled) summary.cancelledSeen++;
    const { refunds, order } = m.value;
    if (refunds.amount > 0 || (refunds.count ?? 0) > 0) {
      summary.refundsSeen++;
      if (summary.refunds.length < IMPORT_REPORT_LIMIT) {
        summary.refunds.push({ line: m.item.line, order: order.number, currency: order.currency, ...refunds });
      }
    }
  };

  // On PostgreSQL, batches go through COPY on a connection of their own, taken at the first batch.
  let copier: Promise<ImportCopier | undefined> | undefined;
  const copierFor = () => {
    copier ??= openImportCopier(ctx.db);
    return copier;
  };
  let batch: Mapped[] = [];
  // One batch is stored while the next is read and mapped, so the database and
  // this process work at the same time; batches are still stored in file order.
  let storing: Promise<void> = Promise.resolve();
  let storeFailure: { error: unknown } | undefined;
  const settle = async () => {
    await storing;
    const failure = storeFailure;
    storeFailure = undefined;
    if (failure) throw failure.error;
  };
  const flush = async () => {
    await settle();
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    storing = storeBatch(ctx, actor, shopId, pending, copierFor, stored, fail).then(progress, (error: unknown) => {
      storeFailure = { error };
    });
  };
  try {
    await readAndStore();
  } finally {
    await (await copier?.catch(() => undefined))?.close();
  }
  return summary;

  async function readAndStore(): Promise<void> {
    try {
      for await (const item of items) {
        summary.read++;
        if (!item.result.ok) fail(item, item.order, item.result.issues);
        else {
          batch.push({ item, value: item.result.value });
          if (batch.length >= IMPORT_BATCH_SIZE) await flush();
        }
      }
    } catch (err) {
      await flush();
      await settle();
      // A file that stops being readable keeps what came before; one that never was is refused.
      if (!(err instanceof DomainError) || summary.read === 0) throw err;
      summary.stopped = { line: err.issues[0]?.line ?? 0, message: err.message };
    }
    await flush();
    await settle();
  }
}

/**
 * Stores a batch in one transaction; if any order of it fails, the batch is
 * rolled back and redone one order per transaction, so each failure is told
 * apart and the rest still load.
 */
async function storeBatch(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  batch: Mapped[],
  copierFor: () => Promise<ImportCopier | undefined>,
  stored: (m: Mapped, saved: { created: boolean; parcelsAdded: number }) => void,
  fail: (item: ShopifyImportItem, order: string | null, issues: Issue[]) => void,
): Promise<void> {
  if (batch.length > 1) {
    try {
      const values = batch.map((m) => m.value);
      const together = canStoreTogether(values);
      const copier = together ? await copierFor() : undefined;
      const saved = copier
        ? await storeImportedOrdersByCopy(copier, ctx, actor, shopId, values)
        : await transaction(ctx.db, async (tx) => {
            if (together) return storeImportedOrders(tx, ctx, actor, shopId, values);
            const results: { created: boolean; parcelsAdded: number }[] = [];
            for (const m of batch) results.push(await storeOne(tx, ctx, actor, shopId, m.value));
            return results;
          });
      batch.forEach((m, i) => {
        const s = saved[i];
        if (s) stored(m, s);
      });
      return;
    } catch {
      // Redone one by one below, which tells the failing order apart.
    }
  }
  for (const m of batch) {
    try {
      stored(m, await transaction(ctx.db, (tx) => storeOne(tx, ctx, actor, shopId, m.value)));
    } catch (err) {
      const issue = refusalOf(err);
      if (!issue) throw err;
      fail(m.item, m.value.order.number, [issue]);
    }
  }
}

async function storeOne(
  tx: LoupeDatabase,
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  value: ShopifyOrderImport,
): Promise<{ created: boolean; parcelsAdded: number }> {
  const order = withDatesOnFile(value.order, await findOrderDates(tx, shopId, value.order.number));
  const saved = await storeImportedOrder(tx, ctx, actor, {
    shopId,
    order,
    customer: value.customer,
    outside: outsideFactsOf(value),
  });
  if (value.parcels.length === 0) return { created: saved.created, parcelsAdded: 0 };
  const known = new Set<string | null>();
  if (!saved.created) {
    for (const s of await listShipments(tx, saved.id)) if (s.direction === 'outbound') known.add(s.trackingNumber);
  }
  const onFile = new Set(known);
  await refreshOutboundParcels(
    tx,
    value.parcels
      .filter((p) => onFile.has(p.trackingNumber))
      .map((p) => ({
        orderId: saved.id,
        trackingNumber: p.trackingNumber,
        trackingUrl: p.trackingUrl,
        carrier: p.carrier,
      })),
  );
  let parcelsAdded = 0;
  for (const p of value.parcels) {
    if (known.has(p.trackingNumber)) continue;
    known.add(p.trackingNumber);
    await insertShipment(tx, {
      id: ctx.newId(),
      orderId: saved.id,
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
  return { created: saved.created, parcelsAdded };
}

/**
 * Why the database or a rule refused one order, as an issue; undefined for
 * anything else (a lost connection), which stops the import instead of
 * failing every order after it.
 */
function refusalOf(err: unknown): Issue | undefined {
  if (err instanceof DomainError) return err.issues[0] ?? { code: err.code, path: [], message: err.message };
  const refusal = readDatabaseError(err);
  // SQLSTATE class 22: data exception (a value out of range); 23: a constraint refused the row.
  if (refusal && /^2[23]/.test(refusal.code)) {
    return { code: 'not_stored', path: refusal.constraint ? [refusal.constraint] : [], message: refusal.message };
  }
  return undefined;
}
