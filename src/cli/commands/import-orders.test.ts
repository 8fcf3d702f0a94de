import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import {
  amijoseOrder,
  exportFile,
  SAMPLE_ORDER_FILE,
  sampleOrder,
  THEOR_EXPORT,
} from '../../integrations/shopify/test-fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');

// PGlite in a folder of its own (another process cannot see a test's in-memory
// database), or an empty PostgreSQL database of this file's.
const empty = await testDatabase({ migrate: false });
const dir = mkdtempSync(path.join(tmpdir(), 'loupe-import-orders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const target = empty.url ? ['--url', empty.url] : ['--data-dir', path.join(dir, 'data')];

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

function loupe(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LOUPE_DATA_DIR;
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// A new PGlite folder starts with PGlite's own initdb: seconds, more when test files run side by side.
describe('loupe import orders', { timeout: 180_000 }, () => {
  it('imports an export with a bad row: the others load, the row is listed with its line, exit 1; again updates', () => {
    const csv = file('theor-orders.csv', exportFile(THEOR_EXPORT));
    const first = loupe(['import', 'orders', csv, '--shop', 'theor', ...target]);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.status, first.stderr).toBe(1);
    expect(first.stdout).toContain(
      `Shopify orders from ${csv} into theor: 3 orders read, 2 created, 0 updated, 1 failed`,
    );
    expect(first.stdout).toContain('  line 5 (order 1002): Lineitem price: an amount such as 199.00');
    expect(first.stdout).toContain('  line 6 (order 1003): USD 104.00');

    const again = loupe(['import', 'orders', csv, '--shop', 'theor', '--format', 'csv', ...target]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('3 orders read, 0 created, 2 updated, 1 failed');
  });

  it('imports Shopify’s sample order file and a JSON Lines file with exit 0, adding the shipped parcel', () => {
    const sample = loupe(['import', 'orders', SAMPLE_ORDER_FILE, '--shop', 'aulso', ...target]);
    expect(sample.status, sample.stderr).toBe(0);
    expect(sample.stdout).toContain('1 order read, 1 created, 0 updated, 0 failed');
    const lines = file(
      'amijose.jsonl',
      `${JSON.stringify(amijoseOrder())}\n${JSON.stringify(sampleOrder({ name: '#AJ1050' }))}\n`,
    );
    const jsonl = loupe(['import', 'orders', lines, '--shop', 'amijose', ...target]);
    expect(jsonl.status, jsonl.stderr).toBe(0);
    expect(jsonl.stdout).toContain('2 orders read, 2 created, 0 updated, 0 failed');
    expect(jsonl.stdout).toContain("parcels added from Shopify's fulfillments: 1");
    expect(jsonl.stdout).toContain('  line 1 (order AJ1042): GBP 38.00 in 1 refund');
  });

  it('exits 2 when the file stops being readable, after reporting the orders before it', () => {
    const broken = file(
      'broken.json',
      `[\n${JSON.stringify(sampleOrder({ name: '#1401' }))},\n{"name": "#1402",, }\n]\n`,
    );
    const run = loupe(['import', 'orders', broken, '--shop', 'aulso', ...target]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('1 order read, 1 created');
    expect(run.stderr).toContain('line 3: not JSON');
  });

  it('exits 2 for an unknown shop, a file it cannot read, or a format it does not know', () => {
    const unknown = loupe(['import', 'orders', SAMPLE_ORDER_FILE, '--shop', 'nope', ...target]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no shop "nope"');
    const missing = loupe(['import', 'orders', path.join(dir, 'missing.csv'), '--shop', 'theor', ...target]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.csv: ENOENT/);
    const format = loupe(['import', 'orders', SAMPLE_ORDER_FILE, '--shop', 'theor', '--format', 'xml', ...target]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format: "xml" is not one of json, jsonl, csv');
  });

  it('is listed by loupe --help, and its own help says what the exit statuses mean', () => {
    const help = loupe(['--help']);
    expect(help.stdout).toMatch(/^ {2}loupe import orders <file> --shop <id> /m);
    const own = loupe(['import', 'orders', '--help']);
    expect(own.stdout).toContain('Exit status: 0 when every order was imported; 1 when some failed');
  });
});
