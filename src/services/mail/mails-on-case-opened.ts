import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import type { CaseRow } from '../../storage/repositories/cases.ts';
import type { StoredOrder } from '../../storage/repositories/orders.ts';
import { decisionNotice } from './decision-notice.ts';
import { type CaseMail, enqueueCaseMails, type MailClock, newCaseMails } from './enqueue-case-mail.ts';

/** The new case as `mailsOnCaseOpened` reads it: the stored row (with its number), or its view. */
export type OpenedCaseForMail = Pick<
  CaseRow,
  'id' | 'shopId' | 'number' | 'type' | 'outcome' | 'decision' | 'respondsBy' | 'revision'
>;

/**
 * The mails a new case sends its customer: "we have your request" and, when
 * Loupe decided it at once, the decision quoting the policy. Call it in the
 * transaction that opens the case (openCase), once the case row is written:
 * a rollback drops the mails with the case. One round trip: the case's mail
 * thread and both mails in one statement. A case without an order (an
 * inquiry staff opened) has no one to write to and gets none.
 */
export async function mailsOnCaseOpened(
  tx: LoupeDatabase,
  clock: MailClock,
  opened: OpenedCaseForMail,
  order: StoredOrder | undefined,
  policy: Policy,
): Promise<number> {
  return enqueueCaseMails(tx, clock, { row: opened, order, policy }, caseOpenedMails(opened), { newCase: true });
}

/**
 * The same mails as outbox rows with the thread they start, without
 * touching the database: openCase stores them in the statement that stores
 * the case, so a new case and its mails commit together in one round trip.
 */
export function caseOpenedMailRows(
  clock: MailClock,
  opened: OpenedCaseForMail,
  order: StoredOrder | undefined,
  policy: Policy,
) {
  return newCaseMails(clock, { row: opened, order, policy }, caseOpenedMails(opened));
}

/**
 * The acknowledgement is rendered from the case (its type, order and reply
 * deadline never change); the decision keeps its notice, since inspection or
 * staff may change the case's decision before the mail leaves.
 */
function caseOpenedMails(opened: OpenedCaseForMail): CaseMail[] {
  const mails: CaseMail[] = [{ event: 'request_received', n: 0, facts: null }];
  const notice = opened.decision ? decisionNotice(opened) : undefined;
  if (notice) mails.push({ event: 'decision', n: opened.revision, facts: notice });
  return mails;
}
