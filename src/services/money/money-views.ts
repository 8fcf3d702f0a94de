import type { CaseMoney } from '../../storage/repositories/money-cases.ts';
import type { GiftCard } from '../../storage/repositories/money-gift-cards.ts';

/** What a case may still get back: the decision's cap, what has gone back (refunds and store credit), and the rest. */
export type CaseMoneyView = CaseMoney & { leftToRefundCents: number };

/** The case's money with what is left to refund. */
export function viewCaseMoney(money: CaseMoney): CaseMoneyView {
  return { ...money, leftToRefundCents: money.refundableCents - money.refundedCents };
}

/** A gift card as its holder sees it: the code, the shop, and the balance. */
export type GiftCardView = Pick<
  GiftCard,
  'code' | 'shopId' | 'currency' | 'initialCents' | 'balanceCents' | 'createdAt'
>;

/** The gift card without its case, which is the shop's business. */
export function viewGiftCard({
  code,
  shopId,
  currency,
  initialCents,
  balanceCents,
  createdAt,
}: GiftCard): GiftCardView {
  return { code, shopId, currency, initialCents, balanceCents, createdAt };
}
