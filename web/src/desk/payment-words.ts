import { words } from '../ui/format';

// The same words the customer's refund mail uses (src/mail/mail-words.ts), so the agent reads what the customer will.
const PAYMENT_METHOD_WORDS: Record<string, string> = {
  card: 'card',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  shop_pay: 'Shop Pay',
  cash_on_delivery: 'cash on delivery',
  gift_card: 'gift card',
  other: 'original payment method',
  original_payment_method: 'original payment method',
};

/** A payment method as people name it: "paypal" -> "PayPal". */
export const paymentWords = (method: string | null | undefined): string =>
  method ? (PAYMENT_METHOD_WORDS[method] ?? words(method)) : 'original payment method';
