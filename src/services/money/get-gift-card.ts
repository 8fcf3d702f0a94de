import { findGiftCard } from '../../storage/repositories/money-gift-cards.ts';
import type { ServiceContext } from '../service-context.ts';
import { giftCardNotFound, readGiftCardCodeOrThrow } from './gift-card-not-found.ts';
import { type GiftCardView, viewGiftCard } from './money-views.ts';

/** A gift card's balance, for whoever holds the code: the code is the secret, so no sign-in is asked. */
export async function getGiftCard(ctx: ServiceContext, typedCode: string): Promise<GiftCardView> {
  const card = await findGiftCard(ctx.db, readGiftCardCodeOrThrow(typedCode));
  if (!card) throw giftCardNotFound();
  return viewGiftCard(card);
}
