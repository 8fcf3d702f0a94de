import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneOf } from './zoned-time.ts';

const ZONES = [
  'Asia/Hong_Kong',
  'America/Los_Angeles',
  'Europe/London',
  'America/New_York',
  'Asia/Shanghai',
  'America/St_Johns',
  'Australia/Lord_Howe',
];
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

/** The cached zone arithmetic must agree with luxon's, which it exists to make faster. */
describe('zoned time', () => {
  it('formats any instant as luxon does, offset included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (name, at) => {
        expect(zoneOf(name).iso(at)).toBe(DateTime.fromMillis(at, { zone: name }).toISO());
      }),
      { numRuns: 2000 },
    );
  });

  it('ends a local day where luxon ends it, across clock changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 400 }), (name, at, days) => {
        const zone = zoneOf(name);
        const expected = DateTime.fromMillis(at, { zone: name }).startOf('day').plus({ days }).endOf('day');
        expect(zone.endOfDay(zone.day(at) + days)).toBe(expected.toMillis());
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => zoneOf('Mars/Olympus_Mons')).toThrow(/unknown time zone/);
  });
});
