import { findMoneyCase } from '../../storage/repositories/money-cases.ts';
import { findGiftCard } from '../../storage/repositories/money-gift-cards.ts';
import { assertStaffOf } from '../assert-access.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { caseNotFound } from './case-not-found.ts';
import { giftCardNotFound, readGiftCardCodeOrThrow } from './gift-card-not-found.ts';

/**
 * The shop whose money a request moves, known before its transaction starts,
 * to scope its `Idempotency-Key` (keys are unique per shop). Refuses early, as
 * the use case would, an actor who may not act there.
 */
export async function resolveMoneyShop(
  ctx: ServiceContext,
  actor: Actor,
  target: { caseId: string } | { giftCardCode: string },
): Promise<string> {
  if ('caseId' in target) {
    const found = await findMoneyCase(ctx.db, target.caseId);
    if (!found) throw caseNotFound(target.caseId);
    assertStaffOf(actor, found.shopId);
    return found.shopId;
  }
  const card = await findGiftCard(ctx.db, readGiftCardCodeOrThrow(target.giftCardCode));
  if (!card) throw giftCardNotFound();
  assertStaffOf(actor, card.shopId);
  return card.shopId;
}
