import { type MailBlock, type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** A message the shop's staff wrote on the case, and the files it carries. */
export type CareMessage = { body: string; attachments: string[] };

/** The mail that carries a message from the shop's care team to the customer. */
export function careMessageMail(frame: MailFrame, m: CareMessage): RenderedMail {
  const blocks: MailBlock[] = [{ kind: 'verbatim', text: m.body }];
  if (m.attachments.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Files with this message:' }, { kind: 'list', items: m.attachments });
  }
  return renderMail(frame, {
    subject: `${frame.shop.name}: a message from our care team (${frame.reference})`,
    blocks,
  });
}
