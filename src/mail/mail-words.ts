import type { RequestType, Resolution } from '../domain/contract/case.schema.ts';
import type { CaseType } from '../storage/schema/cases.ts';

/** What a customer asked for, in the words a mail uses. */
export const REQUEST_WORDS: Record<CaseType, string> = {
  cancel: 'cancellation',
  change_address: 'address change',
  change_shipping: 'shipping change',
  change_item: 'item change',
  return: 'return',
  exchange: 'exchange',
  warranty: 'warranty claim',
  report_problem: 'problem report',
  inquiry: 'message',
} satisfies Record<RequestType | 'inquiry', string>;

/** A remedy, in the words a mail uses. */
export const RESOLUTION_WORDS: Record<Resolution, string> = {
  cancel: 'cancelling the order',
  address_change: 'changing the delivery address',
  item_change: 'changing the item',
  shipping_change: 'changing the shipping',
  refund: 'a refund',
  partial_refund: 'a partial refund',
  store_credit: 'store credit',
  exchange: 'an exchange',
  remake: 'a remake',
  replacement: 'a replacement',
  repair: 'a repair',
  discounted_replacement: 'a replacement at a discount',
  reship: 'sending the order again',
};

/** How the ledger names a payment method, in words. */
export const PAYMENT_METHOD_WORDS: Record<string, string> = {
  card: 'card',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  shop_pay: 'Shop Pay',
  cash_on_delivery: 'cash on delivery',
  gift_card: 'gift card',
  other: 'original payment method',
  original_payment_method: 'original payment method',
};

/** "a, b or c". */
export function either(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
