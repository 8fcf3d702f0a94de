import type { z } from 'zod';
import type { Line, Order } from '../../domain/contract/case.schema.ts';
import type { Result } from '../../domain/errors.ts';
import { toMinorUnits } from './minor-units.ts';
import {
  type CsvLineColumns,
  CsvLineColumnsSchema,
  type CsvOrderColumns,
  CsvOrderColumnsSchema,
} from './shopify-csv-row.schema.ts';
import { discountKindOf, guessLineFacts, paymentMethodOf } from './shopify-heuristics.ts';
import { completeImport, MappingIssues, orderNumberOf, type ShopifyOrderImport } from './shopify-order-import.ts';

/** One row of the export, by column name, with the line of the file it starts on. */
export type CsvRow = { line: number; cells: Record<string, string | undefined> };

/**
 * Maps the rows of one order of Shopify's "Export orders" CSV (one row per
 * line item) to the contract's order and its customer. The order's columns
 * come from its first row that has them (the export fills them on the first
 * row only); each row is a line, L1, L2 … in file order. Every issue names
 * the column and the line of its row. The export has no line properties, so
 * personalisation is read from titles only, and no tracking numbers.
 */
export function mapCsvOrder(rows: readonly CsvRow[]): Result<ShopifyOrderImport> {
  const issues = new MappingIssues();
  const head = rows.find((r) => r.cells.Currency?.trim()) ?? rows[0];
  if (!head)
    return { ok: false, issues: [{ code: 'empty_order', path: [], message: 'an order has at least one row' }] };
  const o = readRow(CsvOrderColumnsSchema, head, issues);
  const items = rows.map((row) => ({ row, item: readRow(CsvLineColumnsSchema, row, issues) }));
  if (!o) return { ok: false, issues: issues.issues };
  const currency = o.Currency.toUpperCase();

  const lines: Line[] = [];
  items.forEach(({ row, item }, i) => {
    if (item) lines.push(mapLine(item, i, currency, row.line, issues));
  });
  const destination = o['Shipping Country'] || o['Billing Country'];
  if (!destination || !/^[A-Za-z]{2}$/.test(destination)) {
    issues.add(
      ['Shipping Country'],
      'the order has no country to ship to (a two-letter code)',
      'invalid_value',
      head.line,
    );
  }
  const order: Order = {
    number: orderNumberOf(o.Name) ?? '',
    placedAt: o['Created at'],
    currency,
    destinationCountry: (destination ?? '').toUpperCase(),
    lines,
  };
  const paymentMethod = paymentMethodOf(splitList(o['Payment Method'], /\s*[+,]\s*/));
  if (paymentMethod) order.paymentMethod = paymentMethod;
  const codes = splitList(o['Discount Code'], /\s*,\s*/);
  if (codes.length) order.discountCodes = codes.map((code) => ({ code, kind: discountKindOf(code) }));
  if (o.Shipping) order.shippingPaid = issues.amount(o.Shipping, currency, ['Shipping'], head.line);
  markShipments(order, o, items);

  const name = o['Billing Name'] || o['Shipping Name'];
  const email = issues.email(o.Email, ['Email'], head.line);
  const refunded = o['Refunded Amount'] ? toMinorUnits(o['Refunded Amount'], currency) : undefined;
  return completeImport(
    {
      order,
      customer: name ? { email, name } : { email },
      parcels: [],
      refunds: { amount: refunded?.ok ? refunded.value : 0 },
      cancelled: Boolean(o['Cancelled at']),
      cancelledAt: o['Cancelled at'] || null,
    },
    issues,
  );
}

function readRow<S extends z.ZodType>(schema: S, row: CsvRow, issues: MappingIssues): z.output<S> | undefined {
  const parsed = schema.safeParse(row.cells);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) issues.add(i.path as (string | number)[], i.message, i.code, row.line);
  return undefined;
}

function mapLine(item: CsvLineColumns, i: number, currency: string, line: number, issues: MappingIssues): Line {
  const title = item['Lineitem name'];
  const unitPrice = issues.amount(item['Lineitem price'], currency, ['Lineitem price'], line);
  const compareAt = item['Lineitem compare at price'];
  const compareAtPrice = compareAt ? toMinorUnits(compareAt, currency) : undefined;
  const mapped: Line = {
    id: `L${i + 1}`,
    title,
    ...guessLineFacts({ title }),
    finalSale: false,
    // The export keeps the price the product was marked down from: a line below it was on sale.
    onSale: compareAtPrice?.ok === true && compareAtPrice.value > unitPrice,
    unitPrice,
    quantity: item['Lineitem quantity'],
    previousRemakeOrReplacement: false,
  };
  if (item['Lineitem sku']) mapped.sku = item['Lineitem sku'];
  const discount = item['Lineitem discount'];
  if (discount) {
    const cents = issues.amount(discount, currency, ['Lineitem discount'], line);
    if (cents > 0) mapped.discount = cents;
  }
  return mapped;
}

/**
 * The export says when the order was fulfilled ("Fulfilled at"), not each
 * parcel: a fulfilled order shipped then; a partly fulfilled one marks only
 * its fulfilled lines, at that time when the export gives one.
 */
function markShipments(order: Order, o: CsvOrderColumns, items: { item: CsvLineColumns | undefined }[]): void {
  const at = o['Fulfilled at'];
  if (!at) return;
  if (o['Fulfillment Status'] === 'fulfilled') {
    order.shippedAt = at;
    return;
  }
  items.forEach(({ item }, i) => {
    const line = order.lines[i];
    if (line && item?.['Lineitem fulfillment status'] === 'fulfilled') line.shippedAt = at;
  });
}

function splitList(value: string | undefined, separator: RegExp): string[] {
  return (value ?? '').split(separator).filter((v) => v.trim() !== '');
}
