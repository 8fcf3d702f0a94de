import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');

// PGlite in a folder of its own (another process cannot see a test's in-memory
// database), or an empty PostgreSQL database of this file's.
const empty = await testDatabase({ migrate: false });
const dataDir = mkdtempSync(path.join(tmpdir(), 'loupe-db-migrate-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const target = empty.url ? ['--url', empty.url] : ['--data-dir', dataDir];

function loupe(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// A new PGlite folder starts with PGlite's own initdb: seconds, more when test files run side by side.
describe('loupe db migrate', { timeout: 60_000 }, () => {
  it('applies the checked-in migrations to an empty database, then finds nothing to apply', () => {
    const first = loupe(['db', 'migrate', ...target]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/applied 0000_storage \(generated \d{4}-/);

    const second = loupe(['db', 'migrate', ...target]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('up to date: nothing to apply');
    expect(second.stdout).not.toContain('applied 0000');
  });

  it('never shows the password of a PostgreSQL URL, even when the server cannot be reached', () => {
    const run = loupe(['db', 'migrate', '--url', 'postgres://loupe:s3cret-pw@127.0.0.1:9/loupe']);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain('s3cret-pw');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
