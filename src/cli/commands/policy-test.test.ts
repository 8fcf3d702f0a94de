import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');
const dir = mkdtempSync(path.join(tmpdir(), 'loupe-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loupe(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const CASE = `
      now: "2026-05-10T10:00:00-04:00"
      order:
        number: S-1
        placedAt: "2026-04-27T09:00:00-04:00"
        currency: USD
        destinationCountry: US
        deliveredAt: "2026-05-04T12:00:00-04:00"
        lines: [{ id: L1, category: ring, unitPrice: 5900, quantity: 1 }]
      request: { type: return, lines: [L1], reason: changed_mind }`;

function policyFile(name: string, examples: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `loupe: 1
id: sample
version: "1"
name: Sample
profile:
  country: US
  timeZone: America/New_York
  currency: USD
  businessDays: [mon, tue, wed, thu, fri]
  holidays: { country: US }
clauses:
  - id: thirty-days
    quote: You have 30 days from delivery to return an item.
    when: { request: [return], within: { from: delivery, days: 30 } }
    then: { outcome: approved, resolutions: [refund] }
fallback: { id: contact, quote: Write to us. }
examples:
${examples}`,
  );
  return file;
}

describe('loupe policy test', () => {
  it('marks each passing example with ✓ and exits 0', () => {
    const file = policyFile(
      'pass.yaml',
      `  - name: a return on day 6\n    case:${CASE}\n    expect: { outcome: approved }\n`,
    );
    const run = loupe(['policy', 'test', file]);
    expect(run.stdout).toBe(`${file}\n  ✓ a return on day 6\n1 passed, 0 failed\n`);
    expect(run.status).toBe(0);
  });

  it('marks a failing example with ✗ and what differed, and exits 1', () => {
    const file = policyFile('fail.yaml', `  - name: a refusal\n    case:${CASE}\n    expect: { outcome: denied }\n`);
    const run = loupe(['policy', 'test', file]);
    expect(run.stdout).toBe(
      `${file}\n  ✗ a refusal\n      outcome: expected "denied", got "approved"\n0 passed, 1 failed\n`,
    );
    expect(run.status).toBe(1);
  });

  it('exits 2 for an invalid example, naming the field with its line and column', () => {
    const file = policyFile('typo.yaml', `  - name: a typo\n    case:${CASE}\n    expect: { outcme: denied }\n`);
    const run = loupe(['policy', 'test', file]);
    expect(run.stdout).toContain('  ✗ a typo (the example is invalid)');
    expect(run.stdout).toContain(`${file}:29:13: examples[0].expect: Unrecognized key: "outcme"`);
    expect(run.status).toBe(2);
  });

  it('exits 2 for an unreadable or invalid policy, without a stack trace', () => {
    const run = loupe(['policy', 'test', path.join(dir, 'nowhere.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
