import { formatInstant } from '../format-instant.ts';
import { type MailBlock, type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** The goods are back; when the shop resolves by, if its policy says. */
export type GoodsReceived = { resolutionBy: Date | null };

/** The mail that tells a customer their return arrived. */
export function goodsReceivedMail(frame: MailFrame, g: GoodsReceived): RenderedMail {
  const blocks: MailBlock[] = [{ kind: 'paragraph', text: 'Your return has arrived. We will now inspect it.' }];
  if (g.resolutionBy) {
    const by = formatInstant(g.resolutionBy, frame.shop.timeZone, frame.shop.locale);
    blocks.push({ kind: 'paragraph', text: `We will resolve your request by ${by}.` });
  }
  return renderMail(frame, { subject: `${frame.shop.name}: we received your return (${frame.reference})`, blocks });
}
