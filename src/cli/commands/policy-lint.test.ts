import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');
const dir = mkdtempSync(path.join(tmpdir(), 'loupe-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loupe(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function policyFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const HEAD = `loupe: 1
id: sample
version: "1"
name: Sample
source: { file: page.txt }
profile:
  country: US
  timeZone: America/New_York
  currency: USD
  businessDays: [mon, tue, wed, thu, fri]
  holidays: { country: US }
fallback: { id: contact, quote: Write to us. }
`;
writeFileSync(path.join(dir, 'page.txt'), 'You have 30 days from delivery to return an item. Write to us.\n');

describe('loupe policy lint', () => {
  it('reports each finding as file:line:col level code [clause] message, then a count, exit 2 on an error', () => {
    const file = policyFile(
      'bad.yaml',
      `${HEAD}clauses:
  - id: thirty-days
    quote: You have 30 days from delivery to return an item.
    when: { request: [return], within: { days: 30 } }
    then: { outcome: approved }
`,
    );
    const run = loupe(['policy', 'lint', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      `${file}:16:40 error window_without_anchor [thirty-days] a window needs \`from\`: placement, production_start, shipment or delivery\n` +
        '1 error, 0 warnings in 1 file\n',
    );
    expect(run.stderr).toBe('');
  });

  it('reports schema errors with their line and column, never a stack trace', () => {
    const file = policyFile(
      'schema.yaml',
      `${HEAD}clauses:\n  - id: Bad Id\n    quote: x\n    then: { outcome: maybe }\n`,
    );
    const run = loupe(['policy', 'lint', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${file}:14:9 error invalid_format clauses[0].id:`);
    expect(run.stdout).toContain(`${file}:16:22 error invalid_value clauses[0].then.outcome:`);
    expect(run.stdout).toContain('2 errors, 0 warnings in 1 file');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 with warnings only', () => {
    const file = policyFile(
      'warned.yaml',
      `${HEAD}clauses:
  - { id: shop-pays, quote: Write to us., when: { request: [return] }, then: { returnShipping: shop } }
  - { id: customer-pays, quote: Write to us., when: { request: [return] }, then: { returnShipping: customer } }
`,
    );
    const run = loupe(['policy', 'lint', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${file}:15:82 warning conflicting_terms [customer-pays] shop-pays and customer-pays`);
    expect(run.stdout).toContain('0 errors, 1 warning in 1 file');
  });

  it('counts an unreadable file as an error and still lints the others', () => {
    const file = policyFile(
      'fine.yaml',
      `${HEAD}clauses:\n  - id: thirty-days\n    quote: You have 30 days from delivery to return an item.\n`,
    );
    expect(loupe(['policy', 'lint', file]).stdout).toBe('0 errors, 0 warnings in 1 file\n');
    const both = loupe(['policy', 'lint', file.replace('fine.yaml', 'nowhere.yaml'), file]);
    expect(both.status).toBe(2);
    expect(both.stdout).toContain('nowhere.yaml:1:1 error unreadable cannot read');
    expect(both.stdout).toContain('1 error, 0 warnings in 2 files');
  });

  it('warns when the source page is in neither place', () => {
    const file = policyFile('lost.yaml', `${HEAD.replace('page.txt', 'lost.txt')}clauses:\n  - id: a\n    quote: x\n`);
    const run = loupe(['policy', 'lint', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/lost\.yaml:5:17 warning source_not_found lost\.txt is not in .* quotes not checked/);
  });
});
