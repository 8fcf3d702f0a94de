import type { ShopCalendar } from '../calendar/shop-calendar.ts';
import type { Instant } from '../calendar/zoned-time.ts';
import type { Anchor, Window } from '../policy/policy.schema.ts';

/** Words for the event a window is counted from, for explanations. */
export const ANCHOR_EVENTS: Record<Anchor, string> = {
  placement: 'ordered',
  production_start: 'production started',
  shipment: 'shipped',
  delivery: 'delivered',
};

const HOUR = 3_600_000;

/**
 * The last moment of a window that opens at `start`. Hours are exact durations;
 * day-based lengths end at the last moment of the local day in the shop's time
 * zone, inclusive ("within 30 days of delivery" admits all of the 30th day).
 */
export function windowEnd(window: Window, start: Instant, calendar: ShopCalendar): Instant {
  if (window.hours !== undefined) return start + window.hours * HOUR;
  if (window.businessDays !== undefined) return calendar.endOfBusinessDayAfter(start, window.businessDays);
  if (window.days !== undefined) return calendar.endOfDayAfter(start, window.days);
  if (window.months !== undefined) return calendar.endOfMonthsAfter(start, window.months);
  return calendar.endOfMonthsAfter(start, (window.years ?? 0) * 12);
}

/** "72 hours", "30 days", "2 business days": the length as the shop would say it. */
export function describeLength(window: Window): string {
  const [n, unit] =
    window.hours !== undefined
      ? [window.hours, 'hour']
      : window.businessDays !== undefined
        ? [window.businessDays, 'business day']
        : window.days !== undefined
          ? [window.days, 'day']
          : window.months !== undefined
            ? [window.months, 'month']
            : [window.years ?? 0, 'year'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** How long ago the anchor was, in the unit the window counts in. */
export function describeElapsed(window: Window, start: Instant, now: Instant, calendar: ShopCalendar): string {
  if (window.hours !== undefined) {
    const minutes = Math.floor((now - start) / 60_000);
    const sign = minutes < 0 ? '-' : '';
    const abs = Math.abs(minutes);
    return `${sign}${Math.floor(abs / 60)} h ${abs % 60} min ago`;
  }
  if (window.businessDays !== undefined) return `${calendar.businessDaysBetween(start, now)} business days ago`;
  const days = calendar.daysBetween(start, now);
  return `${days} day${days === 1 ? '' : 's'} ago (in the shop's time zone)`;
}
