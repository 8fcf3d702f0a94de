import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBenchmarksSection } from '../report.ts';
import { type ImportRun, importSection } from './import-section.ts';
import { importSizes } from './run.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'loupe-import-section-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (orders: number, importSeconds: number, copySeconds: number, rssMb?: number): ImportRun => ({
  orders,
  lines: orders * 2,
  parcels: orders,
  customers: orders / 3,
  megabytes: orders / 600,
  importSeconds,
  copySeconds,
  maxRssBytes: rssMb === undefined ? undefined : rssMb * 2 ** 20,
});

describe('importSection', () => {
  it('ends with the largest size’s `import vs copy: N%` and names the memory at each size', () => {
    const { body, figures, summary } = importSection({
      machine: 'node v20, 2 CPUs',
      load: ['1.0', '1.0', '1.0'],
      origin: 'a throwaway server',
      runs: [run(100_000, 50, 5, 210), run(10_000, 4, 1, 180)],
    });
    // 100,000 orders: 2,000/s against 20,000/s is 10%; the 10,000 row (25%) is not the summary.
    expect(summary).toBe('import vs copy: 10%');
    expect(body.trimEnd().endsWith('```\nimport vs copy: 10%\n```')).toBe(true);
    expect(figures).toContain('| 10,000 | 20,000 | 10,000 | 17 MB | 2,500 | 10,000 | 25.0% | 4.0 | 1.0 | 180 MB |');
    expect(figures).toContain(
      '| 100,000 | 200,000 | 100,000 | 167 MB | 2,000 | 20,000 | 10.0% | 50.0 | 5.0 | 210 MB |',
    );
    expect(figures).toContain('at 100,000 orders: not met (10.0%)');
    expect(figures).toContain(
      'Peak resident memory of the importing process: 10,000 orders: 180 MB; 100,000 orders: 210 MB.',
    );
  });

  it('says met at 25% or more, and "-" for memory it could not read', () => {
    const { figures, summary } = importSection({ machine: 'm', load: [], origin: 'o', runs: [run(1000, 1, 0.25)] });
    expect(summary).toBe('import vs copy: 25%');
    expect(figures).toContain('at 1,000 orders: met (25.0%)');
    expect(figures).toContain('1,000 orders: -.');
  });

  it('is written between its own markers, leaving the engine’s and the desk’s sections alone', () => {
    const file = path.join(dir, 'BENCHMARKS.md');
    writeFileSync(file, '# Benchmarks\n');
    writeBenchmarksSection(file, 'engine');
    writeBenchmarksSection(file, 'desk', 'bench:desk');
    writeBenchmarksSection(file, 'import 1', 'bench:import');
    writeBenchmarksSection(file, 'import 2', 'bench:import');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('import 1');
    expect(text.match(/<!-- bench:import:start /g)).toHaveLength(1);
    expect(text.indexOf('import 2')).toBeGreaterThan(text.indexOf('<!-- bench:desk:end -->'));
    expect(text.indexOf('import 2')).toBeLessThan(text.indexOf('<!-- bench:import:end -->'));
  });
});

describe('importSection with capped-heap runs', () => {
  it('names the memory and time of the same imports with the heap capped', () => {
    const capped = (r: ImportRun, rssMb: number, seconds: number): ImportRun => ({
      ...r,
      capped: { heapMb: 128, seconds, maxRssBytes: rssMb * 2 ** 20 },
    });
    const { figures } = importSection({
      machine: 'm',
      load: [],
      origin: 'o',
      runs: [capped(run(10_000, 4, 1, 260), 200, 4.1), capped(run(100_000, 20, 2, 330), 205, 20.4)],
    });
    expect(figures).toContain(
      "with V8's old generation capped at 128 MB (`node --max-old-space-size`): 10,000 orders: 200 MB in 4.1 s; " +
        '100,000 orders: 205 MB in 20.4 s.',
    );
  });
});

describe('importSizes', () => {
  it('reads BENCH_IMPORT_ORDERS as a list of counts, 10,000 and 100,000 by default', () => {
    expect(importSizes(undefined)).toEqual([10_000, 100_000]);
    expect(importSizes('2000, 20_000')).toEqual([2000, 20_000]);
    expect(() => importSizes('none')).toThrow(/BENCH_IMPORT_ORDERS/);
  });
});
