import type { Result } from '../../domain/errors.ts';
import { mapCsvOrder } from './map-csv-order.ts';
import { mapShopifyOrder } from './map-shopify-order.ts';
import { readCsvOrders } from './read-csv-orders.ts';
import { readJsonRecords } from './read-json-records.ts';
import { orderNumberOf, type ShopifyOrderImport } from './shopify-order-import.ts';
import type { ByteSource } from './source-record.ts';

/** Shopify's order JSON (one object, an array, `{ "orders": … }`, or JSON Lines, detected), JSON Lines, or the CSV export. */
export const SHOPIFY_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ShopifyFormat = (typeof SHOPIFY_FORMATS)[number];

/**
 * One order of an import, mapped or refused, with the line of the file it
 * starts on, its place among the file's orders, and its number when it has one.
 */
export type ShopifyImportItem = {
  line: number;
  index: number;
  order: string | null;
  result: Result<ShopifyOrderImport>;
};

/**
 * Streams a Shopify file as orders mapped to the contract: a record that
 * cannot be read or mapped comes as a refusal with its issues, and the next
 * ones still come. Throws (INVALID_INPUT, with the line) only when the file
 * cannot be read on.
 */
export async function* readShopifyOrders(source: ByteSource, format: ShopifyFormat): AsyncGenerator<ShopifyImportItem> {
  if (format === 'csv') {
    for await (const r of readCsvOrders(source)) {
      const result = 'issue' in r ? { ok: false as const, issues: [r.issue] } : mapCsvOrder(r.value);
      // A CSV order's issues carry the line of their row: the order is reported at its first bad row.
      const line = (!result.ok && result.issues[0]?.line) || r.line;
      const order = 'value' in r ? (orderNumberOf(r.value[0]?.cells.Name) ?? null) : null;
      yield { line, index: r.index, order, result };
    }
    return;
  }
  for await (const r of readJsonRecords(source, format === 'jsonl' ? 'lines' : undefined)) {
    if ('issue' in r) {
      yield { line: r.line, index: r.index, order: null, result: { ok: false, issues: [r.issue] } };
      continue;
    }
    const result = mapShopifyOrder(r.value);
    yield { line: r.line, index: r.index, order: result.ok ? result.value.order.number : numberIn(r.value), result };
  }
}

/** The number of an order Loupe could not map, when its name or order_number can be read. */
function numberIn(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const o = ((value as { order?: unknown }).order ?? value) as { name?: unknown; order_number?: unknown };
  const name = typeof o.name === 'string' ? o.name : undefined;
  return orderNumberOf(name, typeof o.order_number === 'number' ? o.order_number : undefined) ?? null;
}

/**
 * The format a file name or a media type says: `.csv` / `text/csv`,
 * `.jsonl` / `.ndjson` / `application/x-ndjson`, `.json` / `application/json`.
 */
export function shopifyFormatOf(nameOrMediaType: string): ShopifyFormat | undefined {
  const s = nameOrMediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (s.endsWith('.csv') || s === 'text/csv') return 'csv';
  if (/\.(jsonl|ndjson)$/.test(s) || /^application\/(x-)?(ndjson|jsonl|json-seq)$/.test(s)) return 'jsonl';
  if (s.endsWith('.json') || s === 'application/json') return 'json';
  return undefined;
}
