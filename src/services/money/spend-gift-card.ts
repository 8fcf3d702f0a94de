import { DomainError } from '../../domain/errors.ts';
import { transaction } from '../../storage/database.ts';
import { violatesConstraint } from '../../storage/database-error.ts';
import { insertMoneyAudit } from '../../storage/repositories/money-audit.ts';
import {
  findGiftCard,
  GIFT_CARD_BALANCE_CONSTRAINT,
  subtractFromBalance,
} from '../../storage/repositories/money-gift-cards.ts';
import type { LedgerEntry } from '../../storage/repositories/money-ledger.ts';
import { assertStaffOf } from '../assert-access.ts';
import { type Actor, describeActor, type ServiceContext } from '../service-context.ts';
import { assertAmountInCents } from './assert-amount-in-cents.ts';
import { bookLedgerEntry } from './book-ledger-entry.ts';
import { maskGiftCardCode } from './gift-card-code.ts';
import { giftCardNotFound, readGiftCardCodeOrThrow } from './gift-card-not-found.ts';
import { type GiftCardView, viewGiftCard } from './money-views.ts';

/** A purchase paid (partly) with a gift card: the code as typed, and the amount in the card's currency. */
export type SpendGiftCardInput = {
  code: string;
  amountCents: number;
  /** What it paid for (an order number), kept on the ledger entry. */
  reference?: string | undefined;
  /** The request's `Idempotency-Key`, kept on the ledger entry. */
  idempotencyKey?: string | undefined;
};

/** The card after the spend, and the ledger entry. */
export type GiftCardSpent = { giftCard: GiftCardView; entry: LedgerEntry };

/**
 * Spends down a gift card's balance, with the ledger entry and the audit row,
 * in one transaction. More than the balance is INSUFFICIENT_BALANCE (409),
 * decided by the database's CHECK, so concurrent spends never take a card
 * below zero.
 */
export async function spendGiftCard(
  ctx: ServiceContext,
  actor: Actor,
  input: SpendGiftCardInput,
): Promise<GiftCardSpent> {
  assertAmountInCents(input.amountCents);
  const code = readGiftCardCodeOrThrow(input.code);
  try {
    return await transaction(ctx.db, async (tx) => {
      const card = await findGiftCard(tx, code);
      if (!card) throw giftCardNotFound();
      assertStaffOf(actor, card.shopId);
      const spent = await subtractFromBalance(tx, code, input.amountCents);
      if (!spent) throw giftCardNotFound();
      const at = ctx.now();
      const entry = await bookLedgerEntry(tx, {
        id: ctx.newId(),
        shopId: card.shopId,
        caseId: card.caseId,
        kind: 'gift_card_spend',
        amountCents: input.amountCents,
        currency: card.currency,
        method: 'gift_card',
        reference: input.reference ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: at,
      });
      await insertMoneyAudit(tx, {
        shopId: card.shopId,
        caseId: card.caseId,
        actor: describeActor(actor),
        action: 'spend_gift_card',
        policyVersionId: null,
        detail: {
          ledgerEntryId: entry.id,
          amountCents: input.amountCents,
          currency: card.currency,
          giftCard: maskGiftCardCode(code),
          balanceCents: spent.balanceCents,
        },
        at,
      });
      return { giftCard: viewGiftCard(spent), entry };
    });
  } catch (error) {
    if (!violatesConstraint(error, GIFT_CARD_BALANCE_CONSTRAINT)) throw error;
    const card = await findGiftCard(ctx.db, code);
    const balance = card ? `${card.balanceCents} ${card.currency} cents` : 'nothing';
    throw new DomainError(
      'INSUFFICIENT_BALANCE',
      `amountCents: ${input.amountCents} is more than the card's balance of ${balance}`,
      [{ code: 'insufficient_balance', path: ['amountCents'], message: 'more than the balance' }],
    );
  }
}
