import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './parse-instant.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseInstant', () => {
  it('reads any contract instant exactly as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        fc.constantFrom('', '.5', '.123', '.999999', '.000'),
        (at, quarterHours, fraction) => {
          const offset = quarterHours * 15;
          const wall = new Date(at + offset * 60_000).toISOString().slice(0, 19);
          const zone =
            offset === 0 && quarterHours % 2 === 0
              ? 'Z'
              : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const iso = `${wall}${fraction}${zone}`;
          expect(parseInstant(iso)).toBe(Date.parse(iso));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves other shapes to Date.parse', () => {
    expect(parseInstant('2026-05-07')).toBe(Date.parse('2026-05-07'));
    expect(parseInstant('2026-05-07T00:19-07:00')).toBe(Date.parse('2026-05-07T00:19-07:00'));
    expect(Number.isNaN(parseInstant('not a date'))).toBe(true);
  });
});
