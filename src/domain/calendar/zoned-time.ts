import { IANAZone } from 'luxon';

/** An instant as milliseconds since the epoch: what the engine computes with. */
export type Instant = number;
/** A local calendar date as days since 1970-01-01: day arithmetic without objects. */
export type DayNumber = number;

const MINUTE = 60_000;
const DAY = 86_400_000;
// Offsets only change on quarter hours (transitions fall at :00 or :30 UTC).
const BUCKET = 15 * MINUTE;

/**
 * A time zone with cached offsets. Luxon answers the offset of any instant;
 * asking it once per quarter hour instead of once per date operation is what
 * keeps a decision in microseconds (see docs/decisions/004-engine-speed.md).
 */
export type Zone = {
  name: string;
  /** Minutes east of UTC at the instant. */
  offset(at: Instant): number;
  /** The local date of the instant. */
  day(at: Instant): DayNumber;
  /** The last millisecond of a local date. */
  endOfDay(day: DayNumber): Instant;
  /** ISO 8601 with the zone's offset, e.g. 2026-07-02T23:59:59.999+08:00. */
  iso(at: Instant): string;
  /** "2026-07-02 23:59" in local time, for explanations. */
  short(at: Instant): string;
};

const zones = new Map<string, Zone>();

/** The zone of an IANA name; throws for an unknown name (policies are validated before). */
export function zoneOf(name: string): Zone {
  const hit = zones.get(name);
  if (hit) return hit;
  const iana = IANAZone.create(name);
  if (!iana.isValid) throw new Error(`unknown time zone ${name}`);
  const offsets = new Map<number, number>();
  const offset = (at: Instant): number => {
    const bucket = Math.floor(at / BUCKET);
    let minutes = offsets.get(bucket);
    if (minutes === undefined) {
      minutes = iana.offset(bucket * BUCKET);
      offsets.set(bucket, minutes);
    }
    return minutes;
  };
  const local = (at: Instant) => at + offset(at) * MINUTE;
  const fields = (at: Instant) => {
    const d = new Date(local(at));
    return d.toISOString().slice(0, 23);
  };
  const zone: Zone = {
    name,
    offset,
    day: (at) => Math.floor(local(at) / DAY),
    endOfDay(day) {
      const wall = (day + 1) * DAY - 1;
      // The wall time's instant: subtract the offset in force then, re-checked once for clock changes.
      const guess = wall - offset(wall) * MINUTE;
      return wall - offset(guess) * MINUTE;
    },
    iso: (at) => `${fields(at)}${formatOffset(offset(at))}`,
    short: (at) => fields(at).slice(0, 16).replace('T', ' '),
  };
  zones.set(name, zone);
  return zone;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Days since the epoch of a civil date; months past 12 and days past the month's end roll over. */
export const dayNumberOf = (year: number, month: number, day: number): DayNumber =>
  Math.floor(Date.UTC(year, month - 1, day) / DAY);

/** Year, month (1-12) and day of a day number. */
export function civilDate(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dom } = civilDate(day);
  const lastOfTarget = civilDate(dayNumberOf(year, month + months + 1, 0)).day;
  return dayNumberOf(year, month + months, Math.min(dom, lastOfTarget));
}

/** 1 = Monday … 7 = Sunday, as ISO weeks count. */
export const isoWeekday = (day: DayNumber): number => ((((day + 3) % 7) + 7) % 7) + 1;
