import { allowedActions, type CaseAction, type CaseState, type Role } from '../domain/cases/case-states.ts';
import type { Request } from '../domain/contract/case.schema.ts';
import type { Decision, Outcome, ReasonCitation } from '../domain/contract/decision.schema.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { type AuditRecord, listAudit } from '../storage/repositories/audit-log.ts';
import { findCaseMoney } from '../storage/repositories/case-money.ts';
import type { CaseRow } from '../storage/repositories/cases.ts';
import { listMessages, type MessageWithAttachments } from '../storage/repositories/messages.ts';
import { findOrderById } from '../storage/repositories/orders.ts';
import { storedPolicyVersion } from '../storage/repositories/policy-versions.ts';
import type { CaseType } from '../storage/schema/cases.ts';
import { type DueKind, dueOf } from './case-due.ts';
import { caseReference } from './case-reference.ts';
import type { Actor } from './service-context.ts';

/** One message as the conversation shows it; attachments are named, fetched one by one. */
export type MessageView = {
  id: string;
  authorKind: 'customer' | 'agent' | 'system';
  author: string;
  body: string;
  createdAt: string;
  attachments: { id: string; filename: string; contentType: string; sizeBytes: number }[];
};

/** One entry of a case's audit trail. */
export type AuditView = {
  at: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  policyVersion: string | null;
  detail: unknown;
};

/** A case as the desk and the portal show it. */
export type CaseView = {
  id: string;
  reference: string;
  shop: string;
  number: number;
  type: CaseType;
  state: CaseState;
  revision: number;
  order: { id: string; number: string } | null;
  request: Request | null;
  outcome: Outcome | null;
  decision: Decision | null;
  reasons: ReasonCitation[];
  policyVersion: { id: string; version: string } | null;
  authorizationNumber: string | null;
  returnAddress: string | null;
  returnTrackingNumber: string | null;
  repairQuoteCents: number | null;
  deadlines: { respondsBy: string | null; shipBy: string | null; resolutionBy: string | null };
  due: { kind: DueKind; at: string; overdue: boolean } | null;
  money: { currency: string; refundableCents: number; refundedCents: number } | null;
  allowedActions: CaseAction[];
  timeline: AuditView[];
  messages: MessageView[];
  createdAt: string;
  updatedAt: string;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A stored message as the conversation shows it. */
export function toMessageView(m: MessageWithAttachments): MessageView {
  return {
    id: m.id,
    authorKind: m.authorKind,
    author: m.author,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    attachments: m.attachments.map(({ id, filename, contentType, sizeBytes }) => ({
      id,
      filename,
      contentType,
      sizeBytes,
    })),
  };
}

/** What a case's view shows beyond its own row: the order's number, the policy version, money, audit trail, conversation. */
export type CaseViewParts = {
  order: { id: string; number: string } | undefined;
  version: { id: string; version: string } | undefined;
  money: { currency: string; refundableCents: number; refundedCents: number } | undefined;
  audit: readonly Pick<AuditRecord, 'at' | 'actor' | 'action' | 'fromState' | 'toState' | 'policyVersion' | 'detail'>[];
  messages: readonly MessageWithAttachments[];
};

/**
 * Everything about a case for one viewer: the decision with its reasons, the
 * money, the audit trail, the conversation and the actions the viewer's role
 * can take now. Reads only; the caller has checked the viewer may see it.
 */
export async function readCaseView(db: LoupeDatabase, row: CaseRow, viewer: Actor, now: Date): Promise<CaseView> {
  const [order, version, money, audit, messages] = [
    row.orderId ? await findOrderById(db, row.orderId) : undefined,
    row.policyVersionId ? await storedPolicyVersion(db, row.policyVersionId) : undefined,
    await findCaseMoney(db, row.id),
    await listAudit(db, row.id),
    await listMessages(db, row.id),
  ];
  return caseViewOf(
    row,
    { order: order && { id: order.id, number: order.order.number }, version, money, audit, messages },
    viewer,
    now,
  );
}

/** A case's view from its row and parts already at hand (opening a case has them all, so reads nothing back). */
export function caseViewOf(row: CaseRow, parts: CaseViewParts, viewer: Actor, now: Date): CaseView {
  const { order, version, money, audit, messages } = parts;
  const state = row.state as CaseState;
  const due = dueOf(row, now);
  const status = { state, returnRequired: row.decision?.returnRequired, shipBy: iso(row.shipBy) ?? undefined };
  // Expiring is Loupe's own move, never a button; a denied case has nothing to resolve (carry-out-case-action.ts).
  const actions = allowedActions(status, viewer.role as Role).filter(
    (a) => (a !== 'expire' || viewer.role === 'system') && (a !== 'resolve' || row.outcome !== 'denied'),
  );
  return {
    id: row.id,
    reference: caseReference(row.shopId, row.number),
    shop: row.shopId,
    number: row.number,
    type: row.type,
    state,
    revision: row.revision,
    order: order ? { id: order.id, number: order.number } : null,
    request: row.request,
    outcome: row.outcome,
    decision: row.decision,
    reasons: row.decision?.reasons ?? [],
    policyVersion: version ? { id: version.id, version: version.version } : null,
    authorizationNumber: row.authorizationNumber,
    returnAddress: row.returnAddress,
    returnTrackingNumber: row.returnTrackingNumber,
    repairQuoteCents: row.repairQuoteCents,
    deadlines: { respondsBy: iso(row.respondsBy), shipBy: iso(row.shipBy), resolutionBy: iso(row.resolutionBy) },
    due: due && { kind: due.kind, at: due.at.toISOString(), overdue: due.overdue },
    money: money
      ? { currency: money.currency, refundableCents: money.refundableCents, refundedCents: money.refundedCents }
      : null,
    allowedActions: actions,
    timeline: audit.map((a) => ({
      at: a.at.toISOString(),
      actor: a.actor,
      action: a.action,
      from: a.fromState,
      to: a.toState,
      policyVersion: a.policyVersion,
      detail: a.detail,
    })),
    messages: messages.map(toMessageView),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
