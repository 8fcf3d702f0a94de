// A formatter is costly to build and there are few (locale, currency) pairs: each is built once.
const formats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

/**
 * An amount in minor units ("cents") of `currency` as the shop's customers
 * read it: `US$25.00`, `£12.50`, `¥2,500`. Intl knows each currency's minor
 * unit, so yen are not divided by 100.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let known = formats.get(key);
  if (!known) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    known = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formats.set(key, known);
  }
  return known.format.format(minorUnits / 10 ** known.digits);
}
