import type { Resolution } from '../../domain/contract/case.schema.ts';
import { RESOLUTION_WORDS } from '../mail-words.ts';
import { type MailBlock, type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** How a case was resolved; for an exchange, remake or reship, the order that sends the goods. */
export type CaseResolved = { resolution: Resolution; followUpOrderNumber: string | null };

/** The mail that tells a customer their request is resolved, and how. */
export function caseResolvedMail(frame: MailFrame, r: CaseResolved): RenderedMail {
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Your request is resolved with ${RESOLUTION_WORDS[r.resolution]}.` },
  ];
  if (r.followUpOrderNumber) {
    blocks.push({
      kind: 'paragraph',
      text: `It goes out as order ${r.followUpOrderNumber}; you will hear from us when it ships.`,
    });
  }
  return renderMail(frame, { subject: `${frame.shop.name}: your request is resolved (${frame.reference})`, blocks });
}
