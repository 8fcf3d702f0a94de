import type { CaseType } from '../storage/schema/cases.ts';
import type { MailEvent } from '../storage/schema/mail.ts';
import type { MailFrame, RenderedMail } from './render-mail.ts';
import { type CareMessage, careMessageMail } from './templates/care-message.ts';
import { type CaseResolved, caseResolvedMail } from './templates/case-resolved.ts';
import { type DecisionNotice, decisionMail } from './templates/decision.ts';
import { type GoodsReceived, goodsReceivedMail } from './templates/goods-received.ts';
import { type RefundIssued, refundIssuedMail } from './templates/refund-issued.ts';
import { requestReceivedMail } from './templates/request-received.ts';
import { type ReturnAuthorization, returnInstructionsMail } from './templates/return-instructions.ts';
import { type ShipBackDue, shipBackReminderMail } from './templates/ship-back-reminder.ts';
import { type StoreCreditIssued, storeCreditIssuedMail } from './templates/store-credit-issued.ts';

/** The events of mails about a case: every one but the sign-in link, which is about no case and rendered when queued. */
export type CaseMailEvent = Exclude<MailEvent, 'sign_in_link'>;

/**
 * What an outbox mail keeps of its event (its `payload`), to be rendered when
 * it is sent: the facts that were true at the event and that the case may no
 * longer show by then (a decision inspection replaced, the money left after a
 * refund, a gift-card code). None for the acknowledgement: what it says (the
 * case's type, its order, its reply deadline) never changes on a case.
 */
export type MailFacts = {
  request_received: null;
  decision: DecisionNotice;
  return_instructions: ReturnAuthorization;
  ship_back_reminder: ShipBackDue;
  goods_received: GoodsReceived;
  case_resolved: CaseResolved;
  refund_issued: RefundIssued;
  store_credit_issued: StoreCreditIssued;
  care_message: CareMessage;
};

/** What the acknowledgement reads from the case when it is rendered. */
export type CaseFacts = { type: CaseType; orderNumber: string | null; respondsBy: Date | null };

/** Facts as JSON keeps them: an instant as ISO text. */
type Stored<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const instant = (iso: string) => new Date(iso);
const instantOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * Renders a mail about a case from its event's stored facts (the outbox's
 * `payload`, written by this code from `MailFacts`) and, for the
 * acknowledgement, the case.
 */
export function renderStoredMail(frame: MailFrame, event: CaseMailEvent, payload: unknown, c: CaseFacts): RenderedMail {
  switch (event) {
    case 'request_received':
      return requestReceivedMail(frame, c);
    case 'decision': {
      const p = payload as Stored<DecisionNotice>;
      return decisionMail(frame, { ...p, respondsBy: instantOrNull(p.respondsBy) });
    }
    case 'return_instructions': {
      const p = payload as Stored<ReturnAuthorization>;
      return returnInstructionsMail(frame, { ...p, shipBy: instant(p.shipBy) });
    }
    case 'ship_back_reminder': {
      const p = payload as Stored<ShipBackDue>;
      return shipBackReminderMail(frame, { ...p, shipBy: instant(p.shipBy) });
    }
    case 'goods_received': {
      const p = payload as Stored<GoodsReceived>;
      return goodsReceivedMail(frame, { resolutionBy: instantOrNull(p.resolutionBy) });
    }
    case 'case_resolved':
      return caseResolvedMail(frame, payload as CaseResolved);
    case 'refund_issued':
      return refundIssuedMail(frame, payload as RefundIssued);
    case 'store_credit_issued':
      return storeCreditIssuedMail(frame, payload as StoreCreditIssued);
    case 'care_message':
      return careMessageMail(frame, payload as CareMessage);
  }
}
