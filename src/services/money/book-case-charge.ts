import { DomainError } from '../../domain/errors.ts';
import { transaction } from '../../storage/database.ts';
import { insertMoneyAudit } from '../../storage/repositories/money-audit.ts';
import { findMoneyCase } from '../../storage/repositories/money-cases.ts';
import type { LedgerEntry } from '../../storage/repositories/money-ledger.ts';
import { assertStaffOf } from '../assert-access.ts';
import { type Actor, describeActor, type ServiceContext } from '../service-context.ts';
import { assertAmountInCents } from './assert-amount-in-cents.ts';
import { bookLedgerEntry } from './book-ledger-entry.ts';
import { caseNotFound } from './case-not-found.ts';

/** Money the customer owes on a case, with what it is for ("repair materials", "reshipping"). */
export type CaseChargeInput = {
  caseId: string;
  amountCents: number;
  reason: string;
  /** The request's `Idempotency-Key`, kept on the ledger entry. */
  idempotencyKey?: string | undefined;
};

/** The ledger entry booked. */
export type CaseChargeBooked = { entry: LedgerEntry };

/**
 * Books money owed by the customer as a ledger entry of `kind` (the reason as
 * its reference) with its audit row, in one transaction. It never touches
 * `case_money`: a charge is not a refund, so it neither uses up nor raises the
 * refund cap. In the case's currency (its money row's, else its order's).
 */
export async function bookCaseCharge(
  ctx: ServiceContext,
  actor: Actor,
  kind: 'charge' | 'restocking_fee',
  input: CaseChargeInput,
): Promise<CaseChargeBooked> {
  assertAmountInCents(input.amountCents);
  return transaction(ctx.db, async (tx) => {
    const found = await findMoneyCase(tx, input.caseId);
    if (!found) throw caseNotFound(input.caseId);
    assertStaffOf(actor, found.shopId);
    const currency = found.money?.currency ?? found.orderCurrency;
    if (!currency)
      throw new DomainError('INVALID_INPUT', `caseId: case ${input.caseId} has no order, so no currency to charge in`, [
        { code: 'no_order', path: ['caseId'], message: 'the case has no order' },
      ]);
    const at = ctx.now();
    const entry = await bookLedgerEntry(tx, {
      id: ctx.newId(),
      shopId: found.shopId,
      caseId: found.caseId,
      kind,
      amountCents: input.amountCents,
      currency,
      method: null,
      reference: input.reason,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: at,
    });
    await insertMoneyAudit(tx, {
      shopId: found.shopId,
      caseId: found.caseId,
      actor: describeActor(actor),
      action: kind === 'charge' ? 'charge_customer' : 'record_restocking_fee',
      policyVersionId: found.policyVersionId,
      detail: { ledgerEntryId: entry.id, amountCents: input.amountCents, currency, reason: input.reason },
      at,
    });
    return { entry };
  });
}
