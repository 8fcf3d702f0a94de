/** A UPU S10 item identifier (`RR123456785GB`): service indicator, serial, check digit, the issuing post's country. */
export type S10Identifier = { service: string; serial: string; checkDigit: number; country: string };

// UPU S10 §: the eight serial digits are weighted 8 6 4 2 3 5 9 7, summed, taken modulo 11.
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const FORMAT = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** The check digit S10 gives eight serial digits: 11 − (weighted sum mod 11), where 10 becomes 0 and 11 becomes 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error(`an S10 serial is eight digits, not "${serial}"`);
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(serial[i]) * (WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * Reads an S10 identifier from a normalised code (upper case, no spaces), or
 * undefined when the code does not have the format or its check digit is wrong.
 * Whether the country has a post is the caller's question.
 */
export function parseS10(code: string): S10Identifier | undefined {
  const match = FORMAT.exec(code);
  if (!match) return undefined;
  const [, service = '', serial = '', check = '', country = ''] = match;
  const checkDigit = Number(check);
  return s10CheckDigit(serial) === checkDigit ? { service, serial, checkDigit, country } : undefined;
}
