// The writes of an import on PostgreSQL through COPY (decision 018): a batch's
// orders, lines and parcels are copied into temporary staging tables, then
// moved into Loupe's tables by `insert … select` / `update … from` statements,
// all in one transaction on a connection the import holds for its duration.
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Order } from '../../domain/contract/case.schema.ts';
import { type CopyCell, copyTextRows } from '../copy-text.ts';
import type { LoupeDatabase } from '../database.ts';
import { LOWER_CASE_REFUND_CAPS } from './case-refund-caps.ts';
import type { OutsideFacts } from './orders.ts';

/** An order of a batch: new ids (kept only where the number or email is new), its customer and the contract's facts. */
export type OrderToCopy = {
  id: string;
  customerId: string;
  /** Lower-cased and trimmed, as customers are stored. */
  email: string;
  name: string | null;
  order: Order;
  /** Shopify's refunds and cancellation, which a re-import replaces. */
  outside: OutsideFacts;
};

/** An outbound parcel of a batch's order, added unless its tracking number is on file for that order. */
export type ParcelToCopy = {
  id: string;
  orderNumber: string;
  carrier: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  status: string;
  createdAt: string;
};

/** A batch to store: whose, who imports it (as the audit log names them), when, and what. */
export type CopyBatch = {
  shopId: string;
  actor: string;
  at: Date;
  orders: OrderToCopy[];
  parcels: ParcelToCopy[];
};

/** What storing a batch did to each of its orders, by number. */
export type CopiedOrders = Map<string, { id: string; created: boolean; parcelsAdded: number }>;

/** Stores batches of imported orders through COPY; `close` hands its connection back. */
export type ImportCopier = {
  store(batch: CopyBatch): Promise<CopiedOrders>;
  close(): Promise<void>;
};

const STAGE_ORDERS = 'pg_temp.loupe_import_orders';
const STAGE_LINES = 'pg_temp.loupe_import_lines';
const STAGE_PARCELS = 'pg_temp.loupe_import_parcels';

const ORDER_STAGE: readonly (readonly [string, string])[] = [
  ['pos', 'integer'],
  ['id', 'text'],
  ['number', 'text'],
  ['customer_id', 'text'],
  ['email', 'text'],
  ['customer_name', 'text'],
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
const LINE_STAGE: readonly (readonly [string, string])[] = [
  ['number', 'text'],
  ['line_id', 'text'],
  ['sku', 'text'],
  ['title', 'text'],
  ['category', 'text'],
  ['fulfillment', 'text'],
  ['personalized', 'boolean'],
  ['final_sale', 'boolean'],
  ['on_sale', 'boolean'],
  ['unit_price_cents', 'integer'],
  ['quantity', 'integer'],
  ['discount_cents', 'integer'],
  ['previous_remake_or_replacement', 'boolean'],
  ['shipped_at', 'timestamptz'],
  ['delivered_at', 'timestamptz'],
  ['material', 'text'],
  ['tags', 'jsonb'],
];
const PARCEL_STAGE: readonly (readonly [string, string])[] = [
  ['pos', 'integer'],
  ['id', 'text'],
  ['number', 'text'],
  ['carrier', 'text'],
  ['tracking_number', 'text'],
  ['tracking_url', 'text'],
  ['status', 'text'],
  ['created_at', 'timestamptz'],
];

const names = (columns: readonly (readonly [string, string])[]) => columns.map(([name]) => name).join(', ');
// Rows live until the transaction ends: a batch rolled back or committed leaves the tables empty.
const createStage = (table: string, columns: readonly (readonly [string, string])[]) =>
  `create temporary table ${table.replace('pg_temp.', '')} (${columns.map(([n, t]) => `${n} ${t}`).join(', ')}) on commit delete rows;`;

/** The order facts a re-import replaces; the desk's production and delivery dates stay when Shopify says none. */
const ORDER_FACTS = [
  'customer_id',
  'placed_at',
  'currency',
  'destination_country',
  'payment_method',
  'discount_codes',
  'shipping_paid_cents',
  'shipped_at',
  'carrier',
  'refunded_outside_cents',
  'cancelled_at',
];

// Rows on file are found through their unique keys, one probe a staged row
// (a scalar or lateral subquery, or an id list, which the planner cannot turn
// into a scan of the whole table), so a batch costs the same however long the
// shop's history. New rows are plain inserts: `on conflict` (a speculative
// insertion a row) took twice as long. A row added meanwhile by another import
// fails the batch, which is then stored one order at a time, through upserts.

/** The audit entry of each order in `saved` (id, number, placed_at, pos): the policy in force when it was placed, else the shop's first (as `policyVersionsInForce`). */
const auditEntries = (saved: string, action: string) => `
    insert into audit_log (shop_id, actor, action, policy_version_id, detail, at)
    select $1::text, $3::text, '${action}',
      coalesce(
        (select v.id from policy_versions v where v.shop_id = $1::text and v.effective_from <= ${saved}.placed_at
          order by v.effective_from desc limit 1),
        (select v.id from policy_versions v where v.shop_id = $1::text order by v.effective_from limit 1)),
      jsonb_build_object('orderId', ${saved}.id, 'orderNumber', ${saved}.number), $2::timestamptz
    from ${saved}
    order by ${saved}.pos`;

/**
 * Customers found or added by email (the first order's new id, the last name
 * given), the batch's new orders added with an audit entry each, in one
 * statement; answers every order's id, the ones on file with `created` false
 * (REPLACE_ORDERS then replaces their facts).
 */
const ADD_ORDERS = `
  with s as materialized (
    select s.*, (select o.id from orders o where o.shop_id = $1::text and o.number = s.number) as old_id
    from ${STAGE_ORDERS} s
  ), known as materialized (
    select g.email, g.new_id, g.name, c.id as old_id, c.name as old_name
    from (
      select s.email, (array_agg(s.customer_id order by s.pos))[1] as new_id,
        (array_agg(s.customer_name order by s.pos desc) filter (where s.customer_name is not null))[1] as name
      from ${STAGE_ORDERS} s group by s.email
    ) g
    left join lateral (
      select c.id, c.name from customers c where c.shop_id = $1::text and c.email = g.email limit 1
    ) c on true
  ), renamed as (
    update customers c set name = k.name from known k
    where c.id = k.old_id and k.name is not null and k.name is distinct from k.old_name
  ), added as (
    insert into customers (id, shop_id, email, name, created_at)
    select k.new_id, $1::text, k.email, k.name, $2::timestamptz from known k where k.old_id is null order by k.email
  ), people as (
    select email, coalesce(old_id, new_id) as id from known
  ), inserted as (
    insert into orders (id, shop_id, number, kind, created_at, ${ORDER_FACTS.join(', ')}, production_started_at, delivered_at)
    select s.id, $1::text, s.number, 'original', $2::timestamptz, p.id, ${ORDER_FACTS.filter((n) => n !== 'customer_id')
      .map((n) => `s.${n}`)
      .join(', ')}, s.production_started_at, s.delivered_at
    from s join people p on p.email = s.email
    where s.old_id is null
    order by s.pos
    returning id, number, placed_at
  ), new_orders as (
    select inserted.*, s.pos from inserted join s on s.number = inserted.number
  ), audit as (${auditEntries('new_orders', 'import_order')}
  )
  select id, number, true as created from inserted
  union all
  select old_id, number, false from s where old_id is not null`;

/**
 * The facts of the batch's orders on file ($4: their ids) replaced by the
 * staged ones, the desk's production and delivery dates kept where Shopify
 * says none, with an audit entry each. Run after ADD_ORDERS, so every
 * customer is on file. Only re-imported orders pay for it.
 */
const REPLACE_ORDERS = `
  with updated as (
    update orders o set
      customer_id = (select c.id from customers c where c.shop_id = $1::text and c.email = s.email),
      ${ORDER_FACTS.filter((n) => n !== 'customer_id')
        .map((n) => `${n} = s.${n}`)
        .join(', ')},
      production_started_at = coalesce(s.production_started_at, o.production_started_at),
      delivered_at = coalesce(s.delivered_at, o.delivered_at)
    from ${STAGE_ORDERS} s
    where o.id = any($4::text[]) and o.shop_id = $1::text and s.number = o.number
    returning o.id, o.number, o.placed_at, s.pos
  )${auditEntries('updated', 'reimport_order')}`;

/**
 * The batch's lines (the replaced orders' old lines deleted before), its
 * parcels whose tracking number the order does not have yet, and the tracking
 * page (or a missing carrier) of those it has (as `refreshOutboundParcels`), in one statement;
 * $1/$2 are the stored orders' ids and numbers, $3 the replaced orders' ids.
 */
const INSERT_LINES_AND_PARCELS = `
  with o as (select * from unnest($1::text[], $2::text[]) as o(id, number)),
  known as (
    select order_id, tracking_number from shipments where order_id = any($3::text[]) and direction = 'outbound'
  ), refreshed as (
    update shipments sh set tracking_url = coalesce(p.tracking_url, sh.tracking_url), carrier = coalesce(sh.carrier, p.carrier)
    from ${STAGE_PARCELS} p join o on o.number = p.number
    where sh.order_id = o.id and sh.order_id = any($3::text[]) and sh.direction = 'outbound'
      and sh.tracking_number = p.tracking_number
      and ((p.tracking_url is not null and p.tracking_url is distinct from sh.tracking_url)
        or (sh.carrier is null and p.carrier is not null))
  ), lines as (
    insert into order_lines (order_id, ${names(LINE_STAGE.slice(1))})
    select o.id, ${LINE_STAGE.slice(1)
      .map(([n]) => `l.${n}`)
      .join(', ')}
    from ${STAGE_LINES} l join o on o.number = l.number
  )
  insert into shipments (id, order_id, case_id, direction, carrier, tracking_number, tracking_url, status, created_at)
  select p.id, o.id, null, 'outbound', p.carrier, p.tracking_number, p.tracking_url, p.status, p.created_at
  from ${STAGE_PARCELS} p join o on o.number = p.number
  where not exists (select 1 from known k where k.order_id = o.id and k.tracking_number = p.tracking_number)
  order by p.pos
  returning order_id`;

/**
 * A copier on PostgreSQL: a connection of the pool held for the import, with
 * its staging tables; undefined on PGlite, which stores batches through
 * multi-row statements instead (`imported-orders.ts`).
 */
export async function openImportCopier(db: LoupeDatabase): Promise<ImportCopier | undefined> {
  const pool = (db as { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) return undefined;
  const client = await pool.connect();
  try {
    await client.query(
      [
        createStage(STAGE_ORDERS, ORDER_STAGE),
        createStage(STAGE_LINES, LINE_STAGE),
        createStage(STAGE_PARCELS, PARCEL_STAGE),
      ].join('\n'),
    );
  } catch (error) {
    client.release(true);
    throw error;
  }
  let usable = true;
  return {
    async store(batch) {
      if (!usable) throw new Error('the import connection was lost');
      await client.query('begin');
      try {
        const saved = await storeBatch(client, batch);
        await client.query('commit');
        return saved;
      } catch (error) {
        await client.query('rollback').catch(() => {
          usable = false;
        });
        throw error;
      }
    },
    async close() {
      if (!usable) {
        client.release(true);
        return;
      }
      try {
        await client.query(`drop table if exists ${STAGE_ORDERS}, ${STAGE_LINES}, ${STAGE_PARCELS}`);
        client.release();
      } catch {
        // A connection that cannot drop its tables is not handed back to the pool.
        client.release(true);
      }
    },
  };
}

async function copyInto(
  client: pg.PoolClient,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: CopyCell[][],
) {
  if (rows.length === 0) return;
  const text = copyTextRows(rows);
  await pipeline([text], client.query(copyFrom(`copy ${table} (${names(columns)}) from stdin`)));
}

async function storeBatch(client: pg.PoolClient, batch: CopyBatch): Promise<CopiedOrders> {
  const { shopId, at, actor } = batch;
  await copyInto(
    client,
    STAGE_ORDERS,
    ORDER_STAGE,
    batch.orders.map(({ id, customerId, email, name, order, outside }, pos) => [
      pos,
      id,
      order.number,
      customerId,
      email,
      name,
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
    ]),
  );
  await copyInto(
    client,
    STAGE_LINES,
    LINE_STAGE,
    batch.orders.flatMap(({ order }) =>
      order.lines.map((l) => [
        order.number,
        l.id,
        l.sku,
        l.title,
        l.category,
        l.fulfillment,
        l.personalized,
        l.finalSale,
        l.onSale,
        l.unitPrice,
        l.quantity,
        l.discount ?? 0,
        l.previousRemakeOrReplacement,
        l.shippedAt,
        l.deliveredAt,
        l.material,
        l.tags ?? [],
      ]),
    ),
  );
  await copyInto(
    client,
    STAGE_PARCELS,
    PARCEL_STAGE,
    batch.parcels.map((p, pos) => [
      pos,
      p.id,
      p.orderNumber,
      p.carrier,
      p.trackingNumber,
      p.trackingUrl,
      p.status,
      p.createdAt,
    ]),
  );

  const saved = await client.query<{ id: string; number: string; created: boolean }>(ADD_ORDERS, [shopId, at, actor]);
  const replaced = saved.rows.filter((r) => !r.created).map((r) => r.id);
  if (replaced.length > 0) await client.query(REPLACE_ORDERS, [shopId, at, actor, replaced]);
  if (replaced.length > 0) await client.query('delete from order_lines where order_id = any($1::text[])', [replaced]);
  const added = await client.query<{ order_id: string }>(INSERT_LINES_AND_PARCELS, [
    saved.rows.map((r) => r.id),
    saved.rows.map((r) => r.number),
    replaced,
  ]);

  // Shopify may have refunded or cancelled them since a case was opened: those cases give back no more than is left.
  if (replaced.length > 0) await client.query(LOWER_CASE_REFUND_CAPS, [replaced, actor, at]);
  const parcelsByOrder = new Map<string, number>();
  for (const { order_id } of added.rows) parcelsByOrder.set(order_id, (parcelsByOrder.get(order_id) ?? 0) + 1);
  return new Map(
    saved.rows.map((r) => [r.number, { id: r.id, created: r.created, parcelsAdded: parcelsByOrder.get(r.id) ?? 0 }]),
  );
}
