import { formatInstant } from '../format-instant.ts';
import { type MailFrame, type RenderedMail, renderMail } from '../render-mail.ts';

/** A return not yet sent, and its deadline. */
export type ShipBackDue = { authorizationNumber: string | null; returnAddress: string | null; shipBy: Date };

/** The mail that reminds a customer to send an authorized return before its ship-by date. */
export function shipBackReminderMail(frame: MailFrame, r: ShipBackDue): RenderedMail {
  const shipBy = formatInstant(r.shipBy, frame.shop.timeZone, frame.shop.locale);
  const rows: [string, string][] = [['Ship it by', shipBy]];
  if (r.authorizationNumber) rows.push(['Authorization number', r.authorizationNumber]);
  if (r.returnAddress) rows.push(['Send it to', r.returnAddress]);
  return renderMail(frame, {
    subject: `${frame.shop.name}: a reminder to send your return by ${shipBy} (${frame.reference})`,
    blocks: [
      { kind: 'paragraph', text: 'We have not seen your return parcel yet. A reminder of the deadline:' },
      { kind: 'facts', rows },
      {
        kind: 'paragraph',
        text: 'After that date the authorization ends. If it is already on its way, reply with the tracking number.',
      },
    ],
  });
}
