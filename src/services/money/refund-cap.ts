import { DomainError } from '../../domain/errors.ts';
import { type LoupeDatabase, type LoupeTransaction, transaction } from '../../storage/database.ts';
import { violatesConstraint } from '../../storage/database-error.ts';
import {
  addToRefunded,
  type CaseMoney,
  findCaseMoney,
  type MoneyCase,
  REFUND_CAP_CONSTRAINT,
} from '../../storage/repositories/money-cases.ts';

/**
 * Runs `work` in one transaction (a savepoint when `db` is already one) and
 * turns the database's refusal of an over-refund into OVER_REFUND, saying what
 * is left. The refusal comes from the CHECK on `case_money`, so it holds even
 * when two refunds race: code only reads the row afterwards, for the message.
 */
export async function withinRefundCap<T>(
  db: LoupeDatabase,
  caseId: string,
  amountCents: number,
  work: (tx: LoupeTransaction) => Promise<T>,
): Promise<T> {
  try {
    return await transaction(db, work);
  } catch (error) {
    if (!violatesConstraint(error, REFUND_CAP_CONSTRAINT)) throw error;
    throw overRefund(amountCents, await findCaseMoney(db, caseId));
  }
}

/** Books `amountCents` against the case's refund cap; OVER_REFUND when its decision allows no money back. */
export async function addWithinRefundCap(
  tx: LoupeTransaction,
  found: MoneyCase,
  amountCents: number,
): Promise<CaseMoney> {
  const money = found.money ? await addToRefunded(tx, found.caseId, amountCents) : undefined;
  if (!money) throw overRefund(amountCents, undefined);
  return money;
}

function overRefund(amountCents: number, money: CaseMoney | undefined): DomainError {
  const message = money
    ? `amountCents: ${amountCents} is more than the ${money.refundableCents - money.refundedCents} ${money.currency} cents left to refund (${money.refundedCents} of ${money.refundableCents} already refunded or credited)`
    : `amountCents: nothing is refundable on this case: no decision has allowed money back`;
  return new DomainError('OVER_REFUND', message, [
    { code: 'over_refund', path: ['amountCents'], message: 'more than is left to refund' },
  ]);
}
