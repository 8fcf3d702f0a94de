import { randomInt } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a number read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A return authorization number: `RA-` and 12 random characters (60 bits from
 * the system's secure source), so one cannot be guessed from another.
 */
export function newAuthorizationNumber(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `RA-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
