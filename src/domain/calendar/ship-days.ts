import type { Profile } from '../policy/policy.schema.ts';
import { type ShopCalendar, shopCalendar, type Weekday } from './shop-calendar.ts';
import type { DayNumber } from './zoned-time.ts';

/** Where a parcel goes, as the policy's time statements and ship days distinguish it. */
export type Destination = 'domestic' | 'international';

/** What ship days need of a profile: its clock, working days, holidays and carrier days. */
export type ShipDayProfile = Pick<Profile, 'timeZone' | 'businessDays' | 'holidays' | 'shipDays'>;

// Ten years of days bound every search, even for a profile whose ship days never come.
const SEARCH_LIMIT = 3660;

/**
 * The weekdays a parcel for this destination leaves the shop. Without ship
 * days in the profile, the shop ships on its business days; international
 * parcels leave on pick-up days where the profile names them ("international
 * pick-ups are on Monday & Thursday"), else on the domestic ship days.
 */
export function shipWeekdays(profile: ShipDayProfile, destination: Destination): Weekday[] {
  const days = profile.shipDays;
  if (!days) return profile.businessDays;
  return destination === 'international' ? (days.internationalPickups ?? days.domestic) : days.domestic;
}

/**
 * A calendar whose working days are the days parcels leave for a destination:
 * the ship weekdays, less the shop country's public holidays ("we ship
 * Monday-Friday with the exception of US holidays").
 */
export function shipCalendar(profile: ShipDayProfile, destination: Destination): ShopCalendar {
  return shopCalendar({
    timeZone: profile.timeZone,
    businessDays: shipWeekdays(profile, destination),
    holidays: profile.holidays,
  });
}

/** Whether a parcel for the destination can leave on this local day. */
export function isShipDay(profile: ShipDayProfile, day: DayNumber, destination: Destination): boolean {
  return shipCalendar(profile, destination).isBusinessDay(day);
}

/** The first ship day on or after the local day; the day itself when the shop ships that day. */
export function nextShipDay(profile: ShipDayProfile, day: DayNumber, destination: Destination): DayNumber {
  return firstWorkingDayFrom(shipCalendar(profile, destination), day);
}

/** The first working day of the calendar on or after the day. */
export function firstWorkingDayFrom(calendar: ShopCalendar, day: DayNumber): DayNumber {
  let d = day;
  for (let guard = 0; guard < SEARCH_LIMIT && !calendar.isBusinessDay(d); guard++) d++;
  return d;
}

/** The local day `n` working days after the day (the day itself for 0). */
export function addWorkingDays(calendar: ShopCalendar, day: DayNumber, n: number): DayNumber {
  let d = day;
  for (let counted = 0, guard = 0; counted < n && guard < SEARCH_LIMIT; guard++) {
    d++;
    if (calendar.isBusinessDay(d)) counted++;
  }
  return d;
}
