import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/loupe.js');
const scenarios = JSON.parse(readFileSync(path.join(root, '../shared/scenarios/aulso.json'), 'utf8'));
const changeOfMind = scenarios.scenarios[0].case;

function loupe(args: string[], input: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('loupe decide', () => {
  it('answers each line of JSON Lines with one decision per line, in order', () => {
    const late = { ...changeOfMind, now: '2026-05-07T00:21:00-07:00' };
    const run = loupe(['decide'], `${JSON.stringify(changeOfMind)}\n${JSON.stringify(late)}\n`);
    expect(run.status).toBe(0);
    const outcomes = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).outcome);
    expect(outcomes).toEqual(['approved', 'denied']);
  });

  it('explains a decision in words with the shop’s own sentence', () => {
    const run = loupe(['decide', '--explain'], JSON.stringify(changeOfMind));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('APPROVED');
    expect(run.stdout).toContain('within 72 hours of receiving them');
  });

  it('refuses a malformed case with exit 2, naming the field, without a stack trace', () => {
    const { placedAt: _, ...order } = changeOfMind.order;
    const run = loupe(['decide'], JSON.stringify({ ...changeOfMind, order }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('order.placedAt');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown shop with exit 2, naming the field', () => {
    const run = loupe(['decide'], JSON.stringify({ ...changeOfMind, shop: 'nowhere' }));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/shop.*nowhere/);
  });

  it('refuses a request for a line the order does not have with exit 2', () => {
    const run = loupe(
      ['decide'],
      JSON.stringify({ ...changeOfMind, request: { ...changeOfMind.request, lines: ['L9'] } }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('L9');
    expect(JSON.parse(run.stdout).error.path).toBe('request.lines[0]');
  });

  it('keeps answering the good cases around a line that is not JSON', () => {
    const run = loupe(['decide'], `${JSON.stringify(changeOfMind)}\n{not json\n${JSON.stringify(changeOfMind)}\n`);
    expect(run.status).toBe(2);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.outcome ?? l.error.code)).toEqual(['approved', 'INVALID_INPUT', 'approved']);
    expect(run.stderr).toContain('line 2');
  });
});
