/**
 * An amount in minor units ("cents") of `currency` as the shop's customers
 * read it: `US$25.00`, `£12.50`, `¥2,500`. Intl knows each currency's minor
 * unit, so yen are not divided by 100.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
