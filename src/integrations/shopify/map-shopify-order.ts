import type { Line, Order } from '../../domain/contract/case.schema.ts';
import { toIssues } from '../../domain/contract/parse-case.ts';
import type { Result } from '../../domain/errors.ts';
import { discountKindOf, guessLineFacts, paymentMethodOf } from './shopify-heuristics.ts';
import { type ShopifyLineItem, type ShopifyOrder, ShopifyOrderSchema } from './shopify-order.schema.ts';
import {
  completeImport,
  MappingIssues,
  orderNumberOf,
  type ShopifyOrderImport,
  type ShopifyParcel,
} from './shopify-order-import.ts';

type Fulfillment = NonNullable<ShopifyOrder['fulfillments']>[number];

/**
 * Maps one order of Shopify's REST Admin API or `orders/*` webhooks (bare, or
 * as `{ "order": … }`) to the contract's order, its customer, parcels and the
 * refunds already made. Amounts are read exactly, in minor units of the
 * order's currency. Lines are numbered L1, L2 … in Shopify's order, as the CSV
 * export has no line ids, so an order keeps its line ids whichever way it
 * comes in. What Shopify has no field for is guessed by `shopify-heuristics.ts`.
 */
export function mapShopifyOrder(raw: unknown): Result<ShopifyOrderImport> {
  const parsed = ShopifyOrderSchema.safeParse(unwrapOrder(raw));
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  const o = parsed.data;
  const issues = new MappingIssues();
  const currency = o.currency.toUpperCase();

  const lines = o.line_items.map((item, i) => mapLine(item, i, currency, issues));
  const destination =
    o.shipping_address?.country_code || o.billing_address?.country_code || o.customer?.default_address?.country_code;
  if (!destination || !/^[A-Za-z]{2}$/.test(destination)) {
    issues.add(['shipping_address', 'country_code'], 'the order has no country to ship to (a two-letter code)');
  }
  const order: Order = {
    number: orderNumberOf(o.name, o.order_number) ?? '',
    placedAt: o.processed_at ?? o.created_at,
    currency,
    destinationCountry: (destination ?? '').toUpperCase(),
    lines,
  };
  const gateways = o.payment_gateway_names?.length ? o.payment_gateway_names : o.gateway ? [o.gateway] : [];
  const paymentMethod = paymentMethodOf(gateways);
  if (paymentMethod) order.paymentMethod = paymentMethod;
  if (o.discount_codes?.length) order.discountCodes = discountCodesOf(o);
  if (o.shipping_lines?.length) {
    order.shippingPaid = o.shipping_lines.reduce(
      (sum, s, i) =>
        sum +
        (s.discounted_price != null
          ? issues.amount(s.discounted_price, currency, ['shipping_lines', i, 'discounted_price'])
          : issues.amount(s.price, currency, ['shipping_lines', i, 'price'])),
      0,
    );
  }
  markShipments(order, o);

  const name = [o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(' ').trim();
  const customerName = name || o.shipping_address?.name || o.billing_address?.name;
  const email = issues.email(o.email || o.contact_email || o.customer?.email, ['email']);
  return completeImport(
    {
      order,
      customer: customerName ? { email, name: customerName } : { email },
      parcels: parcelsOf(o),
      refunds: refundsOf(o, currency, issues),
      cancelled: Boolean(o.cancelled_at),
      cancelledAt: o.cancelled_at || null,
    },
    issues,
  );
}

/** The REST API's single-order answer wraps the order: `{ "order": { … } }`. */
function unwrapOrder(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'order' in raw) {
    const inner = (raw as { order: unknown }).order;
    if (inner && typeof inner === 'object') return inner;
  }
  return raw;
}

function mapLine(item: ShopifyLineItem, i: number, currency: string, issues: MappingIssues): Line {
  const properties = (item.properties ?? []).map((p) => ({
    name: p.name,
    value: p.value == null ? '' : String(p.value),
  }));
  const title = item.title ?? item.name ?? '';
  const line: Line = {
    id: `L${i + 1}`,
    ...guessLineFacts({ title, variant: item.variant_title, properties, giftCard: item.gift_card }),
    finalSale: false,
    onSale: false,
    unitPrice: issues.amount(item.price, currency, ['line_items', i, 'price']),
    quantity: item.quantity,
    previousRemakeOrReplacement: false,
  };
  if (item.sku) line.sku = item.sku;
  if (item.name || item.title) line.title = item.name || title;
  // Allocations are the discounts spread over the line; `total_discount` is what older payloads carry.
  let discount = 0;
  if (item.discount_allocations?.length) {
    item.discount_allocations.forEach((a, j) => {
      discount += issues.amount(a.amount, currency, ['line_items', i, 'discount_allocations', j, 'amount']);
    });
  } else if (item.total_discount != null) {
    discount = issues.amount(item.total_discount, currency, ['line_items', i, 'total_discount']);
  }
  if (discount > 0) line.discount = discount;
  return line;
}

function discountCodesOf(o: ShopifyOrder): NonNullable<Order['discountCodes']> {
  const percentOff = new Map<string, number>();
  for (const a of o.discount_applications ?? []) {
    const value = Number(a.value);
    if (a.type === 'discount_code' && a.value_type === 'percentage' && a.code && value >= 0 && value <= 100) {
      percentOff.set(a.code.toLowerCase(), value);
    }
  }
  return (o.discount_codes ?? []).map((d) => {
    const percent = percentOff.get(d.code.toLowerCase());
    const code = { code: d.code, kind: discountKindOf(d.code) };
    return percent === undefined ? code : { ...code, percentOff: percent };
  });
}

/** Fulfillments that shipped: Shopify's `success` (or no status); pending, open, cancelled, error and failure did not. */
function shippedFulfillments(o: ShopifyOrder): Fulfillment[] {
  return (o.fulfillments ?? [])
    .filter((f) => !f.status || f.status === 'success')
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

/**
 * When each line left: the first fulfillment naming it (one naming no lines
 * ships them all). All shipped: the order's `shippedAt` is the first parcel
 * and a line sent later keeps its own. Some shipped: only those lines have a
 * `shippedAt` (storage cannot say "this line not yet" under a shipped order).
 */
function markShipments(order: Order, o: ShopifyOrder): void {
  const indexById = new Map(o.line_items.map((l, i) => [l.id, i]));
  const shippedAt: (string | undefined)[] = order.lines.map(() => undefined);
  for (const f of shippedFulfillments(o)) {
    const named = (f.line_items ?? []).map((l) => indexById.get(l.id)).filter((i) => i !== undefined);
    for (const i of named.length ? named : order.lines.keys()) shippedAt[i] ??= f.created_at;
  }
  const first = shippedAt.find((at) => at !== undefined);
  if (first === undefined) return;
  const all = shippedAt.every((at) => at !== undefined);
  if (all) order.shippedAt = first;
  order.lines.forEach((line, i) => {
    const at = shippedAt[i];
    if (at !== undefined && (!all || at !== first)) line.shippedAt = at;
  });
  const tracked = shippedFulfillments(o).find((f) => f.tracking_company || trackingNumbersOf(f).length);
  if (tracked) {
    const [trackingNumber] = trackingNumbersOf(tracked);
    order.carrier = {
      ...(tracked.tracking_company ? { name: tracked.tracking_company } : {}),
      ...(trackingNumber ? { trackingNumber } : {}),
    };
  }
}

function trackingNumbersOf(f: Fulfillment): string[] {
  if (f.tracking_numbers?.length) return f.tracking_numbers;
  return f.tracking_number ? [f.tracking_number] : [];
}

function parcelsOf(o: ShopifyOrder): ShopifyParcel[] {
  return shippedFulfillments(o).flatMap((f) => {
    const urls = f.tracking_urls?.length ? f.tracking_urls : f.tracking_url ? [f.tracking_url] : [];
    return trackingNumbersOf(f).map((trackingNumber, j) => ({
      carrier: f.tracking_company ?? null,
      trackingNumber,
      trackingUrl: urls[j] ?? null,
      shippedAt: f.created_at,
      status: f.shipment_status ?? 'in_transit',
    }));
  });
}

/** Money Shopify refunded: its successful refund transactions, else the refunded lines' subtotals. */
function refundsOf(o: ShopifyOrder, currency: string, issues: MappingIssues): ShopifyOrderImport['refunds'] {
  let amount = 0;
  (o.refunds ?? []).forEach((r, i) => {
    if (r.transactions?.length) {
      r.transactions.forEach((t, j) => {
        if (t.kind === 'refund' && (!t.status || t.status === 'success')) {
          amount += issues.amount(t.amount, currency, ['refunds', i, 'transactions', j, 'amount']);
        }
      });
      return;
    }
    (r.refund_line_items ?? []).forEach((l, j) => {
      if (l.subtotal != null) amount += issues.amount(l.subtotal, currency, ['refunds', i, 'refund_line_items', j]);
    });
  });
  return { count: o.refunds?.length ?? 0, amount };
}
