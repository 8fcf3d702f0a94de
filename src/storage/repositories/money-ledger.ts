import { asc, eq } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { ledgerEntries } from '../schema/index.ts';

/** One row of the money ledger, as stored. */
export type LedgerEntry = typeof ledgerEntries.$inferSelect;

/** Appends one movement to the ledger and answers it as stored. */
export async function insertLedgerEntry(db: LoupeDatabase, entry: LedgerEntry): Promise<LedgerEntry> {
  const [row] = await db.insert(ledgerEntries).values(entry).returning();
  if (!row) throw new Error('the ledger entry was not written');
  return row;
}

/** A case's ledger entries, oldest first. */
export async function listCaseLedger(db: LoupeDatabase, caseId: string): Promise<LedgerEntry[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.caseId, caseId))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
}
