import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DomainError } from '../../domain/errors.ts';
import { minorUnitDigits } from '../../integrations/shopify/minor-units.ts';
import {
  readShopifyOrders,
  SHOPIFY_FORMATS,
  type ShopifyFormat,
  shopifyFormatOf,
} from '../../integrations/shopify/read-shopify-orders.ts';
import type { ByteSource } from '../../integrations/shopify/source-record.ts';
import { importShopifyOrders, type ShopifyImportSummary } from '../../services/import-shopify-orders.ts';
import { type Actor, liveContext } from '../../services/service-context.ts';
import { syncBundledPolicies } from '../../services/sync-bundled-policies.ts';
import { type DatabaseOptions, openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { importProgress } from '../import-progress.ts';
import { EXIT_BAD_INPUT } from '../report-error.ts';

/** Options of `loupe import orders`: the shop, the file's format, and the database (as `loupe db migrate`). */
export type ImportOrdersOptions = Pick<DatabaseOptions, 'url' | 'dataDir'> & { shop?: string; format?: string };

/** Exit status when some orders could not be imported (the others were). */
export const EXIT_SOME_FAILED = 1;

/** Who the audit log says imported: the operator at the server's command line. */
const CLI_ACTOR: Actor = { role: 'owner', shopId: '*', name: 'cli' };

const badInput = (option: string, message: string) =>
  new DomainError('INVALID_INPUT', `${option}: ${message}`, [{ code: 'invalid_input', path: [option], message }]);

/**
 * `loupe import orders FILE --shop ID`: streams Shopify orders (order JSON,
 * JSON Lines or the "Export orders" CSV) into a shop's desk, showing progress
 * on stderr and a summary on stdout. Exit 0 when every order loaded, 1 when
 * some failed (listed with their lines), 2 when the file cannot be read (or
 * stops being readable) or the shop is unknown.
 */
export async function importOrdersCommand(
  file: string,
  options: ImportOrdersOptions,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  if (!options.shop) throw badInput('--shop', 'name the shop the orders belong to, e.g. --shop aulso');
  const format = formatFor(file, options.format);
  const fromStdin = file === '-';
  const size = fromStdin ? undefined : await sizeOf(file);
  let bytes = 0;
  const counted = async function* (source: ByteSource) {
    try {
      for await (const chunk of source) {
        bytes += chunk.length;
        yield chunk;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!code) throw e;
      throw new DomainError('INVALID_INPUT', `cannot read ${file}: ${code}`, [
        { code: 'unreadable', path: ['file'], message: 'the file could not be read' },
      ]);
    }
  };
  const database = await openDatabase(options);
  try {
    const ctx = liveContext(database.db);
    await migrate(database.db);
    await syncBundledPolicies(ctx);
    const source = fromStdin ? process.stdin : createReadStream(file);
    const progress = importProgress(err, size);
    let summary: ShopifyImportSummary;
    try {
      summary = await importShopifyOrders(
        ctx,
        CLI_ACTOR,
        options.shop,
        readShopifyOrders(counted(source), format),
        (p) => progress.update(p, bytes),
      );
    } finally {
      progress.stop();
    }
    out.write(describeImport(summary, fromStdin ? 'stdin' : file));
    if (summary.stopped) {
      err.write(`loupe: ${fromStdin ? 'stdin' : file} ${summary.stopped.message}; the orders before it were read\n`);
      return EXIT_BAD_INPUT;
    }
    return summary.failed > 0 ? EXIT_SOME_FAILED : 0;
  } finally {
    await database.close();
  }
}

function formatFor(file: string, option: string | undefined): ShopifyFormat {
  if (option === undefined) return shopifyFormatOf(file) ?? 'json';
  if ((SHOPIFY_FORMATS as readonly string[]).includes(option)) return option as ShopifyFormat;
  throw badInput('--format', `"${option}" is not one of ${SHOPIFY_FORMATS.join(', ')}`);
}

async function sizeOf(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return s.size;
  } catch (e) {
    throw new DomainError(
      'INVALID_INPUT',
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      [{ code: 'unreadable', path: ['file'], message: 'no such file, or not readable' }],
    );
  }
}

/** An amount of minor units for people, from its digits: 1000 USD is "USD 10.00". */
function money(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const text = String(amount).padStart(digits + 1, '0');
  return digits === 0 ? `${currency} ${text}` : `${currency} ${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary of an import for people. */
export function describeImport(s: ShopifyImportSummary, from: string): string {
  const lines = [
    `Shopify orders from ${from} into ${s.shop}: ${plural(s.read, 'order')} read, ${s.created} created, ${s.updated} updated, ${s.failed} failed`,
  ];
  if (s.failed > 0) {
    lines.push('failed:');
    for (const f of s.failures) {
      const what = f.issues.map((i) => `${i.path === '(root)' ? '' : `${i.path}: `}${i.message}`).join('; ');
      lines.push(`  line ${f.line}${f.order ? ` (order ${f.order})` : ''}: ${what}`);
    }
    if (s.failed > s.failures.length) lines.push(`  … and ${s.failed - s.failures.length} more`);
  }
  if (s.parcelsAdded > 0) lines.push(`parcels added from Shopify's fulfillments: ${s.parcelsAdded}`);
  if (s.cancelledSeen > 0) {
    lines.push(
      `cancelled in Shopify: ${plural(s.cancelledSeen, 'order')}, stored with when (a case on them has nothing to refund)`,
    );
  }
  if (s.refundsSeen > 0) {
    lines.push(
      `refunds already made in Shopify, on ${plural(s.refundsSeen, 'order')} (stored: a case refunds only what is left):`,
    );
    for (const r of s.refunds) {
      const count = r.count === undefined ? '' : ` in ${plural(r.count, 'refund')}`;
      lines.push(`  line ${r.line} (order ${r.order}): ${money(r.amount, r.currency)}${count}`);
    }
    if (s.refundsSeen > s.refunds.length) lines.push(`  … and ${s.refundsSeen - s.refunds.length} more`);
  }
  return `${lines.join('\n')}\n`;
}
