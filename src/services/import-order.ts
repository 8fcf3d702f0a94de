import type { Order } from '../domain/contract/case.schema.ts';
import { DomainError } from '../domain/errors.ts';
import { type LoupeDatabase, transaction } from '../storage/database.ts';
import { appendAudit } from '../storage/repositories/audit-log.ts';
import { lowerCaseRefundCaps } from '../storage/repositories/case-refund-caps.ts';
import { upsertCustomer } from '../storage/repositories/customers.ts';
import { type OutsideFacts, saveOrder } from '../storage/repositories/orders.ts';
import { policyVersionInForce } from '../storage/repositories/policy-versions.ts';
import { assertStaffOf } from './assert-access.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { type OrderView, readOrderView } from './get-order.ts';
import { type Actor, describeActor, type ServiceContext } from './service-context.ts';

/** An order to import: the contract's order facts, who placed it, and what its platform did to it (Shopify's refunds, cancellation). */
export type ImportOrderInput = {
  shopId: string;
  order: Order;
  customer: { email: string; name?: string | undefined };
  outside?: OutsideFacts | undefined;
};

/**
 * Brings a shop's order into the desk (from the shop's platform or by hand):
 * a new number adds the order, a known one replaces its facts and lines. Its
 * customer is found or added by email. Staff only; one transaction, audited.
 */
export async function importOrder(
  ctx: ServiceContext,
  actor: Actor,
  input: ImportOrderInput,
): Promise<{ created: boolean; order: OrderView }> {
  assertStaffOf(actor, input.shopId);
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, input.shopId);
    const saved = await storeImportedOrder(tx, ctx, actor, input);
    return { created: saved.created, order: await readOrderView(tx, input.shopId, input.order.number, actor) };
  });
}

/**
 * The writes of `importOrder` (customer, order and lines, audit) inside the
 * caller's transaction, for importers that bring many orders in at once and
 * do not need each order's view. The caller has checked access and the shop.
 */
export async function storeImportedOrder(
  tx: LoupeDatabase,
  ctx: ServiceContext,
  actor: Actor,
  input: ImportOrderInput,
): Promise<{ id: string; created: boolean }> {
  assertLineIdsUnique(input.order);
  const now = ctx.now();
  const customer = await upsertCustomer(tx, {
    id: ctx.newId(),
    shopId: input.shopId,
    email: input.customer.email,
    name: input.customer.name,
    createdAt: now,
  });
  const saved = await saveOrder(tx, {
    id: ctx.newId(),
    shopId: input.shopId,
    customerId: customer.id,
    order: input.order,
    outside: input.outside,
    createdAt: now,
  });
  // Shopify may have refunded or cancelled it since a case was opened: that case gives back no more than is left.
  if (!saved.created) await lowerCaseRefundCaps(tx, [saved.id], describeActor(actor), now);
  const version = await policyVersionInForce(tx, input.shopId, new Date(input.order.placedAt));
  await appendAudit(tx, [
    {
      shopId: input.shopId,
      caseId: null,
      actor: describeActor(actor),
      action: saved.created ? 'import_order' : 'reimport_order',
      policyVersionId: version?.id ?? null,
      detail: { orderId: saved.id, orderNumber: input.order.number },
      at: now,
    },
  ]);
  return saved;
}

/** Requests name lines by id, so an order cannot have two lines of one id. */
function assertLineIdsUnique(order: Order): void {
  const seen = new Set<string>();
  for (const [i, line] of order.lines.entries()) {
    if (seen.has(line.id)) {
      throw new DomainError('INVALID_INPUT', `order.lines[${i}].id: "${line.id}" is the id of an earlier line`, [
        { code: 'duplicate_line', path: ['order', 'lines', i, 'id'], message: 'line ids must differ' },
      ]);
    }
    seen.add(line.id);
  }
}
