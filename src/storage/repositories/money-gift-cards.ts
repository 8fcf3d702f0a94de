import { eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { giftCards } from '../schema/index.ts';

/** The CHECK that keeps a gift card's balance between zero and what was issued. */
export const GIFT_CARD_BALANCE_CONSTRAINT = 'gift_cards_balance_within_initial';

/** A gift card as stored; its code is the key and the secret. */
export type GiftCard = typeof giftCards.$inferSelect;

/**
 * Stores a new gift card unless its code is taken; answers undefined when it
 * is (the caller draws another code). `on conflict do nothing` rather than a
 * failed insert, so the surrounding transaction stays usable on PostgreSQL.
 */
export async function insertGiftCardIfCodeFree(db: LoupeDatabase, card: GiftCard): Promise<GiftCard | undefined> {
  const [row] = await db.insert(giftCards).values(card).onConflictDoNothing({ target: giftCards.code }).returning();
  return row;
}

/** The gift card with this code (already normalised); undefined when there is none. */
export async function findGiftCard(db: LoupeDatabase, code: string): Promise<GiftCard | undefined> {
  const [row] = await db.select().from(giftCards).where(eq(giftCards.code, code));
  return row;
}

/**
 * Takes `amountCents` off the balance in one statement, so the CHECK
 * (`GIFT_CARD_BALANCE_CONSTRAINT`) judges it against the balance after any
 * concurrent spend committed. Answers the card after the spend; undefined when
 * there is no such card.
 */
export async function subtractFromBalance(
  db: LoupeDatabase,
  code: string,
  amountCents: number,
): Promise<GiftCard | undefined> {
  const [row] = await db
    .update(giftCards)
    .set({ balanceCents: sql`${giftCards.balanceCents} - ${amountCents}` })
    .where(eq(giftCards.code, code))
    .returning();
  return row;
}
