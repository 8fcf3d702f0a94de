/** How many minor units a currency has after the point: 2 for USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Cents as the amount a person types: 12900 USD -> "129.00". */
export function centsToInput(cents: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (cents / 10 ** digits).toFixed(digits);
}

/** What a person typed ("129", "129.5", "129,50") as cents of the currency; undefined when it is not an amount. */
export function inputToCents(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const normal = text.trim().replace(',', '.');
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(normal)) return undefined;
  const [whole = '0', fraction = ''] = normal.split('.');
  const cents = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return cents > 0 ? cents : undefined;
}

/** A local date "YYYY-MM-DD" as the end of that day in the shop's time zone, an ISO instant with its offset. */
export function endOfLocalDay(date: string, timeZone: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name =
    new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${date}T23:59:59${offset}`;
}

/** An instant as the shop's local date "YYYY-MM-DD", for a date field. */
export function localDateOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}
