// A formatter is costly to build (tens of microseconds) and there are few
// (locale, zone) pairs: each is built once.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a date and time on the shop's clock, with the zone's name:
 * `Thursday, 7 May 2026 at 11:59 pm HKT` in Hong Kong, `Thursday, May 7, 2026
 * at 8:59 AM PDT` in Los Angeles. Deadlines end in the shop's time zone, so
 * that is the clock they are shown on.
 */
export function formatInstant(at: Date, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    formats.set(key, format);
  }
  return format.format(at);
}
