import { DomainError } from '../../domain/errors.ts';

/** The largest amount the database's `integer` columns hold: 21 474 836.47 in a currency's cents. */
export const MAX_AMOUNT_CENTS = 2_147_483_647;

/** Money is a positive whole number of cents, never a float or zero (docs/decisions/006-storage.md). */
export function assertAmountInCents(amountCents: number, path: string = 'amountCents'): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > MAX_AMOUNT_CENTS)
    throw new DomainError(
      'INVALID_INPUT',
      `${path}: ${amountCents} is not a whole number of cents from 1 to ${MAX_AMOUNT_CENTS}`,
      [{ code: 'invalid_amount', path: [path], message: 'a whole number of cents, at least 1' }],
    );
}
