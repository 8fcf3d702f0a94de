import type { LoupeDatabase } from '../../storage/database.ts';
import type { CaseMoney } from '../../storage/repositories/money-cases.ts';
import type { LedgerEntry } from '../../storage/repositories/money-ledger.ts';
import { enqueueCaseMails, loadMailCase, type MailClock } from './enqueue-case-mail.ts';

/** Tells the case's customer a refund was booked, in the refund's transaction; keyed by its ledger entry. */
export async function mailRefundIssued(
  tx: LoupeDatabase,
  clock: MailClock,
  refund: { entry: LedgerEntry; money: CaseMoney },
): Promise<number> {
  const { entry, money } = refund;
  if (!entry.caseId) return 0;
  const c = await loadMailCase(tx, entry.caseId);
  if (!c) return 0;
  const issued = {
    amountCents: entry.amountCents,
    currency: entry.currency,
    method: entry.method ?? 'original_payment_method',
    leftCents: money.refundableCents - money.refundedCents,
  };
  return enqueueCaseMails(tx, clock, c, [{ event: 'refund_issued', n: entry.id, facts: issued }]);
}
