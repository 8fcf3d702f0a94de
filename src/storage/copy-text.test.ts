import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { copyTextField, copyTextRows } from './copy-text.ts';

// COPY … FROM STDIN on PostgreSQL (LOUPE_TEST_DATABASE_URL), COPY … FROM '/dev/blob' on PGlite: the same text format.
const database = await testDatabase({ migrate: false });
const TABLE = 'create temporary table copied (n integer, a text, b text)';

type Copy = (text: string) => Promise<void>;
type Read = () => Promise<{ n: number; a: string | null; b: string | null }[]>;

async function connect(): Promise<{ copy: Copy; read: Read }> {
  if (database.url) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    afterAll(() => client.end());
    await client.query(TABLE);
    return {
      copy: async (text) => {
        await client.query('truncate copied');
        await pipeline([text], client.query(copyFrom('copy copied (n, a, b) from stdin')));
      },
      read: async () => (await client.query('select n, a, b from copied order by n')).rows,
    };
  }
  const pglite = (database.db as unknown as { $client: PGlite }).$client;
  await pglite.query(TABLE);
  return {
    copy: async (text) => {
      await pglite.query('truncate copied');
      await pglite.query(`copy copied (n, a, b) from '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    read: async () =>
      (await pglite.query<{ n: number; a: string | null; b: string | null }>('select n, a, b from copied order by n'))
        .rows,
  };
}
const { copy, read } = await connect();

/** Text weighted towards what COPY's text format must escape, and what looks like its markers (`\N`, `\.`). */
const awkwardText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\\',
        '\t',
        '\n',
        '\r',
        '\r\n',
        '\\N',
        '\\.',
        '\\.\n',
        'N',
        '.',
        '\b',
        '\f',
        '\v',
        '\u2028',
        'é',
        '😀',
        '中',
      ),
      fc.string({ unit: 'binary' }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join('').replaceAll('\u0000', ''));

describe('COPY text format', () => {
  it('reads back every string as it was written, unicode, tabs, line breaks, backslashes and NULLs alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.option(awkwardText, { nil: null }), fc.option(awkwardText, { nil: null })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (pairs) => {
          await copy(copyTextRows(pairs.map(([a, b], n) => [n, a, b])));
          expect(await read()).toEqual(pairs.map(([a, b], n) => ({ n, a, b })));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('tells a NULL from the text "\\N" and from an empty string', async () => {
    await copy(
      copyTextRows([
        [1, null, '\\N'],
        [2, '', 'N'],
      ]),
    );
    expect(await read()).toEqual([
      { n: 1, a: null, b: '\\N' },
      { n: 2, a: '', b: 'N' },
    ]);
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold', () => {
    expect(() => copyTextField('a\u0000b')).toThrow(RangeError);
  });

  it('writes dates as ISO instants and JSON as its text', () => {
    expect(copyTextField(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
    expect(copyTextField({ name: 'UPS', note: 'a\tb' })).toBe('{"name":"UPS","note":"a\\\\tb"}');
    expect(copyTextField(true)).toBe('true');
  });
});
