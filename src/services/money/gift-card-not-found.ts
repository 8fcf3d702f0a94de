import { DomainError } from '../../domain/errors.ts';
import { readGiftCardCode } from './gift-card-code.ts';

/** NOT_FOUND for a code that names no gift card; the answer never says whether a similar code exists. */
export function giftCardNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'no gift card with this code', [
    { code: 'not_found', path: ['code'], message: 'no such gift card' },
  ]);
}

/** The code in its stored form; INVALID_INPUT naming `code` when it cannot be a gift-card code at all. */
export function readGiftCardCodeOrThrow(typed: string): string {
  const code = readGiftCardCode(typed);
  if (code) return code;
  throw new DomainError('INVALID_INPUT', 'code: not a gift-card code (16 letters and digits, XXXX-XXXX-XXXX-XXXX)', [
    { code: 'invalid_code', path: ['code'], message: 'not a gift-card code' },
  ]);
}
