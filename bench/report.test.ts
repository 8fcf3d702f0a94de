import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { percentile } from './desk/latency.ts';
import { writeBenchmarksSection } from './report.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'loupe-report-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeBenchmarksSection', () => {
  it('rewrites the engine and the desk sections each between its own markers, keeping the rest', () => {
    const file = path.join(dir, 'BENCHMARKS.md');
    writeFileSync(file, '# Benchmarks\n\nhand-written intro\n');
    writeBenchmarksSection(file, 'engine 1');
    writeBenchmarksSection(file, 'desk 1', 'bench:desk');
    writeBenchmarksSection(file, 'engine 2');
    writeBenchmarksSection(file, 'desk 2', 'bench:desk');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('hand-written intro');
    expect(text).not.toMatch(/engine 1|desk 1/);
    expect(text.match(/<!-- bench:start /g)).toHaveLength(1);
    expect(text.match(/<!-- bench:desk:start /g)).toHaveLength(1);
    expect(text.indexOf('engine 2')).toBeLessThan(text.indexOf('<!-- bench:end -->'));
    expect(text.indexOf('desk 2')).toBeGreaterThan(text.indexOf('<!-- bench:desk:start '));
    expect(text.indexOf('desk 2')).toBeLessThan(text.indexOf('<!-- bench:desk:end -->'));
  });
});

describe('percentile', () => {
  it('takes the nearest rank, so p99 of 1..100 is 99 and p50 is 50', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
