import { DomainError } from '../../domain/errors.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { violatesConstraint } from '../../storage/database-error.ts';
import { insertLedgerEntry, type LedgerEntry } from '../../storage/repositories/money-ledger.ts';

/** The ledger's unique (shop, idempotency key): one key, one entry, for good. */
const LEDGER_KEY_CONSTRAINT = 'ledger_entries_shop_idempotency_key_unique';

/**
 * Appends a movement to the ledger. An `Idempotency-Key` keeps its answer for
 * 24 hours only, but the ledger keeps the key on its entry for good: a key
 * used again after it expired runs the request again, and the ledger refuses
 * to book it twice (IDEMPOTENCY_MISMATCH, 409), where it would otherwise be a
 * second refund the client never meant.
 */
export async function bookLedgerEntry(tx: LoupeDatabase, entry: LedgerEntry): Promise<LedgerEntry> {
  try {
    return await insertLedgerEntry(tx, entry);
  } catch (error) {
    if (!violatesConstraint(error, LEDGER_KEY_CONSTRAINT)) throw error;
    throw new DomainError(
      'IDEMPOTENCY_MISMATCH',
      `Idempotency-Key: "${entry.idempotencyKey}" already booked a ledger entry of this shop; its answer is kept 24 hours, the key on the ledger for good: use a new key for a new movement`,
      [{ code: 'idempotency_key_booked', path: ['Idempotency-Key'], message: 'already booked a ledger entry' }],
    );
  }
}
