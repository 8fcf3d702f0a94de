/** The reader's locale: money and dates read the way they are used to. */
export const readerLocale = (): string => (typeof navigator === 'undefined' ? 'en' : navigator.language || 'en');

/** Integer minor units in the shop's currency, e.g. 12900 USD -> "$129.00". */
export function formatMoney(cents: number, currency: string, locale = readerLocale()): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** A calendar date "YYYY-MM-DD" (already in the shop's zone) as "31 March 2026" in the reader's way. */
export function formatLocalDate(date: string, locale = readerLocale()): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** An instant as the shop's wall clock, e.g. "31 March 2026, 17:00". */
export function formatInstant(iso: string, timeZone: string, locale = readerLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** An instant as the shop's calendar date only. */
export function formatInstantDate(iso: string, timeZone: string, locale = readerLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** A range of local dates: "3 – 7 April 2026", or one date when both ends agree. */
export function formatDateRange(range: { from: string; to: string }, locale = readerLocale()): string {
  if (range.from === range.to) return formatLocalDate(range.from, locale);
  const toDate = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  };
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(
    toDate(range.from),
    toDate(range.to),
  );
}

/** A state or code like "awaiting_return" as words: "awaiting return". */
export const words = (code: string): string => code.replaceAll('_', ' ');
