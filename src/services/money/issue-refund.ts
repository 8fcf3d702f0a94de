import { insertMoneyAudit } from '../../storage/repositories/money-audit.ts';
import { findMoneyCase } from '../../storage/repositories/money-cases.ts';
import type { LedgerEntry } from '../../storage/repositories/money-ledger.ts';
import type { LedgerKind } from '../../storage/schema/ledger-entries.ts';
import { assertStaffOf } from '../assert-access.ts';
import { mailRefundIssued } from '../mail/mail-refund-issued.ts';
import { type Actor, describeActor, type ServiceContext } from '../service-context.ts';
import { assertAmountInCents } from './assert-amount-in-cents.ts';
import { assertRemedyOffered } from './assert-remedy-offered.ts';
import { bookLedgerEntry } from './book-ledger-entry.ts';
import { caseNotFound } from './case-not-found.ts';
import { type CaseMoneyView, viewCaseMoney } from './money-views.ts';
import { addWithinRefundCap, withinRefundCap } from './refund-cap.ts';

/** A refund to ask for: an amount in cents of the case's currency; `reference` is the payment provider's, if known. */
export type IssueRefundInput = {
  caseId: string;
  amountCents: number;
  reference?: string | undefined;
  /** The request's `Idempotency-Key`, kept on the ledger entry: one key, one entry. */
  idempotencyKey?: string | undefined;
};

/** The refund booked, and the case's money after it. */
export type RefundIssued = { entry: LedgerEntry; caseMoney: CaseMoneyView };

/** What the ledger calls a refund to the original payment method when the order does not say how it was paid. */
const ORIGINAL_PAYMENT_METHOD = 'original_payment_method';

/**
 * Refunds part or all of what a case's decision allows, to the order's
 * original payment method: adds to `case_money.refunded_cents`, appends the
 * ledger entry and the audit row in one transaction. The entry is a `refund`
 * when it returns everything at once, else a `partial_refund`. More than is
 * left is OVER_REFUND (409), decided by the database's CHECK, so 20
 * simultaneous clicks book exactly what fits.
 */
export async function issueRefund(ctx: ServiceContext, actor: Actor, input: IssueRefundInput): Promise<RefundIssued> {
  assertAmountInCents(input.amountCents);
  return withinRefundCap(ctx.db, input.caseId, input.amountCents, async (tx) => {
    const found = await findMoneyCase(tx, input.caseId);
    if (!found) throw caseNotFound(input.caseId);
    assertStaffOf(actor, found.shopId);
    // A cancellation gives the money back too.
    assertRemedyOffered(found, ['refund', 'partial_refund', 'cancel']);
    const money = await addWithinRefundCap(tx, found, input.amountCents);
    const before = money.refundedCents - input.amountCents;
    const kind: LedgerKind =
      before === 0 && money.refundedCents === money.refundableCents ? 'refund' : 'partial_refund';
    const at = ctx.now();
    const entry = await bookLedgerEntry(tx, {
      id: ctx.newId(),
      shopId: found.shopId,
      caseId: found.caseId,
      kind,
      amountCents: input.amountCents,
      currency: money.currency,
      method: found.paymentMethod ?? ORIGINAL_PAYMENT_METHOD,
      reference: input.reference ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: at,
    });
    await insertMoneyAudit(tx, {
      shopId: found.shopId,
      caseId: found.caseId,
      actor: describeActor(actor),
      action: 'issue_refund',
      policyVersionId: found.policyVersionId,
      detail: { ledgerEntryId: entry.id, kind, amountCents: input.amountCents, currency: money.currency },
      at,
    });
    await mailRefundIssued(tx, ctx, { entry, money });
    return { entry, caseMoney: viewCaseMoney(money) };
  });
}
