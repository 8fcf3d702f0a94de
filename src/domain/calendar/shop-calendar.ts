import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

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
  zone: string;
  /** The instant in the shop's time zone. */
  local(instant: DateTime): DateTime;
  isBusinessDay(day: DateTime): boolean;
  /** The last moment of the local day `days` calendar days after the instant's local day. */
  endOfDayAfter(instant: DateTime, days: number): DateTime;
  /** The last moment of the `n`th business day after the instant's local day. */
  endOfBusinessDayAfter(instant: DateTime, n: number): DateTime;
  /** Business days from `from` (exclusive) up to `to` (inclusive), by local dates. */
  businessDaysBetween(from: DateTime, to: DateTime): number;
};

// Public holidays per country and year. Holidays are facts of the calendar, not
// state of a case: computing a year once keeps deciding cheap and deterministic.
const holidayCache = new Map<string, Set<string>>();

function holidaysOf(country: string, state: string | undefined, year: number): Set<string> {
  const key = `${country}/${state ?? ''}/${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const hd = state ? new Holidays(country, state) : new Holidays(country);
    days = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(key, days);
  }
  return days;
}

/** Builds the calendar of a shop from its profile. */
export function shopCalendar(settings: CalendarSettings): ShopCalendar {
  const zone = settings.timeZone;
  if (!DateTime.now().setZone(zone).isValid) throw new Error(`unknown time zone ${zone}`);
  const working = new Set(settings.businessDays);
  const { country, state } = settings.holidays;

  const isBusinessDay = (day: DateTime): boolean => {
    const local = day.setZone(zone);
    if (!working.has(WEEKDAYS[local.weekday - 1] as Weekday)) return false;
    return !holidaysOf(country, state, local.year).has(local.toISODate() as string);
  };

  const local = (instant: DateTime) => instant.setZone(zone);

  return {
    zone,
    local,
    isBusinessDay,
    endOfDayAfter(instant, days) {
      return local(instant).startOf('day').plus({ days }).endOf('day');
    },
    endOfBusinessDayAfter(instant, n) {
      let day = local(instant).startOf('day');
      let counted = 0;
      // A year of holidays cannot hold more than a few hundred non-working days.
      for (let guard = 0; counted < n && guard < 3660; guard++) {
        day = day.plus({ days: 1 });
        if (isBusinessDay(day)) counted++;
      }
      return day.endOf('day');
    },
    businessDaysBetween(from, to) {
      let day = local(from).startOf('day');
      const last = local(to).startOf('day');
      let counted = 0;
      while (day < last) {
        day = day.plus({ days: 1 });
        if (isBusinessDay(day)) counted++;
      }
      return counted;
    },
  };
}
