import type { CaseType } from '../../storage/schema/cases.ts';
import { formatInstant } from '../format-instant.ts';
import { REQUEST_WORDS } from '../mail-words.ts';
import { type MailBlock, type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** What the acknowledgement says: what was asked, about which order, and when the shop answers by. */
export type RequestReceived = { type: CaseType; orderNumber: string | null; respondsBy: Date | null };

/** The mail that tells a customer their request or message reached the shop. */
export function requestReceivedMail(frame: MailFrame, r: RequestReceived): RenderedMail {
  const what = r.type === 'inquiry' ? 'your message' : `your ${REQUEST_WORDS[r.type]} request`;
  const about = r.orderNumber ? ` about order ${r.orderNumber}` : '';
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Thank you for writing to ${frame.shop.name}. We have ${what}${about}.` },
    { kind: 'facts', rows: [['Your reference', frame.reference]] },
  ];
  if (r.respondsBy) {
    const by = formatInstant(r.respondsBy, frame.shop.timeZone, frame.shop.locale);
    blocks.push({ kind: 'paragraph', text: `We will answer by ${by}.` });
  }
  return renderMail(frame, { subject: `${frame.shop.name}: we have ${what} (${frame.reference})`, blocks });
}
