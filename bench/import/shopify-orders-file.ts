// A file of N Shopify orders (the REST Admin order object, one a line: JSON
// Lines), written as it is generated, never held whole in memory; beside it,
// optionally, the same orders as Loupe stores them (customers, orders, lines,
// outbound parcels), as CSV for COPY. Order i is always the same order.

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { mapShopifyOrder } from '../../src/integrations/shopify/map-shopify-order.ts';
import type { ShopifyOrderImport } from '../../src/integrations/shopify/shopify-order-import.ts';

/** The catalogue the orders buy from: jewellery titles the heuristics read (category, personalised, made to order). */
const PRODUCTS = [
  { sku: 'HOOP-GLD', title: 'Gold Hoop Earrings', price: 8900, engraving: false },
  { sku: 'STUD-PRL', title: 'Pearl Stud Earrings', price: 6500, engraving: false },
  { sku: 'SIG-SLV', title: 'Silver Signet Ring', price: 14900, engraving: true },
  { sku: 'BAND-14K', title: '14k Wedding Band', price: 42000, engraving: true },
  { sku: 'SOL-DIA', title: 'Diamond Solitaire Ring', price: 189000, engraving: false },
  { sku: 'NAME-NCK', title: 'Personalised Name Necklace', price: 12900, engraving: false },
  { sku: 'LOCKET', title: 'Vintage Locket Pendant', price: 9900, engraving: true },
  { sku: 'CHAIN-SLV', title: 'Sterling Silver Chain', price: 5900, engraving: false },
  { sku: 'CHARM-BR', title: 'Charm Bracelet', price: 7900, engraving: false },
  { sku: 'CUFF-BRS', title: 'Brass Cuff Bracelet (made to order)', price: 11900, engraving: false },
  { sku: 'ANK-GLD', title: 'Gold Anklet', price: 4900, engraving: false },
  { sku: 'GIFT-50', title: 'Gift Card', price: 5000, engraving: false },
] as const;
const COUNTRIES = ['US', 'US', 'US', 'GB', 'HK', 'FR', 'AU', 'CA'] as const;
const CARRIERS = ['UPS', 'DHL Express', 'USPS', 'Royal Mail', 'Hongkong Post'] as const;
const DISCOUNTS = [
  { code: 'WELCOME10', percent: 10 },
  { code: 'SUMMER15', percent: 15 },
  { code: 'LOYAL20', percent: 20 },
] as const;
const FIRST = ['Ada', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gita', 'Hana', 'Ivo', 'Jo'] as const;
const LAST = ['Ng', 'Okafor', 'Smith', 'Dubois', 'Lee', 'Khan', 'Rossi', 'Weber'] as const;
const PLACED_FROM = Date.parse('2025-01-01T08:00:00Z');

/** mulberry32: a small seeded generator, so order i is the same in the bench and in the kill test. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const amount = (cents: number) => (cents / 100).toFixed(2);
const isoAt = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** How many customers `count` orders have: about three orders each, so customers repeat as in a real shop. */
export const customersFor = (count: number) => Math.max(1, Math.ceil(count / 3));

/** The Shopify order number (`name`) of order i: `#100001` … */
export const orderNameOf = (i: number) => `#${100001 + i}`;

/**
 * Order i of `count`, as Shopify's REST Admin API writes it: 1–3 line items
 * (an engraving property on some), a customer who comes back, a discount
 * code on about a quarter, and on about two thirds a successful fulfillment
 * with tracking (split in two parcels on some orders of several lines).
 */
export function shopifyOrder(i: number, count: number): Record<string, unknown> {
  const rng = random(0x9e3779b9 ^ Math.imul(i + 1, 2654435761));
  const k = (i * 7919) % customersFor(count);
  const first = FIRST[k % FIRST.length] as string;
  const last = LAST[Math.floor(k / FIRST.length) % LAST.length] as string;
  const country = COUNTRIES[k % COUNTRIES.length] as string;
  const placed = PLACED_FROM + i * 5 * 60_000;
  const discount = rng() < 0.25 ? pick(rng, DISCOUNTS) : undefined;
  const lineCount = 1 + Math.floor(rng() * 3);
  const lineItems = Array.from({ length: lineCount }, (_, j) => {
    const p = pick(rng, PRODUCTS);
    const quantity = rng() < 0.9 ? 1 : 2;
    const engraved = p.engraving && rng() < 0.5;
    const off = discount ? Math.round((p.price * quantity * discount.percent) / 100) : 0;
    return {
      id: 9_000_000_000 + i * 10 + j,
      sku: p.sku,
      title: p.title,
      name: p.title,
      variant_title: null,
      price: amount(p.price),
      quantity,
      gift_card: p.sku.startsWith('GIFT'),
      properties: engraved ? [{ name: 'Engraving', value: `${first[0]}${last[0]} ${2020 + (i % 6)}` }] : [],
      total_discount: '0.00',
      discount_allocations: off > 0 ? [{ amount: amount(off), discount_application_index: 0 }] : [],
    };
  });
  const fulfillments: Record<string, unknown>[] = [];
  if (rng() < 0.65) {
    const carrier = pick(rng, CARRIERS);
    const shipped = placed + (1 + Math.floor(rng() * 4)) * 86_400_000;
    const split = lineItems.length > 1 && rng() < 0.2;
    const parts = split ? [lineItems.slice(0, 1), lineItems.slice(1)] : [lineItems];
    parts.forEach((items, j) => {
      const tracking = `LP${String(i).padStart(9, '0')}${j}`;
      fulfillments.push({
        id: 7_000_000_000 + i * 10 + j,
        created_at: isoAt(shipped + j * 86_400_000),
        status: 'success',
        shipment_status: rng() < 0.5 ? 'delivered' : 'in_transit',
        tracking_company: carrier,
        tracking_number: tracking,
        tracking_numbers: [tracking],
        tracking_url: `https://track.example.com/${tracking}`,
        tracking_urls: [`https://track.example.com/${tracking}`],
        line_items: split ? items.map((l) => ({ id: l.id })) : [],
      });
    });
  }
  const address = { first_name: first, last_name: last, name: `${first} ${last}`, country_code: country };
  const email = `${first}.${last}.${k}@example.com`.toLowerCase();
  return {
    id: 5_000_000_000 + i,
    name: orderNameOf(i),
    order_number: 100001 + i,
    email,
    created_at: isoAt(placed),
    processed_at: isoAt(placed),
    updated_at: isoAt(placed),
    cancelled_at: null,
    currency: 'USD',
    financial_status: 'paid',
    gateway: 'shopify_payments',
    payment_gateway_names: [rng() < 0.8 ? 'shopify_payments' : 'paypal'],
    discount_codes: discount ? [{ code: discount.code, amount: '0.00', type: 'percentage' }] : [],
    discount_applications: discount
      ? [{ type: 'discount_code', code: discount.code, value: String(discount.percent), value_type: 'percentage' }]
      : [],
    shipping_lines: [{ title: 'Standard', price: country === 'US' ? '0.00' : '15.00' }],
    shipping_address: address,
    billing_address: address,
    customer: { id: 3_000_000_000 + k, email, first_name: first, last_name: last, default_address: address },
    line_items: lineItems,
    fulfillments,
    refunds: [],
    tags: '',
  };
}

/** The files written and what they hold. */
export type ShopifyOrdersFile = {
  jsonl: string;
  bytes: number;
  orders: number;
  lines: number;
  parcels: number;
  customers: number;
  /** The same rows as CSV (`customers.csv`, `orders.csv`, `order_lines.csv`, `shipments.csv`), when asked for. */
  csv?: { customers: string; orders: string; lines: string; shipments: string };
};

/** The columns of each CSV file, in the order written: those of the tables Loupe stores into. */
export const CSV_COLUMNS = {
  customers: ['id', 'shop_id', 'email', 'name', 'created_at'],
  orders: [
    'id',
    'shop_id',
    'number',
    'customer_id',
    'placed_at',
    'currency',
    'destination_country',
    'payment_method',
    'discount_codes',
    'shipping_paid_cents',
    'production_started_at',
    'shipped_at',
    'delivered_at',
    'carrier',
    'kind',
    'origin_case_id',
    'created_at',
  ],
  lines: [
    'order_id',
    'line_id',
    'sku',
    'title',
    'category',
    'fulfillment',
    'personalized',
    'final_sale',
    'on_sale',
    'unit_price_cents',
    'quantity',
    'discount_cents',
    'previous_remake_or_replacement',
    'shipped_at',
    'delivered_at',
    'material',
    'tags',
  ],
  shipments: [
    'id',
    'order_id',
    'case_id',
    'direction',
    'carrier',
    'tracking_number',
    'status',
    'estimated_from',
    'estimated_to',
    'created_at',
  ],
} as const;

type Cell = string | number | boolean | null | undefined | object;

/** A CSV row as COPY reads it: an unquoted empty field is NULL, anything else is quoted when it must be. */
function csvRow(cells: Cell[]): string {
  return `${cells
    .map((c) => {
      if (c === null || c === undefined) return '';
      const text = typeof c === 'object' ? JSON.stringify(c) : String(c);
      return text === '' || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\n`;
}

/** A stream writer that waits when the stream's buffer is full, so a big file never piles up in memory. */
function writer(file: string): { write(text: string): Promise<void>; end(): Promise<void> } {
  const stream: WriteStream = createWriteStream(file);
  return {
    async write(text) {
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async end() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

/**
 * Writes `count` orders as JSON Lines to `dir/orders.jsonl`, and with `csv`
 * the rows they become (through the import's own mapping) for `shop`.
 */
export async function writeShopifyOrdersFile(
  dir: string,
  count: number,
  options: { csv?: boolean; shop?: string } = {},
): Promise<ShopifyOrdersFile> {
  const shop = options.shop ?? 'aulso';
  const jsonl = path.join(dir, 'orders.jsonl');
  const out = writer(jsonl);
  const csvFiles = options.csv
    ? {
        customers: path.join(dir, 'customers.csv'),
        orders: path.join(dir, 'orders.csv'),
        lines: path.join(dir, 'order_lines.csv'),
        shipments: path.join(dir, 'shipments.csv'),
      }
    : undefined;
  const csv = csvFiles && {
    customers: writer(csvFiles.customers),
    orders: writer(csvFiles.orders),
    lines: writer(csvFiles.lines),
    shipments: writer(csvFiles.shipments),
  };
  const createdAt = new Date().toISOString();
  const customerSeen = new Uint8Array(customersFor(count));
  let bytes = 0;
  let lines = 0;
  let parcels = 0;
  for (let i = 0; i < count; i++) {
    const raw = shopifyOrder(i, count);
    const text = `${JSON.stringify(raw)}\n`;
    bytes += Buffer.byteLength(text);
    await out.write(text);
    const mapped = mapShopifyOrder(raw);
    if (!mapped.ok) throw new Error(`generated order ${i} does not map: ${JSON.stringify(mapped.issues)}`);
    lines += mapped.value.order.lines.length;
    parcels += mapped.value.parcels.length;
    if (csv) {
      const k = (i * 7919) % customersFor(count);
      if (!customerSeen[k]) {
        customerSeen[k] = 1;
        await csv.customers.write(customerRow(k, shop, mapped.value, createdAt));
      }
      await csv.orders.write(orderRow(i, k, shop, mapped.value, createdAt));
      for (const line of mapped.value.order.lines) await csv.lines.write(lineRow(i, line));
      for (const [j, p] of mapped.value.parcels.entries()) {
        await csv.shipments.write(
          csvRow([
            `s${i}-${j}`,
            `o${i}`,
            null,
            'outbound',
            p.carrier,
            p.trackingNumber,
            p.status,
            null,
            null,
            p.shippedAt,
          ]),
        );
      }
    }
  }
  await out.end();
  if (csv) await Promise.all(Object.values(csv).map((w) => w.end()));
  return {
    jsonl,
    bytes,
    orders: count,
    lines,
    parcels,
    customers: customersFor(count),
    ...(csvFiles ? { csv: csvFiles } : {}),
  };
}

function customerRow(k: number, shop: string, m: ShopifyOrderImport, createdAt: string): string {
  return csvRow([`c${k}`, shop, m.customer.email.toLowerCase(), m.customer.name ?? null, createdAt]);
}

function orderRow(i: number, k: number, shop: string, m: ShopifyOrderImport, createdAt: string): string {
  const o = m.order;
  return csvRow([
    `o${i}`,
    shop,
    o.number,
    `c${k}`,
    o.placedAt,
    o.currency,
    o.destinationCountry,
    o.paymentMethod ?? null,
    o.discountCodes ?? [],
    o.shippingPaid ?? 0,
    o.productionStartedAt ?? null,
    o.shippedAt ?? null,
    o.deliveredAt ?? null,
    o.carrier ?? null,
    'original',
    null,
    createdAt,
  ]);
}

function lineRow(i: number, l: ShopifyOrderImport['order']['lines'][number]): string {
  return csvRow([
    `o${i}`,
    l.id,
    l.sku ?? null,
    l.title ?? null,
    l.category,
    l.fulfillment,
    l.personalized,
    l.finalSale,
    l.onSale,
    l.unitPrice,
    l.quantity,
    l.discount ?? 0,
    l.previousRemakeOrReplacement,
    l.shippedAt ?? null,
    l.deliveredAt ?? null,
    l.material ?? null,
    l.tags ?? [],
  ]);
}
