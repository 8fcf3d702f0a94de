import { formatMoney } from '../format-money.ts';
import { PAYMENT_METHOD_WORDS } from '../mail-words.ts';
import { type MailBlock, type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** A refund booked: how much, in the case's currency, to which payment method, and what is left. */
export type RefundIssued = { amountCents: number; currency: string; method: string; leftCents: number };

/** The mail that tells a customer money is on its way back to them. */
export function refundIssuedMail(frame: MailFrame, r: RefundIssued): RenderedMail {
  const amount = formatMoney(r.amountCents, r.currency, frame.shop.locale);
  const method = PAYMENT_METHOD_WORDS[r.method] ?? r.method;
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `We have refunded ${amount} to your ${method}.` },
    { kind: 'facts', rows: [['Refunded', amount]] },
  ];
  if (r.leftCents > 0) {
    const left = formatMoney(r.leftCents, r.currency, frame.shop.locale);
    blocks.push({ kind: 'paragraph', text: `A further ${left} can still come back to you on this request.` });
  }
  return renderMail(frame, { subject: `${frame.shop.name}: we refunded ${amount} (${frame.reference})`, blocks });
}
