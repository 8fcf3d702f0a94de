/** The largest amount storage holds: a PostgreSQL `integer` of minor units (docs/decisions/006-storage.md). */
export const MAX_MINOR_UNITS = 2_147_483_647;

/** A plain decimal as Shopify writes amounts: "199.00", "0.5", "12"; no sign, exponent or thousands separator. */
const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

const digitsByCurrency = new Map<string, number>();

/**
 * How many digits a currency's minor unit has (ISO 4217, as the runtime's
 * Intl knows it): 2 for USD, 0 for JPY, 3 for KWD; 2 for a code it does not know.
 */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** An amount read exactly, or why it cannot be. */
export type MinorUnits = { ok: true; value: number } | { ok: false; message: string };

/**
 * A decimal amount of `currency` as an integer of its minor units, read from
 * its digits, never through a float: "199.00" USD is 19900, "1000" JPY is
 * 1000. Digits finer than the currency has must be zeros ("19.990" is fine,
 * "19.995" is not an amount of USD).
 */
export function toMinorUnits(amount: string | number, currency: string): MinorUnits {
  // A JSON number is printed back as its shortest decimal (19.99 -> "19.99"), which is what was written.
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not an amount (digits, optionally a point and decimals)` };
  const digits = minorUnitDigits(currency);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (/[^0]/.test(fraction.slice(digits))) {
    return { ok: false, message: `"${text}" has more decimals than ${currency} has (${digits})` };
  }
  const value = Number(whole + fraction.slice(0, digits).padEnd(digits, '0'));
  if (!Number.isSafeInteger(value) || value > MAX_MINOR_UNITS) {
    return { ok: false, message: `"${text}" is more than Loupe can store for one amount` };
  }
  return { ok: true, value };
}
