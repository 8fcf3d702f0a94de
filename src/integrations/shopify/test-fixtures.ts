import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shopify's own samples (../shared/samples/shopify): the REST order #1001 and the 79-column export header. */
export const SAMPLES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/samples/shopify',
);
export const SAMPLE_ORDER_FILE = path.join(SAMPLES_DIR, 'order.json');

/** The REST Admin API's order #1001, as the sample file has it: `{ "order": { … } }`. */
export function sampleOrderFile(): { order: Record<string, unknown> } {
  return JSON.parse(readFileSync(SAMPLE_ORDER_FILE, 'utf8'));
}

/** The sample order, with changes. */
export function sampleOrder(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...sampleOrderFile().order, ...changes };
}

/**
 * An Amijose order (GB, GBP) in Shopify's shape: a personalised name
 * necklace with its engraving property and a 10% welcome code allocated to
 * it, two pairs of studs, a £50 gift card; the jewellery sent by Royal Mail
 * (the gift card is not shipped), one refund of a pair of studs.
 */
export function amijoseOrder(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return sampleOrder({
    id: 5_830_117_401,
    name: '#AJ1042',
    order_number: 1042,
    email: 'isla.moreno@example.co.uk',
    created_at: '2026-03-02T09:14:05+00:00',
    processed_at: '2026-03-02T09:14:03+00:00',
    currency: 'GBP',
    gateway: 'shopify_payments',
    payment_gateway_names: ['gift_card', 'shopify_payments'],
    discount_codes: [{ code: 'WELCOME10', amount: '6.50', type: 'percentage' }],
    discount_applications: [
      { type: 'discount_code', code: 'WELCOME10', value: '10.0', value_type: 'percentage', target_type: 'line_item' },
    ],
    shipping_lines: [{ code: 'Royal Mail Tracked 48', price: '4.95', discounted_price: '4.95', title: 'Tracked 48' }],
    shipping_address: { name: 'Isla Moreno', country: 'United Kingdom', country_code: 'GB', city: 'Bristol' },
    billing_address: { name: 'Isla Moreno', country: 'United Kingdom', country_code: 'GB' },
    customer: { id: 88_120, email: 'isla.moreno@example.co.uk', first_name: 'Isla', last_name: 'Moreno' },
    line_items: [
      {
        id: 14_001,
        title: 'Personalised Name Necklace',
        variant_title: 'Gold plated / 18"',
        name: 'Personalised Name Necklace - Gold plated / 18"',
        sku: 'AJ-N-NAME-G',
        price: '65.00',
        quantity: 1,
        gift_card: false,
        properties: [
          { name: 'Engraving', value: 'Isla' },
          { name: '_builder_id', value: 'b-77' },
        ],
        discount_allocations: [{ amount: '6.50', discount_application_index: 0 }],
      },
      {
        id: 14_002,
        title: 'Solitaire Stud Earrings',
        variant_title: 'Silver',
        name: 'Solitaire Stud Earrings - Silver',
        sku: 'AJ-E-SOL',
        price: '38.00',
        quantity: 2,
        gift_card: false,
        properties: [],
        discount_allocations: [],
      },
      {
        id: 14_003,
        title: 'Gift Card',
        variant_title: '£50',
        name: 'Gift Card - £50',
        sku: null,
        price: '50.00',
        quantity: 1,
        gift_card: true,
        properties: [],
      },
    ],
    fulfillments: [
      {
        id: 701,
        created_at: '2026-03-04T16:20:00+00:00',
        status: 'success',
        shipment_status: 'in_transit',
        tracking_company: 'Royal Mail',
        tracking_number: 'RM123456785GB',
        tracking_numbers: ['RM123456785GB'],
        tracking_url: 'https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB',
        tracking_urls: ['https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB'],
        line_items: [{ id: 14_001 }, { id: 14_002 }],
      },
    ],
    refunds: [
      {
        id: 9_001,
        created_at: '2026-03-20T11:00:00+00:00',
        transactions: [{ kind: 'refund', status: 'success', amount: '38.00', gateway: 'shopify_payments' }],
        refund_line_items: [{ line_item_id: 14_002, quantity: 1, subtotal: '38.00' }],
      },
    ],
    ...changes,
  });
}

/** The Or's orders as Admin → Orders → Export writes them: order columns on an order's first row only. */
export const THEOR_EXPORT: Record<string, string>[] = [
  {
    Name: '#1001',
    Email: 'Gia.Rossi@example.com',
    'Financial Status': 'paid',
    'Paid at': '2026-07-02 15:00:12 -0400',
    'Fulfillment Status': 'fulfilled',
    'Fulfilled at': '2026-07-06 12:00:00 -0400',
    'Accepts Marketing': 'no',
    Currency: 'USD',
    Subtotal: '192.25',
    Shipping: '8.00',
    Taxes: '0.00',
    Total: '200.25',
    'Discount Code': 'WELCOME15',
    'Discount Amount': '24.75',
    'Shipping Method': 'Standard',
    'Created at': '2026-07-02 15:00:00 -0400',
    'Lineitem quantity': '1',
    'Lineitem name': 'Dome Ring, 14k - 7',
    'Lineitem price': '165.00',
    'Lineitem sku': 'TO-R-DOME-7',
    'Lineitem requires shipping': 'true',
    'Lineitem taxable': 'true',
    'Lineitem fulfillment status': 'fulfilled',
    'Billing Name': 'Gia Rossi',
    'Billing Country': 'US',
    'Shipping Name': 'Gia Rossi',
    'Shipping Country': 'US',
    Notes: 'Gift wrap, please.\nThank you!',
    'Payment Method': 'Shopify Payments',
    'Refunded Amount': '0.00',
    Vendor: 'The Or',
    Id: '5120934117',
    'Lineitem discount': '24.75',
  },
  {
    Name: '#1001',
    'Created at': '2026-07-02 15:00:00 -0400',
    'Lineitem quantity': '1',
    'Lineitem name': 'Huggie Hoops, gold',
    'Lineitem price': '52.00',
    'Lineitem compare at price': '65.00',
    'Lineitem sku': 'TO-E-HUG-G',
    'Lineitem requires shipping': 'true',
    'Lineitem taxable': 'true',
    'Lineitem fulfillment status': 'fulfilled',
    Vendor: 'The Or',
    'Lineitem discount': '0.00',
  },
  {
    Name: '#1002',
    Email: 'hal@example.com',
    'Financial Status': 'paid',
    Currency: 'USD',
    Shipping: '8.00',
    'Created at': '2026-07-03 10:20:00 -0400',
    'Lineitem quantity': '1',
    'Lineitem name': 'Oval Signet Ring',
    'Lineitem price': '110,00',
    'Shipping Country': 'US',
    'Payment Method': 'Shopify Payments',
  },
  {
    Name: '#1003',
    Email: 'ivy@example.ca',
    'Financial Status': 'partially_refunded',
    'Fulfillment Status': 'unfulfilled',
    Currency: 'USD',
    Shipping: '25.00',
    'Created at': '2026-07-04 08:05:00 -0400',
    'Lineitem quantity': '1',
    'Lineitem name': 'Tennis Bracelet',
    'Lineitem price': '132.00',
    'Lineitem sku': 'TO-B-TEN',
    'Billing Name': 'Ivy Chen',
    'Shipping Country': 'CA',
    'Payment Method': 'PayPal Express Checkout',
    'Refunded Amount': '104.00',
  },
  {
    Name: '#1003',
    'Created at': '2026-07-04 08:05:00 -0400',
    'Lineitem quantity': '2',
    'Lineitem name': 'Coin Pendant Necklace',
    'Lineitem price': '104.00',
    'Lineitem sku': 'TO-N-COIN',
  },
];

const HEADER_TEXT = readFileSync(path.join(SAMPLES_DIR, 'orders_export_header.csv'), 'utf8').trim();
/** The columns of Shopify's orders export, in order. */
export const EXPORT_COLUMNS = HEADER_TEXT.split(',');

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A row of the export: the named cells in their columns, the others empty. */
export function exportRow(cells: Record<string, string>): string {
  for (const name of Object.keys(cells)) if (!EXPORT_COLUMNS.includes(name)) throw new Error(`no column ${name}`);
  return EXPORT_COLUMNS.map((c) => quote(cells[c] ?? '')).join(',');
}

/** An export file: the real header, then the rows. */
export function exportFile(rows: Record<string, string>[]): string {
  return `${[HEADER_TEXT, ...rows.map(exportRow)].join('\r\n')}\r\n`;
}

/** A text as a stream of byte chunks of `size`, cutting UTF-8 characters and lines anywhere. */
export async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
