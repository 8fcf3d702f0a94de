import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { demoSeedCommand } from './demo-seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');

// An empty PostgreSQL database of this file's, or a PGlite folder of its own.
const empty = await testDatabase({ migrate: false });
const dataDir = mkdtempSync(path.join(tmpdir(), 'loupe-demo-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const target = empty.url ? { url: empty.url } : { dataDir };

async function seed(reference: string): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => {
    text += chunk;
  });
  expect(await demoSeedCommand({ ...target, reference }, out)).toBe(0);
  return text;
}

describe('loupe demo seed', { timeout: 120_000 }, () => {
  it('migrates, brings the five shops in and seeds the demo; a second run adds nothing', async () => {
    const first = await seed('2026-06-15T12:00:00Z');
    expect(first).toMatch(/^5 shops, (\d+) demo orders, (\d+) open cases \(added now: \1 orders, \2 cases\)$/m);
    const again = await seed('2026-06-15T12:00:00Z');
    expect(again).toMatch(/^5 shops, \d+ demo orders, \d+ open cases \(added now: 0 orders, 0 cases\)$/m);
  });

  it('refuses a reference that is not an instant, naming the option', async () => {
    await expect(demoSeedCommand({ ...target, reference: 'last tuesday' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('--reference'),
    });
  });
});

describe('loupe --help', { timeout: 60_000 }, () => {
  it('lists every command, sub-commands included', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', cwd: root });
    expect(run.status).toBe(0);
    for (const command of [
      'decide',
      'policy render',
      'policy lint',
      'policy test',
      'policy schema',
      'serve',
      'db migrate',
      'demo seed',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^  loupe ${command}\\b`, 'm'));
    }
  });
});
