// The writes of an import, many orders at a time: one multi-row statement per
// table and batch instead of seven statements an order (decision 013), each
// statement's rows as one array a column (`unnest`), so building it costs little.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Order } from '../../domain/contract/case.schema.ts';
import type { LoupeDatabase } from '../database.ts';
import { orderLines, orders, policyVersions, shipments } from '../schema/index.ts';
import type { OrderDatesOnFile } from './order-dates.ts';
import { lineRow, type OutsideFacts } from './orders.ts';
import type { NewShipment } from './shipments.ts';

type Cell = string | number | boolean | Date | object | null | undefined;

/** A column of a multi-row insert: its name and the type its text is cast to. */
type Column = readonly [name: string, type: string];

/** A value as text for a `text[]` parameter: dates as ISO instants, JSON as its text, null as NULL. */
function asText(value: Cell): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * `insert into <table> (…) select … from unnest($1::text[], $2::text[], …)`:
 * all the rows in one statement of one parameter a column, each cast back to
 * its column's type, however many rows there are (no parameter limit, and the
 * statement is built once, not a placeholder a value).
 */
function insertRows(table: string, columns: readonly Column[], rows: Cell[][], tail: SQL = sql``): SQL {
  const names = columns.map(([name]) => name).join(', ');
  const casts = columns.map(([, type], j) => `c${j}::${type}`).join(', ');
  const aliases = columns.map((_, j) => `c${j}`).join(', ');
  const arrays = columns.map((_, j) => sql`${sql.param(rows.map((r) => asText(r[j])))}::text[]`);
  return sql.join([
    sql.raw(`insert into ${table} (${names}) select ${casts} from unnest(`),
    sql.join(arrays, sql.raw(', ')),
    sql.raw(`) as t(${aliases}) `),
    tail,
  ]);
}

const anyOf = (values: string[]) => sql`any(${sql.param(values)}::text[])`;

/** The desk's dates on file (production start, delivery) of the shop's orders with these numbers, by number. */
export async function findOrderDatesByNumber(
  db: LoupeDatabase,
  shopId: string,
  numbers: string[],
): Promise<Map<string, OrderDatesOnFile>> {
  const rows = await db
    .select({
      number: orders.number,
      productionStartedAt: orders.productionStartedAt,
      deliveredAt: orders.deliveredAt,
    })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), sql`${orders.number} = ${anyOf(numbers)}`));
  return new Map(rows.map(({ number, ...dates }) => [number, dates]));
}

/**
 * The shop's customers with these emails (lower-cased, each once), added if
 * new; a name given replaces the one on file, as `upsertCustomer`. Answers
 * their ids by lower-cased email.
 */
export async function upsertCustomers(
  db: LoupeDatabase,
  shopId: string,
  people: { id: string; email: string; name?: string | undefined }[],
  createdAt: Date,
): Promise<Map<string, string>> {
  const byEmail = new Map<string, { id: string; name: string | null }>();
  for (const p of people) {
    const email = p.email.trim().toLowerCase();
    const seen = byEmail.get(email);
    byEmail.set(email, { id: seen?.id ?? p.id, name: p.name ?? seen?.name ?? null });
  }
  const rows = [...byEmail].map(([email, c]) => [c.id, shopId, email, c.name, createdAt]);
  const result = await db.execute<{ id: string; email: string }>(
    insertRows(
      'customers',
      [
        ['id', 'text'],
        ['shop_id', 'text'],
        ['email', 'text'],
        ['name', 'text'],
        ['created_at', 'timestamptz'],
      ],
      rows,
      sql`on conflict (shop_id, email) do update set name = coalesce(excluded.name, customers.name)
        returning id, email`,
    ),
  );
  return new Map(result.rows.map((r) => [r.email, r.id]));
}

/** An order to store: its new id (kept only if the number is new), its customer, the contract's facts and Shopify's own. */
export type OrderToUpsert = { id: string; customerId: string; order: Order; outside: OutsideFacts };

/** The order facts an import sets, which a re-import replaces. */
const ORDER_FACTS: readonly Column[] = [
  ['customer_id', 'text'],
  ['placed_at', 'timestamptz'],
  ['currency', 'text'],
  ['destination_country', 'text'],
  ['payment_method', 'text'],
  ['discount_codes', 'jsonb'],
  ['shipping_paid_cents', 'integer'],
  ['production_started_at', 'timestamptz'],
  ['shipped_at', 'timestamptz'],
  ['delivered_at', 'timestamptz'],
  ['carrier', 'jsonb'],
  ['refunded_outside_cents', 'integer'],
  ['cancelled_at', 'timestamptz'],
];
const ORDER_COLUMNS: readonly Column[] = [
  ['id', 'text'],
  ['shop_id', 'text'],
  ['number', 'text'],
  ['kind', 'text'],
  ['created_at', 'timestamptz'],
  ...ORDER_FACTS,
];
const LINE_COLUMNS: readonly (readonly [string, string, keyof ReturnType<typeof lineRow>])[] = [
  ['order_id', 'text', 'orderId'],
  ['line_id', 'text', 'lineId'],
  ['sku', 'text', 'sku'],
  ['title', 'text', 'title'],
  ['category', 'text', 'category'],
  ['fulfillment', 'text', 'fulfillment'],
  ['personalized', 'boolean', 'personalized'],
  ['final_sale', 'boolean', 'finalSale'],
  ['on_sale', 'boolean', 'onSale'],
  ['unit_price_cents', 'integer', 'unitPriceCents'],
  ['quantity', 'integer', 'quantity'],
  ['discount_cents', 'integer', 'discountCents'],
  ['previous_remake_or_replacement', 'boolean', 'previousRemakeOrReplacement'],
  ['shipped_at', 'timestamptz', 'shippedAt'],
  ['delivered_at', 'timestamptz', 'deliveredAt'],
  ['material', 'text', 'material'],
  ['tags', 'jsonb', 'tags'],
];

/**
 * Stores orders and their lines, or replaces what is stored for the shop's
 * orders of the same numbers (their ids stay), as `saveOrder` does one at a
 * time. The numbers must differ. Answers each order's id and whether it was
 * new, by number.
 */
export async function upsertOrders(
  db: LoupeDatabase,
  shopId: string,
  toSave: OrderToUpsert[],
  createdAt: Date,
): Promise<Map<string, { id: string; created: boolean }>> {
  const rows = toSave.map(({ id, customerId, order, outside }) => [
    id,
    shopId,
    order.number,
    'original',
    createdAt,
    customerId,
    order.placedAt,
    order.currency,
    order.destinationCountry,
    order.paymentMethod,
    order.discountCodes ?? [],
    order.shippingPaid ?? 0,
    order.productionStartedAt,
    order.shippedAt,
    order.deliveredAt,
    order.carrier,
    outside.refundedCents,
    outside.cancelledAt,
  ]);
  const replace = ORDER_FACTS.map(([name]) => `${name} = excluded.${name}`).join(', ');
  const result = await db.execute<{ id: string; number: string; created: boolean }>(
    insertRows(
      'orders',
      ORDER_COLUMNS,
      rows,
      sql.raw(`on conflict (shop_id, number) do update set ${replace} returning id, number, (xmax = 0) as created`),
    ),
  );
  const saved = new Map(result.rows.map((r) => [r.number, { id: r.id, created: r.created }]));
  const replaced = result.rows.filter((r) => !r.created).map((r) => r.id);
  if (replaced.length > 0) await db.delete(orderLines).where(sql`${orderLines.orderId} = ${anyOf(replaced)}`);
  const lines = toSave.flatMap(({ order }) => {
    const id = saved.get(order.number)?.id;
    return id ? order.lines.map((line) => lineRow(id, line)) : [];
  });
  await db.execute(
    insertRows(
      'order_lines',
      LINE_COLUMNS.map(([name, type]) => [name, type] as const),
      lines.map((l) => LINE_COLUMNS.map(([, , key]) => l[key])),
    ),
  );
  return saved;
}

/** The tracking numbers of these orders' outbound parcels, by order id. */
export async function outboundTrackingNumbers(
  db: LoupeDatabase,
  orderIds: string[],
): Promise<Map<string, Set<string>>> {
  const known = new Map<string, Set<string>>();
  const rows = await db
    .select({ orderId: shipments.orderId, trackingNumber: shipments.trackingNumber })
    .from(shipments)
    .where(and(sql`${shipments.orderId} = ${anyOf(orderIds)}`, eq(shipments.direction, 'outbound')));
  for (const r of rows) {
    if (r.trackingNumber === null) continue;
    const set = known.get(r.orderId) ?? new Set<string>();
    set.add(r.trackingNumber);
    known.set(r.orderId, set);
  }
  return known;
}

/** A parcel on file as a re-import names it again: its order, tracking number, and what Shopify now says of it. */
export type ParcelSeenAgain = {
  orderId: string;
  trackingNumber: string;
  trackingUrl: string | null;
  carrier: string | null;
};

/**
 * Parcels on file named again by a re-import: the tracking page Shopify gives
 * now replaces the one on file, and a carrier fills one that was missing. The
 * status is left to the carrier's own tracking events.
 */
export async function refreshOutboundParcels(db: LoupeDatabase, rows: ParcelSeenAgain[]): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (r: ParcelSeenAgain) => string | null) => sql`${sql.param(rows.map(pick))}::text[]`;
  await db.execute(sql`
    update ${shipments} s set
      tracking_url = coalesce(t.url, s.tracking_url),
      carrier = coalesce(s.carrier, t.carrier)
    from unnest(${column((r) => r.orderId)}, ${column((r) => r.trackingNumber)}, ${column((r) => r.trackingUrl)},
      ${column((r) => r.carrier)}) as t(order_id, tracking_number, url, carrier)
    where s.order_id = t.order_id and s.tracking_number = t.tracking_number and s.direction = 'outbound'
      and ((t.url is not null and t.url is distinct from s.tracking_url) or (s.carrier is null and t.carrier is not null))`);
}

/** Records parcels, many at a time. */
export async function insertShipments(db: LoupeDatabase, rows: NewShipment[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    insertRows(
      'shipments',
      [
        ['id', 'text'],
        ['order_id', 'text'],
        ['case_id', 'text'],
        ['direction', 'text'],
        ['carrier', 'text'],
        ['tracking_number', 'text'],
        ['tracking_url', 'text'],
        ['status', 'text'],
        ['estimated_from', 'timestamptz'],
        ['estimated_to', 'timestamptz'],
        ['created_at', 'timestamptz'],
      ],
      rows.map((r) => [
        r.id,
        r.orderId,
        r.caseId,
        r.direction,
        r.carrier,
        r.trackingNumber,
        r.trackingUrl ?? null,
        r.status,
        r.estimatedFrom,
        r.estimatedTo,
        r.createdAt,
      ]),
    ),
  );
}

/** An import's audit entry: no case, no states. */
export type ImportAuditEntry = {
  shopId: string;
  actor: string;
  action: string;
  policyVersionId: string | null;
  detail: unknown;
  at: Date;
};

/** Appends audit entries, many at a time, in order. */
export async function appendAuditEntries(db: LoupeDatabase, entries: ImportAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.execute(
    insertRows(
      'audit_log',
      [
        ['shop_id', 'text'],
        ['actor', 'text'],
        ['action', 'text'],
        ['policy_version_id', 'text'],
        ['detail', 'jsonb'],
        ['at', 'timestamptz'],
      ],
      entries.map((e) => [e.shopId, e.actor, e.action, e.policyVersionId, e.detail as Cell, e.at]),
    ),
  );
}

/**
 * Which of the shop's policy versions was in force at each moment, as
 * `policyVersionInForce` chooses (the latest to take effect by then, else the
 * shop's first), from one read of the shop's versions.
 */
export async function policyVersionsInForce(db: LoupeDatabase, shopId: string): Promise<(at: Date) => string | null> {
  const versions = await db
    .select({ id: policyVersions.id, effectiveFrom: policyVersions.effectiveFrom })
    .from(policyVersions)
    .where(eq(policyVersions.shopId, shopId))
    .orderBy(asc(policyVersions.effectiveFrom));
  return (at) => {
    let chosen = versions[0]?.id ?? null;
    for (const v of versions) if (v.effectiveFrom.getTime() <= at.getTime()) chosen = v.id;
    return chosen;
  };
}
