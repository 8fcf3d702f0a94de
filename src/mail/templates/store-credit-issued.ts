import { formatMoney } from '../format-money.ts';
import { type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** Store credit given as a gift card: its amount and its code. */
export type StoreCreditIssued = { amountCents: number; currency: string; code: string };

/** The mail that gives a customer their gift-card code for store credit. */
export function storeCreditIssuedMail(frame: MailFrame, s: StoreCreditIssued): RenderedMail {
  const amount = formatMoney(s.amountCents, s.currency, frame.shop.locale);
  return renderMail(frame, {
    subject: `${frame.shop.name}: your store credit of ${amount} (${frame.reference})`,
    blocks: [
      { kind: 'paragraph', text: `We have issued ${amount} of store credit as a gift card.` },
      { kind: 'code', label: 'Your gift card code', code: s.code },
      {
        kind: 'paragraph',
        text: `Enter the code at checkout on ${frame.shop.name}. Keep it safe: anyone with the code can spend it.`,
      },
    ],
  });
}
