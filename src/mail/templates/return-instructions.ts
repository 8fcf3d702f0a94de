import { formatInstant } from '../format-instant.ts';
import { type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** An authorized return: the number to quote, where to send it, by when, and the instructions. */
export type ReturnAuthorization = {
  authorizationNumber: string;
  returnAddress: string;
  shipBy: Date;
  instructions: string;
};

/** The mail that authorizes a return and says how to send the goods back. */
export function returnInstructionsMail(frame: MailFrame, a: ReturnAuthorization): RenderedMail {
  const shipBy = formatInstant(a.shipBy, frame.shop.timeZone, frame.shop.locale);
  return renderMail(frame, {
    subject: `${frame.shop.name}: your return is authorized, ${a.authorizationNumber} (${frame.reference})`,
    blocks: [
      { kind: 'paragraph', text: 'Your return is authorized. Please send the goods back as follows.' },
      {
        kind: 'facts',
        rows: [
          ['Authorization number', a.authorizationNumber],
          ['Send it to', a.returnAddress],
          ['Ship it by', shipBy],
        ],
      },
      { kind: 'paragraph', text: 'Quote the authorization number on the parcel.' },
      { kind: 'verbatim', text: a.instructions },
      { kind: 'paragraph', text: 'Once it is on its way, reply with the tracking number.' },
    ],
  });
}
