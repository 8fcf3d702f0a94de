import { randomBytes } from 'node:crypto';

/** Crockford's base32: digits and letters without I, L, O and U, so a code read aloud or retyped survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 random bits, so guessing one live code among millions takes ~10^17 tries. */
const CODE_LENGTH = 16;
const GROUP = 4;

/** A fresh gift-card code, `XXXX-XXXX-XXXX-XXXX`, from 10 bytes of `crypto.randomBytes`. */
export function newGiftCardCode(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random((CODE_LENGTH * 5) / 8);
  let bits = 0;
  let value = 0;
  let chars = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars += ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return grouped(chars);
}

/**
 * A code as typed by a person, in its stored form, or undefined when it
 * cannot be one: case, spaces and hyphens do not matter, and O, I and L are
 * read as 0, 1 and 1 (Crockford's decoding).
 */
export function readGiftCardCode(typed: string): string | undefined {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== CODE_LENGTH || [...chars].some((c) => !ALPHABET.includes(c))) return undefined;
  return grouped(chars);
}

/** The code with all but its last group hidden, for the audit log: `****-****-****-7K2Q`. */
export function maskGiftCardCode(code: string): string {
  return code.replace(/[^-](?=.*-)/g, '*');
}

function grouped(chars: string): string {
  return chars.match(new RegExp(`.{${GROUP}}`, 'g'))?.join('-') ?? chars;
}
