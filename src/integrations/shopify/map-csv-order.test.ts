import { describe, expect, it } from 'vitest';
import { readShopifyOrders } from './read-shopify-orders.ts';
import { chunked, collect, EXPORT_COLUMNS, exportFile, THEOR_EXPORT } from './test-fixtures.ts';

async function importItems(text: string, chunkSize = 97) {
  return collect(readShopifyOrders(chunked(text, chunkSize), 'csv'));
}

describe('Shopify’s orders export, several rows per order', () => {
  it('is read by column name from the real 79-column header', () => {
    expect(EXPORT_COLUMNS).toHaveLength(79);
  });

  it('makes one order of the rows sharing a Name, each with the line its first row starts on', async () => {
    const items = await importItems(exportFile(THEOR_EXPORT));
    // Header on line 1; #1001's first row spans lines 2-3 (a note with a line break).
    expect(items.map((i) => [i.line, i.index, i.order, i.result.ok])).toEqual([
      [2, 1, '1001', true],
      [5, 2, '1002', false],
      [6, 3, '1003', true],
    ]);
  });

  it('maps an order’s first row and its continuation rows to the contract, cents exact', async () => {
    const [first] = await importItems(exportFile(THEOR_EXPORT));
    if (!first?.result.ok) throw new Error(JSON.stringify(first?.result));
    const { order, customer, refunds } = first.result.value;
    expect(order).toEqual({
      number: '1001',
      placedAt: '2026-07-02T15:00:00-04:00',
      currency: 'USD',
      destinationCountry: 'US',
      paymentMethod: 'card',
      discountCodes: [{ code: 'WELCOME15', kind: 'first_order' }],
      shippingPaid: 800,
      shippedAt: '2026-07-06T12:00:00-04:00',
      lines: [
        {
          id: 'L1',
          title: 'Dome Ring, 14k - 7',
          sku: 'TO-R-DOME-7',
          category: 'ring',
          fulfillment: 'ready_to_ship',
          personalized: false,
          finalSale: false,
          onSale: false,
          unitPrice: 16500,
          quantity: 1,
          discount: 2475,
          previousRemakeOrReplacement: false,
        },
        {
          id: 'L2',
          title: 'Huggie Hoops, gold',
          sku: 'TO-E-HUG-G',
          category: 'earrings',
          fulfillment: 'ready_to_ship',
          personalized: false,
          finalSale: false,
          onSale: true,
          unitPrice: 5200,
          quantity: 1,
          previousRemakeOrReplacement: false,
        },
      ],
    });
    expect(customer).toEqual({ email: 'Gia.Rossi@example.com', name: 'Gia Rossi' });
    expect(refunds).toEqual({ amount: 0 });
  });

  it('reports a bad row with its line and column, and still reads the orders after it', async () => {
    const [, second, third] = await importItems(exportFile(THEOR_EXPORT));
    expect(second).toMatchObject({
      line: 5,
      order: '1002',
      result: { ok: false, issues: [{ path: ['Lineitem price'], line: 5, message: 'an amount such as 199.00' }] },
    });
    if (!third?.result.ok) throw new Error('#1003 should map');
    expect(third.result.value.order).toMatchObject({
      destinationCountry: 'CA',
      paymentMethod: 'paypal',
      shippingPaid: 2500,
      lines: [
        { id: 'L1', category: 'bracelet', unitPrice: 13200, quantity: 1 },
        { id: 'L2', category: 'necklace', unitPrice: 10400, quantity: 2 },
      ],
    });
    expect(third.result.value.order.shippedAt).toBeUndefined();
    expect(third.result.value.refunds).toEqual({ amount: 10400 });
  });

  it('fails the whole order for a bad continuation row, at that row’s line', async () => {
    const rows = THEOR_EXPORT.map((r) => (r.Name === '#1003' && !r.Email ? { ...r, 'Lineitem quantity': '' } : r));
    const items = await importItems(exportFile(rows));
    expect(items[2]).toMatchObject({ line: 7, order: '1003', result: { ok: false } });
    expect(items[2]?.result.ok === false && items[2].result.issues[0]?.path).toEqual(['Lineitem quantity']);
  });

  it('reads an export saved with a byte-order mark and LF line ends, in one chunk', async () => {
    const text = `\uFEFF${exportFile(THEOR_EXPORT).replaceAll('\r\n', '\n')}`;
    const items = await importItems(text, 1 << 20);
    expect(items.map((i) => [i.line, i.order, i.result.ok])).toEqual([
      [2, '1001', true],
      [5, '1002', false],
      [6, '1003', true],
    ]);
  });

  it('refuses a CSV that is not an orders export, naming the missing columns', async () => {
    await expect(importItems('Handle,Title,Variant SKU\nring,Dome Ring,TO-R-DOME\n')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('no column "Name", "Created at"'),
    });
  });

  it('stops at a quote never closed, with its line; the order before it may miss rows and is not imported', async () => {
    const [first, second, broken, third, fourth] = THEOR_EXPORT;
    const rows = [first, second, third, fourth, { ...broken, Notes: 'x' }] as Record<string, string>[];
    const text = exportFile(rows).replace(',x,', ',"x,');
    const seen: (string | null)[] = [];
    const reading = (async () => {
      for await (const item of readShopifyOrders(chunked(text, 64), 'csv')) seen.push(item.order);
    })();
    await expect(reading).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^line 7: not CSV: .*order #1003, just before, may be missing rows/),
    });
    expect(seen).toEqual(['1001']);
  });
});
