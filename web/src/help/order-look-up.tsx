import { Link } from 'react-router';
import { type FaqEntry, orderLookUpPath } from './help-api';

const ANSWERS: Record<NonNullable<FaqEntry['aboutOrder']>, string> = {
  status: 'where your order is',
  delivery: 'when your order should arrive',
  refund: 'where your refund is',
  cancel: 'whether your order can still be cancelled',
  change_address: 'whether your address can still be changed',
  change_shipping: 'whether your shipping can still be changed',
  change_item: 'whether your order can still be changed',
  return: 'whether your items can be returned, and until when',
  exchange: 'whether your items can be exchanged, and until when',
  warranty: 'what the warranty covers for your piece',
  report_problem: 'what the shop can do about a problem with your order',
};

/** On an answer that depends on one order: the way to the order look-up, which answers it for that order. */
export function OrderLookUp({ shopId, entry }: { shopId: string; entry: FaqEntry }) {
  if (!entry.aboutOrder) return null;
  return (
    <div className="order-look-up">
      <p>
        <strong>This depends on your order.</strong> Find your order with its number and your email, and we will tell
        you {ANSWERS[entry.aboutOrder]}, under the shop’s rules.
      </p>
      <Link className="button" to={orderLookUpPath(shopId, entry)}>
        Find my order
      </Link>
    </div>
  );
}
