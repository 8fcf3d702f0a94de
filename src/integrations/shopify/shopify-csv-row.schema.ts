import { z } from 'zod';
import { InstantSchema } from '../../domain/contract/case.schema.ts';

/**
 * The columns of Shopify's "Export orders" CSV that Loupe reads, by name (the
 * export has had 47, 70 and 79 columns; positions move). One order spans one
 * row per line item: the order's columns are filled on its first row only,
 * every row has Name, Created at, the Lineitem columns and Vendor.
 */

/** Columns without which a file is not an orders export. */
export const REQUIRED_CSV_COLUMNS = ['Name', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'];

/** An empty cell is an absent value. */
const cell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const Text = cell(z.string().trim());
const Amount = cell(
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'an amount such as 199.00'),
);

/**
 * The export writes times as `2026-04-28 13:34:05 -0500`; read as the
 * contract's ISO 8601 instant with an offset (`2026-04-28T13:34:05-05:00`).
 */
const ExportInstant = z
  .string()
  .trim()
  .transform((v) => {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}):?(\d{2})?$/.exec(v);
    return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] === 'Z' ? 'Z' : `${m[4]}:${m[5] ?? '00'}`}` : v;
  })
  .pipe(InstantSchema.describe('a time such as 2026-04-28 13:34:05 -0500'));

/** The order's columns, read from its first row. */
export const CsvOrderColumnsSchema = z.object({
  Name: z.string().trim().min(1, 'every row names its order'),
  Email: Text,
  Currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'a three-letter currency code such as USD'),
  'Created at': ExportInstant,
  'Fulfillment Status': Text,
  'Fulfilled at': cell(ExportInstant),
  Shipping: Amount,
  'Discount Code': Text,
  'Payment Method': Text,
  'Refunded Amount': Amount,
  'Cancelled at': cell(ExportInstant),
  'Billing Name': Text,
  'Billing Country': Text,
  'Shipping Name': Text,
  'Shipping Country': Text,
});

/** A line item's columns, on every row. */
export const CsvLineColumnsSchema = z.object({
  'Lineitem quantity': z.coerce.number().int().min(1),
  'Lineitem name': z.string().trim().min(1, 'a line item has a name'),
  'Lineitem price': z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'an amount such as 199.00'),
  'Lineitem compare at price': Amount,
  'Lineitem sku': Text,
  'Lineitem fulfillment status': Text,
  'Lineitem discount': Amount,
});

export type CsvOrderColumns = z.infer<typeof CsvOrderColumnsSchema>;
export type CsvLineColumns = z.infer<typeof CsvLineColumnsSchema>;
