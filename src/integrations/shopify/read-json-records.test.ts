import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonRecords } from './read-json-records.ts';
import { amijoseOrder, chunked, collect, SAMPLE_ORDER_FILE, sampleOrder } from './test-fixtures.ts';

const sampleText = readFileSync(SAMPLE_ORDER_FILE, 'utf8');
const a = sampleOrder({ name: '#1001' });
const b = amijoseOrder();
const c = sampleOrder({ name: '#1003', email: 'zoë@example.com' });

/** What a reader makes of a text: [line, index, order name] per record, or [line, index, issue message]. */
async function read(text: string, chunkSize = 7) {
  const records = await collect(readJsonRecords(chunked(text, chunkSize)));
  return records.map((r) =>
    'issue' in r ? [r.line, r.index, r.issue.message] : [r.line, r.index, (r.value as { name?: string }).name],
  );
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const linesOf = (s: string) => s.split('\n').length;

describe('readJsonRecords: every shape Shopify orders come in, each order with the line it starts on', () => {
  it('reads the sample file, one `{ "order": … }` over many lines', async () => {
    const records = await collect(readJsonRecords(chunked(sampleText, 64)));
    expect(records).toEqual([{ line: 1, index: 1, value: JSON.parse(sampleText) }]);
  });

  it('reads one bare order, pretty-printed after blank lines', async () => {
    expect(await read(`\n\n${pretty(b)}\n`)).toEqual([[3, 1, '#AJ1042']]);
  });

  it('reads an array of orders', async () => {
    const text = `[\n${pretty(a)},\n${pretty(b)},\n${pretty(c)}\n]\n`;
    const second = 2 + linesOf(pretty(a));
    expect(await read(text)).toEqual([
      [2, 1, '#1001'],
      [second, 2, '#AJ1042'],
      [second + linesOf(pretty(b)), 3, '#1003'],
    ]);
  });

  it('reads `{ "orders": [ … ] }` as the REST API answers, keeping nothing else of the wrapper', async () => {
    const text = pretty({ orders: [a, b, c] });
    const records = await collect(readJsonRecords(chunked(text, 5)));
    expect(records.map((r) => ('value' in r ? r.value : r))).toEqual([a, b, c]);
    // Pretty-printed, each order of the wrapper's array opens on a line of its own, indented 4.
    const opening = text.split('\n').flatMap((l, i) => (l === '    {' ? [i + 1] : []));
    expect(records.map((r) => r.line)).toEqual(opening);
    expect(opening[0]).toBe(3);
  });

  it('reads the orders of a wrapper after other keys, and ignores the keys after it', async () => {
    const text = `{"count": 2, "orders": [${JSON.stringify(a)},\n${JSON.stringify(b)}], "next": {"page": 2}}`;
    expect(await read(text)).toEqual([
      [1, 1, '#1001'],
      [2, 2, '#AJ1042'],
    ]);
  });

  it('reads a minified page of orders on one line, all on line 1, counted 1, 2, 3', async () => {
    expect(await read(JSON.stringify({ orders: [a, b, c] }), 4096)).toEqual([
      [1, 1, '#1001'],
      [1, 2, '#AJ1042'],
      [1, 3, '#1003'],
    ]);
  });

  it('reads JSON Lines, one order per line, with a UTF-8 character cut between chunks', async () => {
    const text = `${JSON.stringify(a)}\n${JSON.stringify(b)}\n\n${JSON.stringify(c)}`;
    expect(await read(text, 3)).toEqual([
      [1, 1, '#1001'],
      [2, 2, '#AJ1042'],
      [4, 3, '#1003'],
    ]);
    const emails = (await collect(readJsonRecords(chunked(text, 3)))).map(
      (r) => 'value' in r && (r.value as { email: string }).email,
    );
    expect(emails[2]).toBe('zoë@example.com');
  });

  it('reads a JSON Lines page of orders as its orders', async () => {
    expect(await read(`${JSON.stringify({ orders: [a, b] })}\n${JSON.stringify(c)}\n`)).toEqual([
      [1, 1, '#1001'],
      [1, 2, '#AJ1042'],
      [2, 3, '#1003'],
    ]);
  });

  it('reports a JSON line that is not JSON with its line, and reads the lines after it', async () => {
    const text = `${JSON.stringify(a)}\n{"name": "#1002", "line_items": [\n${JSON.stringify(c)}\n`;
    expect(await read(text)).toEqual([
      [1, 1, '#1001'],
      [2, 2, expect.stringMatching(/^not JSON: /)],
      [3, 3, '#1003'],
    ]);
  });

  it('reads a file saved with a byte-order mark, as bytes or as text', async () => {
    expect(await read(`\uFEFF${pretty([a])}`)).toEqual([[2, 1, '#1001']]);
    const text = await collect(readJsonRecords([`\uFEFF${JSON.stringify(a)}\n`]));
    expect(text.map((r) => r.line)).toEqual([1]);
    expect('value' in (text[0] ?? {})).toBe(true);
  });

  it('reads a file of nothing but blank lines as no orders', async () => {
    expect(await read('\n  \n')).toEqual([]);
  });
});

describe('readJsonRecords: a document it cannot read on', () => {
  it('stops at broken JSON inside an array, with its line, after handing over the orders before it', async () => {
    const text = `[\n${pretty(a)},\n{\n  "name": "#1002",\n  "email": "x@example.com" "currency": "USD"\n}\n]`;
    const seen: unknown[] = [];
    const reading = (async () => {
      for await (const r of readJsonRecords(chunked(text, 11)))
        seen.push('value' in r && (r.value as { name: string }).name);
    })();
    const brokenLine = 2 + linesOf(pretty(a)) + 2;
    await expect(reading).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(new RegExp(`^line ${brokenLine}: not JSON`)),
    });
    expect(seen).toEqual(['#1001']);
  });

  it('refuses a file cut short inside an order', async () => {
    await expect(read(`[\n${pretty(a)},\n${pretty(b).slice(0, 300)}`)).rejects.toMatchObject({
      message: expect.stringContaining('cut short'),
    });
  });

  it('refuses what is not JSON at all, naming the line it starts on', async () => {
    await expect(read('\n\nName,Email\n#1001,a@example.com\n')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^line 3: not JSON/),
    });
  });
});
