import type { CaseAction, TransitionInput } from '../../domain/cases/case-states.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { findCaseMoney } from '../../storage/repositories/case-money.ts';
import type { CaseRow } from '../../storage/repositories/cases.ts';
import type { StoredOrder } from '../../storage/repositories/orders.ts';
import { decisionNotice } from './decision-notice.ts';
import { type CaseMail, enqueueCaseMails, type MailClock } from './enqueue-case-mail.ts';

/** A move just made on a case: the case before and after, its order and policy, the inputs, and what it posted. */
export type CaseActionForMail = {
  action: CaseAction;
  before: Pick<CaseRow, 'outcome'>;
  after: CaseRow;
  order: StoredOrder | undefined;
  policy: Policy | undefined;
  input: TransitionInput;
  /** The order a remake, replacement, exchange or reship made, if any. */
  followUpOrderNumber?: string | undefined;
  /** Messages the move posted to the conversation by staff (an answer, a repair quote), with their ids. */
  staffMessages: { id: string; body: string }[];
};

// Staff deciding, or inspection changing what the policy says: the customer hears the (new) decision.
const DECIDING: readonly CaseAction[] = ['decide', 'review', 'override', 'conclude_investigation'];

/**
 * The mails a move sends the case's customer, in its transaction: a decision
 * (staff deciding, or inspection changing the outcome), the return
 * instructions on authorization, "we received your return", "resolved", and
 * messages staff wrote through the move. Each is keyed by the case's new
 * revision (or the message's id), so the same move never mails twice.
 */
export async function mailsOnCaseAction(tx: LoupeDatabase, clock: MailClock, m: CaseActionForMail): Promise<number> {
  const { after, action } = m;
  const n = after.revision;
  const mails: CaseMail[] = [];
  const outcomeChanged = action === 'inspect' && m.before.outcome !== after.outcome;
  if (DECIDING.includes(action) || outcomeChanged) {
    const money = await findCaseMoney(tx, after.id);
    const notice = decisionNotice(after, { refundableCents: money?.refundableCents, staffNote: m.input.reason });
    if (notice) mails.push({ event: 'decision', n, facts: notice });
  }
  if (action === 'authorize' && after.authorizationNumber && after.returnAddress && after.shipBy) {
    const authorization = {
      authorizationNumber: after.authorizationNumber,
      returnAddress: after.returnAddress,
      shipBy: after.shipBy,
      instructions: m.input.instructions ?? '',
    };
    mails.push({ event: 'return_instructions', n, facts: authorization });
  }
  if (action === 'receive') {
    mails.push({ event: 'goods_received', n, facts: { resolutionBy: after.resolutionBy } });
  }
  const resolution = m.input.resolution;
  if (action === 'resolve' && resolution) {
    const resolved = { resolution, followUpOrderNumber: m.followUpOrderNumber ?? null };
    mails.push({ event: 'case_resolved', n, facts: resolved });
  }
  for (const message of m.staffMessages) {
    mails.push({ event: 'care_message', n: message.id, facts: { body: message.body, attachments: [] } });
  }
  return enqueueCaseMails(tx, clock, { row: after, order: m.order, policy: m.policy }, mails);
}
