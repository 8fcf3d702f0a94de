import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Line, Order } from '../../domain/contract/case.schema.ts';
import type { LoupeDatabase } from '../database.ts';
import { customers, orderLines, orders, policyVersions } from '../schema/index.ts';
import type { OrderKind } from '../schema/orders.ts';
import { rowsOf, Statement } from '../statements.ts';
import {
  type AttemptsCounting,
  type AttemptsCountingRow,
  attemptsCountingOf,
  attemptsCountingQuery,
} from './rate-limit-attempts.ts';

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;

/** An order as the desk knows it: the contract's order facts, whose it is, and where it came from. */
export type StoredOrder = {
  id: string;
  shopId: string;
  kind: OrderKind;
  originCaseId: string | null;
  customer: { id: string; email: string; name: string | null };
  createdAt: Date;
  order: Order;
  /** What the shop already refunded outside Loupe (Shopify), in minor units. */
  refundedOutsideCents: number;
  /** When the shop's platform cancelled the order; null while it stands. */
  cancelledAt: Date | null;
};

/** What the shop's platform did to an order outside Loupe: refunds made there (minor units), its cancellation. */
export type OutsideFacts = { refundedCents: number; cancelledAt: string | null };

/** What `saveOrder` stores: the contract order, its customer, and for a follow-up, the case that made it. */
export type OrderToSave = {
  id: string;
  shopId: string;
  customerId: string;
  order: Order;
  kind?: OrderKind;
  originCaseId?: string | null;
  /** Shopify's refunds and cancellation, replaced when given (an order entered by hand has none). */
  outside?: OutsideFacts | undefined;
  createdAt: Date;
};

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Stores an order and its lines, or replaces what is stored for the shop's
 * order of the same number (a re-import updates it; its id stays). Answers
 * the id and whether it was new.
 */
export async function saveOrder(db: LoupeDatabase, o: OrderToSave): Promise<{ id: string; created: boolean }> {
  const { order } = o;
  const facts = {
    customerId: o.customerId,
    placedAt: new Date(order.placedAt),
    currency: order.currency,
    destinationCountry: order.destinationCountry,
    paymentMethod: order.paymentMethod ?? null,
    discountCodes: order.discountCodes ?? [],
    shippingPaidCents: order.shippingPaid ?? 0,
    productionStartedAt: date(order.productionStartedAt),
    shippedAt: date(order.shippedAt),
    deliveredAt: date(order.deliveredAt),
    carrier: order.carrier ?? null,
    ...(o.outside && {
      refundedOutsideCents: o.outside.refundedCents,
      cancelledAt: date(o.outside.cancelledAt),
    }),
  };
  // One statement, so two imports of a new number at once cannot both insert it.
  const [saved] = await db
    .insert(orders)
    .values({
      id: o.id,
      shopId: o.shopId,
      number: order.number,
      kind: o.kind ?? 'original',
      originCaseId: o.originCaseId ?? null,
      createdAt: o.createdAt,
      ...facts,
    })
    .onConflictDoUpdate({ target: [orders.shopId, orders.number], set: facts })
    .returning({ id: orders.id, created: sql<boolean>`xmax = 0` });
  if (!saved) throw new Error('upsert returned no order');
  const { id } = saved;
  if (!saved.created) await db.delete(orderLines).where(eq(orderLines.orderId, id));
  await db.insert(orderLines).values(order.lines.map((line) => lineRow(id, line)));
  return { id, created: saved.created };
}

/** An order line as its row. */
export function lineRow(orderId: string, line: Line): LineRow {
  return {
    orderId,
    lineId: line.id,
    sku: line.sku ?? null,
    title: line.title ?? null,
    category: line.category,
    fulfillment: line.fulfillment,
    personalized: line.personalized,
    finalSale: line.finalSale,
    onSale: line.onSale,
    unitPriceCents: line.unitPrice,
    quantity: line.quantity,
    discountCents: line.discount ?? 0,
    previousRemakeOrReplacement: line.previousRemakeOrReplacement,
    shippedAt: date(line.shippedAt),
    deliveredAt: date(line.deliveredAt),
    material: line.material ?? null,
    tags: line.tags ?? [],
  };
}

/** The shop's order with this number. */
export function findOrder(db: LoupeDatabase, shopId: string, number: string): Promise<StoredOrder | undefined> {
  return readOrder(db, and(eq(orders.shopId, shopId), eq(orders.number, number)));
}

/** The order with this id. */
export function findOrderById(db: LoupeDatabase, id: string): Promise<StoredOrder | undefined> {
  return readOrder(db, eq(orders.id, id));
}

/**
 * An order number as a customer types it: their emails show Shopify's "#1001"
 * where the order is stored as "1001", so a leading "#" (and spaces) is let go,
 * but a number stored with its "#" is found as typed first.
 */
const numberAsTyped = () =>
  sql`o.number in (${sql.placeholder('number')}, ltrim(btrim(${sql.placeholder('number')}), '# '))
    order by o.number = ${sql.placeholder('number')} desc limit 1`;

/** What opening a case needs of an order: the order, and the policy version in force when it was placed. */
export type OrderToDecide = { order: StoredOrder; policyVersionId: string | null };

type OrderToDecideRow = Record<string, unknown> & {
  customer_email: string;
  customer_name: string | null;
  lines: Record<string, unknown>[];
  policy_version_id: string | null;
};

// The version in force is the latest to take effect by the time the order was
// placed, else the shop's first (as `policyVersionInForce` chooses).
const orderToDecide = new Statement<OrderToDecideRow>(
  'loupe_order_to_decide',
  () => sql`select o.*, c.email as customer_email, c.name as customer_name,
      coalesce((select json_agg(l) from ${orderLines} l where l.order_id = o.id), '[]'::json) as lines,
      coalesce(
        (select v.id from ${policyVersions} v where v.shop_id = o.shop_id and v.effective_from <= o.placed_at
          order by v.effective_from desc limit 1),
        (select v.id from ${policyVersions} v where v.shop_id = o.shop_id order by v.effective_from asc limit 1)
      ) as policy_version_id
    from ${orders} o join ${customers} c on c.id = o.customer_id
    where o.shop_id = ${sql.placeholder('shopId')} and ${numberAsTyped()}`,
);

/**
 * The shop's order with this number and the id of the shop's policy version
 * in force when it was placed: one round trip, a statement prepared once.
 */
export async function findOrderToDecide(
  db: LoupeDatabase,
  shopId: string,
  number: string,
): Promise<OrderToDecide | undefined> {
  const [raw] = await orderToDecide.rows(db, { shopId, number });
  if (!raw) return undefined;
  const [order] = rowsOf(orders, [raw]);
  if (!order) return undefined;
  const customer = { id: order.customerId, email: raw.customer_email, name: raw.customer_name };
  return { order: toStoredOrder({ order, customer, lines: raw.lines }), policyVersionId: raw.policy_version_id };
}

const orderCustomer = new Statement<{ id: string; email: string }>(
  'loupe_order_customer',
  () => sql`select o.id, c.email from ${orders} o join ${customers} c on c.id = o.customer_id
    where o.shop_id = ${sql.placeholder('shopId')} and ${numberAsTyped()}`,
);

/** Whose the shop's order with this number is: its id and its customer's email (what a look-up checks). */
export async function findOrderCustomer(
  db: LoupeDatabase,
  shopId: string,
  number: string,
): Promise<{ orderId: string; email: string } | undefined> {
  const [row] = await orderCustomer.rows(db, { shopId, number });
  return row && { orderId: row.id, email: row.email };
}

// A look-up by a customer's order number and email is rate limited: the
// attempts counting against its key come in the same round trip (one more
// statement on every look-up cost a third of the customers' request rate).
const orderCustomerAndAttempts = new Statement<AttemptsCountingRow & { id: string | null; email: string | null }>(
  'loupe_order_customer_and_attempts',
  () => sql`select o.id, o.email, a.attempts, a.first_expires_at
    from (${attemptsCountingQuery()}) a
    left join lateral (
      select o.id, c.email from ${orders} o join ${customers} c on c.id = o.customer_id
      where o.shop_id = ${sql.placeholder('shopId')} and ${numberAsTyped()}
    ) o on true`,
);

/** `findOrderCustomer`, with the attempts still counting at `now` against a rate limit's key. */
export async function findOrderCustomerCountingAttempts(
  db: LoupeDatabase,
  shopId: string,
  number: string,
  attempts: { key: string; now: Date },
): Promise<{ customer: { orderId: string; email: string } | undefined; attempts: AttemptsCounting }> {
  const [row] = await orderCustomerAndAttempts.rows(db, {
    shopId,
    number,
    key: attempts.key,
    now: attempts.now.toISOString(),
  });
  return {
    customer: row?.id && row.email !== null ? { orderId: row.id, email: row.email } : undefined,
    attempts: attemptsCountingOf(row),
  };
}

async function readOrder(db: LoupeDatabase, where: SQL | undefined): Promise<StoredOrder | undefined> {
  const [row] = await db
    .select({
      order: orders,
      customer: { id: customers.id, email: customers.email, name: customers.name },
      // Lines come with the order, as JSON: one round trip.
      lines: sql<Record<string, unknown>[]>`coalesce(
        (select json_agg(l) from ${orderLines} l where l.order_id = ${orders.id}), '[]'::json)`,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(where);
  return row && toStoredOrder(row);
}

function toStoredOrder(row: {
  order: OrderRow;
  customer: StoredOrder['customer'];
  lines: Record<string, unknown>[];
}): StoredOrder {
  const lines = rowsOf(orderLines, row.lines);
  // The table keeps no position: lines read back in natural order of their ids (L1, L2 … L10).
  lines.sort((a, b) => a.lineId.localeCompare(b.lineId, 'en', { numeric: true }));
  return {
    id: row.order.id,
    shopId: row.order.shopId,
    kind: row.order.kind,
    originCaseId: row.order.originCaseId,
    customer: row.customer,
    createdAt: row.order.createdAt,
    order: toContractOrder(row.order, lines),
    refundedOutsideCents: row.order.refundedOutsideCents,
    cancelledAt: row.order.cancelledAt,
  };
}

/** Rows as the contract's order; facts not on file are left out, as the contract has them optional. */
function toContractOrder(row: OrderRow, lines: LineRow[]): Order {
  const order: Order = {
    number: row.number,
    placedAt: row.placedAt.toISOString(),
    currency: row.currency,
    destinationCountry: row.destinationCountry,
    lines: lines.map(toContractLine),
  };
  if (row.paymentMethod) order.paymentMethod = row.paymentMethod;
  if (row.discountCodes.length > 0) order.discountCodes = row.discountCodes;
  if (row.shippingPaidCents > 0) order.shippingPaid = row.shippingPaidCents;
  if (row.productionStartedAt) order.productionStartedAt = iso(row.productionStartedAt);
  if (row.shippedAt) order.shippedAt = iso(row.shippedAt);
  if (row.deliveredAt) order.deliveredAt = iso(row.deliveredAt);
  if (row.carrier) order.carrier = row.carrier;
  return order;
}

function toContractLine(row: LineRow): Line {
  const line: Line = {
    id: row.lineId,
    category: row.category,
    fulfillment: row.fulfillment,
    personalized: row.personalized,
    finalSale: row.finalSale,
    onSale: row.onSale,
    unitPrice: row.unitPriceCents,
    quantity: row.quantity,
    previousRemakeOrReplacement: row.previousRemakeOrReplacement,
  };
  if (row.sku !== null) line.sku = row.sku;
  if (row.title !== null) line.title = row.title;
  if (row.discountCents > 0) line.discount = row.discountCents;
  if (row.shippedAt) line.shippedAt = iso(row.shippedAt);
  if (row.deliveredAt) line.deliveredAt = iso(row.deliveredAt);
  if (row.material !== null) line.material = row.material;
  if (row.tags.length > 0) line.tags = row.tags;
  return line;
}
