import { describe, expect, it } from 'vitest';
import { shopCalendar } from './shop-calendar.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const hongKong = shopCalendar({ timeZone: 'Asia/Hong_Kong', businessDays: [...weekdays], holidays: { country: 'HK' } });
const newYork = shopCalendar({
  timeZone: 'America/New_York',
  businessDays: [...weekdays],
  holidays: { country: 'US' },
});
const london = shopCalendar({
  timeZone: 'Europe/London',
  businessDays: [...weekdays],
  holidays: { country: 'GB', state: 'ENG' },
});

const at = (iso: string) => Date.parse(iso);

describe('a shop calendar', () => {
  it('counts day windows in the shop’s own time zone, to the end of the last local day', () => {
    // 20:30 in California on 1 June is already 2 June in Hong Kong.
    const end = hongKong.endOfDayAfter(at('2026-06-01T20:30:00-07:00'), 30);
    expect(hongKong.zone.iso(end)).toBe('2026-07-02T23:59:59.999+08:00');
  });

  it('skips the 1 July HKSAR Establishment Day holiday when counting business days', () => {
    expect(hongKong.isBusinessDay(hongKong.zone.day(at('2026-07-01T12:00:00+08:00')))).toBe(false);
    expect(hongKong.zone.iso(hongKong.endOfBusinessDayAfter(at('2026-06-30T10:00:00+08:00'), 2))).toBe(
      '2026-07-03T23:59:59.999+08:00',
    );
  });

  it('skips US Thanksgiving and the weekend', () => {
    // Wednesday 25 November 2026: Thursday is Thanksgiving, then Friday, then Monday.
    expect(newYork.zone.iso(newYork.endOfBusinessDayAfter(at('2026-11-25T10:00:00-05:00'), 2))).toBe(
      '2026-11-30T23:59:59.999-05:00',
    );
  });

  it('skips the English summer bank holiday', () => {
    expect(london.isBusinessDay(london.zone.day(at('2026-08-31T10:00:00+01:00')))).toBe(false);
    expect(london.isBusinessDay(london.zone.day(at('2026-09-01T10:00:00+01:00')))).toBe(true);
  });

  it('keeps the local end of day across a clock change', () => {
    // Clocks go forward in London on 29 March 2026.
    expect(london.zone.iso(london.endOfDayAfter(at('2026-03-28T12:00:00Z'), 1))).toBe('2026-03-29T23:59:59.999+01:00');
  });

  it('counts business days between two instants by local dates', () => {
    expect(hongKong.businessDaysBetween(at('2026-06-29T09:00:00+08:00'), at('2026-07-03T09:00:00+08:00'))).toBe(3);
  });

  it('adds months the way people count them: 31 January plus one month is 28 February', () => {
    expect(hongKong.zone.iso(hongKong.endOfMonthsAfter(at('2026-01-31T10:00:00+08:00'), 1))).toBe(
      '2026-02-28T23:59:59.999+08:00',
    );
    expect(hongKong.zone.iso(hongKong.endOfMonthsAfter(at('2025-03-10T10:00:00+08:00'), 12))).toBe(
      '2026-03-10T23:59:59.999+08:00',
    );
  });
});
