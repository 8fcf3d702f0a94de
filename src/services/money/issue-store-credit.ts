import type { LoupeTransaction } from '../../storage/database.ts';
import { insertMoneyAudit } from '../../storage/repositories/money-audit.ts';
import { findMoneyCase } from '../../storage/repositories/money-cases.ts';
import { type GiftCard, insertGiftCardIfCodeFree } from '../../storage/repositories/money-gift-cards.ts';
import type { LedgerEntry } from '../../storage/repositories/money-ledger.ts';
import { assertStaffOf } from '../assert-access.ts';
import { mailStoreCreditIssued } from '../mail/mail-store-credit-issued.ts';
import { type Actor, describeActor, type ServiceContext } from '../service-context.ts';
import { assertAmountInCents } from './assert-amount-in-cents.ts';
import { assertRemedyOffered } from './assert-remedy-offered.ts';
import { bookLedgerEntry } from './book-ledger-entry.ts';
import { caseNotFound } from './case-not-found.ts';
import { maskGiftCardCode, newGiftCardCode } from './gift-card-code.ts';
import { type CaseMoneyView, type GiftCardView, viewCaseMoney, viewGiftCard } from './money-views.ts';
import { addWithinRefundCap, withinRefundCap } from './refund-cap.ts';

/** Store credit to issue on a case, in cents of the case's currency. */
export type IssueStoreCreditInput = {
  caseId: string;
  amountCents: number;
  /** The request's `Idempotency-Key`, kept on the ledger entry. */
  idempotencyKey?: string | undefined;
};

/** The gift card issued, its ledger entry, and the case's money after it. */
export type StoreCreditIssued = { giftCard: GiftCardView; entry: LedgerEntry; caseMoney: CaseMoneyView };

/** Codes drawn before giving up; with 80 random bits a second draw is already a once-in-a-lifetime event. */
const CODE_ATTEMPTS = 5;

/**
 * Gives store credit as a new gift card whose balance is the amount. It counts
 * against what the case may get back exactly like a refund (OVER_REFUND past
 * the cap), and is booked as a `store_credit` ledger entry naming the code, in
 * one transaction with the audit row. `drawCode` is for tests.
 */
export async function issueStoreCredit(
  ctx: ServiceContext,
  actor: Actor,
  input: IssueStoreCreditInput,
  drawCode: () => string = newGiftCardCode,
): Promise<StoreCreditIssued> {
  assertAmountInCents(input.amountCents);
  return withinRefundCap(ctx.db, input.caseId, input.amountCents, async (tx) => {
    const found = await findMoneyCase(tx, input.caseId);
    if (!found) throw caseNotFound(input.caseId);
    assertStaffOf(actor, found.shopId);
    // Credit instead of money is the customer's to choose wherever money back is offered.
    assertRemedyOffered(found, ['store_credit', 'refund', 'partial_refund', 'cancel']);
    const money = await addWithinRefundCap(tx, found, input.amountCents);
    const at = ctx.now();
    const card = await insertNewGiftCard(tx, drawCode, {
      shopId: found.shopId,
      caseId: found.caseId,
      currency: money.currency,
      initialCents: input.amountCents,
      balanceCents: input.amountCents,
      createdAt: at,
    });
    const entry = await bookLedgerEntry(tx, {
      id: ctx.newId(),
      shopId: found.shopId,
      caseId: found.caseId,
      kind: 'store_credit',
      amountCents: input.amountCents,
      currency: money.currency,
      method: 'gift_card',
      reference: card.code,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: at,
    });
    await insertMoneyAudit(tx, {
      shopId: found.shopId,
      caseId: found.caseId,
      actor: describeActor(actor),
      action: 'issue_store_credit',
      policyVersionId: found.policyVersionId,
      detail: {
        ledgerEntryId: entry.id,
        amountCents: input.amountCents,
        currency: money.currency,
        giftCard: maskGiftCardCode(card.code),
      },
      at,
    });
    await mailStoreCreditIssued(tx, ctx, { entry, card });
    return { giftCard: viewGiftCard(card), entry, caseMoney: viewCaseMoney(money) };
  });
}

/** Stores the card under a fresh code, drawing again on the rare collision: a code is never reused. */
async function insertNewGiftCard(
  tx: LoupeTransaction,
  drawCode: () => string,
  card: Omit<GiftCard, 'code'>,
): Promise<GiftCard> {
  for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
    const stored = await insertGiftCardIfCodeFree(tx, { ...card, code: drawCode() });
    if (stored) return stored;
  }
  throw new Error(`no free gift-card code after ${CODE_ATTEMPTS} draws`);
}
