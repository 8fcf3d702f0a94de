import Holidays from 'date-holidays';
import { addMonths, type DayNumber, dayNumberOf, type Instant, isoWeekday, type Zone, zoneOf } from './zoned-time.ts';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** What a business calendar needs to know of a shop. */
export type CalendarSettings = {
  timeZone: string;
  businessDays: Weekday[];
  holidays: { country: string; state?: string | undefined };
};

/** A shop's clock: its time zone, working days and public holidays. */
export type ShopCalendar = {
  zone: Zone;
  isBusinessDay(day: DayNumber): boolean;
  /** The last moment of the local day `days` calendar days after the instant's local day. */
  endOfDayAfter(at: Instant, days: number): Instant;
  /** The last moment of the local day `months` calendar months after the instant's local day. */
  endOfMonthsAfter(at: Instant, months: number): Instant;
  /** The last moment of the `n`th business day after the instant's local day. */
  endOfBusinessDayAfter(at: Instant, n: number): Instant;
  /** Business days from `from`'s local day (exclusive) to `to`'s (inclusive). */
  businessDaysBetween(from: Instant, to: Instant): number;
  /** Calendar days from `from`'s local day to `to`'s. */
  daysBetween(from: Instant, to: Instant): number;
};

// Public holidays per country and year, as local day numbers. Holidays are
// facts of the calendar, not state of a case: one computation per year.
const holidayCache = new Map<string, Set<DayNumber>>();

function holidaysOf(country: string, state: string | undefined, year: number): Set<DayNumber> {
  const key = `${country}/${state ?? ''}/${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const hd = state ? new Holidays(country, state) : new Holidays(country);
    days = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => {
          const [y, m, d] = h.date.slice(0, 10).split('-').map(Number);
          return dayNumberOf(y as number, m as number, d as number);
        }),
    );
    holidayCache.set(key, days);
  }
  return days;
}

const yearOf = (day: DayNumber) => new Date(day * 86_400_000).getUTCFullYear();

/** Builds the calendar of a shop from its profile. */
export function shopCalendar(settings: CalendarSettings): ShopCalendar {
  const zone = zoneOf(settings.timeZone);
  const working = new Set(settings.businessDays.map((d) => WEEKDAYS.indexOf(d) + 1));
  const { country, state } = settings.holidays;

  const isBusinessDay = (day: DayNumber): boolean =>
    working.has(isoWeekday(day)) && !holidaysOf(country, state, yearOf(day)).has(day);

  return {
    zone,
    isBusinessDay,
    endOfDayAfter: (at, days) => zone.endOfDay(zone.day(at) + days),
    endOfMonthsAfter: (at, months) => zone.endOfDay(addMonths(zone.day(at), months)),
    endOfBusinessDayAfter(at, n) {
      let day = zone.day(at);
      // Ten years of days bound the search even for a calendar with no working days left.
      for (let counted = 0, guard = 0; counted < n && guard < 3660; guard++) {
        day++;
        if (isBusinessDay(day)) counted++;
      }
      return zone.endOfDay(day);
    },
    businessDaysBetween(from, to) {
      let counted = 0;
      for (let day = zone.day(from) + 1, last = zone.day(to); day <= last; day++) if (isBusinessDay(day)) counted++;
      return counted;
    },
    daysBetween: (from, to) => zone.day(to) - zone.day(from),
  };
}
