import type { LoupeDatabase } from '../../storage/database.ts';
import type { GiftCard } from '../../storage/repositories/money-gift-cards.ts';
import type { LedgerEntry } from '../../storage/repositories/money-ledger.ts';
import { enqueueCaseMails, loadMailCase, type MailClock } from './enqueue-case-mail.ts';

/** Gives the case's customer the gift-card code of their store credit, in its transaction; keyed by the ledger entry. */
export async function mailStoreCreditIssued(
  tx: LoupeDatabase,
  clock: MailClock,
  credit: { entry: LedgerEntry; card: Pick<GiftCard, 'code' | 'initialCents' | 'currency'> },
): Promise<number> {
  const { entry, card } = credit;
  if (!entry.caseId) return 0;
  const c = await loadMailCase(tx, entry.caseId);
  if (!c) return 0;
  const issued = { amountCents: card.initialCents, currency: card.currency, code: card.code };
  return enqueueCaseMails(tx, clock, c, [{ event: 'store_credit_issued', n: entry.id, facts: issued }]);
}
