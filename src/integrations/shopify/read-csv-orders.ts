import { type Info, parse } from 'csv-parse';
import type { CsvRow } from './map-csv-order.ts';
import { REQUIRED_CSV_COLUMNS } from './shopify-csv-row.schema.ts';
import { type ByteSource, type SourceRecord, unreadable } from './source-record.ts';

type Parsed = { record: Record<string, string>; info: Info };

/**
 * Streams Shopify's "Export orders" CSV as orders: the consecutive rows that
 * share a Name (one per line item) make one order, which comes with the line
 * its first row starts on. Rows are read as csv-parse gives them, a chunk at a
 * time, so memory holds one chunk and one order. Broken CSV (a quote never
 * closed) stops the reading with its line; the orders before it stand.
 */
export async function* readCsvOrders(source: ByteSource): AsyncGenerator<SourceRecord<CsvRow[]>> {
  let header: string[] | undefined;
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      header = names.map((n) => n.trim());
      return header;
    },
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const ready: Parsed[] = [];
  let failure: Error | undefined;
  parser.on('data', (row: Parsed) => ready.push(row));
  parser.on('error', (err) => {
    failure = err;
  });
  const ended = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', () => resolve());
  });

  let group: CsvRow[] = [];
  let index = 0;
  let lastLine = 1;
  let lastEmpty = 0;
  const take = function* (): Generator<SourceRecord<CsvRow[]>> {
    if (header) assertOrdersExport(header);
    for (const { record, info } of ready.splice(0)) {
      // `lines` is where the record ends (a quoted cell may hold line breaks): it starts after the last one.
      const line = lastLine + 1 + (info.empty_lines - lastEmpty);
      lastLine = info.lines;
      lastEmpty = info.empty_lines;
      const name = record.Name?.trim();
      if (group.length > 0 && name !== group[0]?.cells.Name?.trim()) {
        yield { line: group[0]?.line ?? line, index: ++index, value: group };
        group = [];
      }
      group.push({ line, cells: record });
    }
    if (failure) {
      // csv-parse says where it gave up (the end of the file, for a quote never closed): the row it could not read starts after the last one read.
      const at = lastLine + 1;
      const pending = group[0]?.cells.Name;
      // The unreadable row may have been the next row of the order being read: that order is not handed over.
      const lost = pending ? `; order ${pending}, just before, may be missing rows and was not read` : '';
      throw unreadable(at, `not CSV: ${failure.message}${lost}`);
    }
  };

  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    // csv-parse hands rows over as it reads them; let any error of this chunk arrive too.
    await new Promise((resolve) => setImmediate(resolve));
    yield* take();
  }
  parser.end();
  await ended;
  yield* take();
  if (group.length > 0) yield { line: group[0]?.line ?? lastLine, index: ++index, value: group };
}

function assertOrdersExport(header: string[]): void {
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw unreadable(1, `not a Shopify orders export: no column ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
}
