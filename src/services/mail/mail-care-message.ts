import type { LoupeDatabase } from '../../storage/database.ts';
import { enqueueCaseMails, loadMailCase, type MailClock } from './enqueue-case-mail.ts';

/** Sends the case's customer a message staff posted, in the posting transaction; keyed by the message's id. */
export async function mailCareMessage(
  tx: LoupeDatabase,
  clock: MailClock,
  message: { caseId: string; id: string; body: string; attachments: string[] },
): Promise<number> {
  const c = await loadMailCase(tx, message.caseId);
  if (!c) return 0;
  const { body, attachments } = message;
  return enqueueCaseMails(tx, clock, c, [{ event: 'care_message', n: message.id, facts: { body, attachments } }]);
}
