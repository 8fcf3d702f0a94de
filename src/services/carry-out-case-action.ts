import type { CaseEffect, TransitionInput } from '../domain/cases/case-states.ts';
import { inspectReturn } from '../domain/cases/inspect-return.ts';
import type { Request, Resolution } from '../domain/contract/case.schema.ts';
import type { Outcome } from '../domain/contract/decision.schema.ts';
import { compilePolicy } from '../domain/decide/compile-policy.ts';
import { DomainError } from '../domain/errors.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import type { LoupeTransaction } from '../storage/database.ts';
import { lowerRefundable, setRefundable } from '../storage/repositories/case-money.ts';
import type { CasePatch, CaseRow } from '../storage/repositories/cases.ts';
import type { StoredOrder } from '../storage/repositories/orders.ts';
import { insertShipment, setReturnShipmentStatus } from '../storage/repositories/shipments.ts';
import { createFollowUpOrder, isFollowUp } from './follow-up-order.ts';
import { refundableCents, requestedValueCents } from './refundable-cents.ts';
import { type Actor, LOUPE, type ServiceContext } from './service-context.ts';

/** What an action works with: the open transaction, the case as read, its order and policy, the inputs, the moment. */
export type CaseActionContext = {
  tx: LoupeTransaction;
  ctx: ServiceContext;
  row: CaseRow;
  order: StoredOrder | undefined;
  policy: Policy | undefined;
  input: TransitionInput;
  now: Date;
};

/** What carrying out a move changes: the case's columns, the audit detail, messages, and writes once the revision is claimed. */
export type ActionPlan = {
  patch: CasePatch;
  detail: Record<string, unknown>;
  messages: { body: string; from?: Actor }[];
  afterUpdate(): Promise<void>;
};

const invalid = (field: string, message: string) =>
  new DomainError('INVALID_INPUT', `${field}: ${message}`, [{ code: 'invalid_input', path: [field], message }]);

/**
 * Turns a move's effects (case-states.ts) into changes: the case's new
 * columns, the audit detail, messages to the customer, and the writes that
 * follow once the case's revision is claimed (money limits, parcels, the
 * follow-up order). Refuses, before anything is written, what the lifecycle
 * table cannot see: a remedy the decision does not offer, a ship-by date
 * already past, findings about a line that was not returned.
 */
export function carryOut(c: CaseActionContext, effects: CaseEffect[], outcome: Outcome | undefined): ActionPlan {
  const plan: ActionPlan = { patch: {}, detail: {}, messages: [], afterUpdate: async () => {} };
  const later: (() => Promise<void>)[] = [];
  plan.afterUpdate = async () => {
    for (const write of later) await write();
  };
  const { tx, row, input, now } = c;

  if (outcome !== undefined) {
    plan.patch.outcome = outcome;
    const cents = staffGrantCents(row, c.order, outcome);
    later.push(() => setRefundable(tx, row.id, cents));
  }
  const action = effects.find((e) => e.type === 'audit')?.action;
  if (action === 'receive') {
    const promise = c.policy?.resolutionTime;
    if (promise?.after === 'goods_received' && c.policy) {
      // "Refunds are issued … within 7 business days after we receive and inspect your return."
      plan.patch.resolutionBy = new Date(
        compilePolicy(c.policy).endOfBusinessDayAfter(now.getTime(), promise.businessDays),
      );
    }
    later.push(() => setReturnShipmentStatus(tx, row.id, 'received'));
  }

  for (const effect of effects) {
    switch (effect.type) {
      case 'audit':
        break;
      case 'send_return_instructions': {
        const shipBy = new Date(effect.shipBy);
        if (shipBy.getTime() <= now.getTime()) throw invalid('shipBy', 'the ship-by date must be in the future');
        plan.patch.authorizationNumber = effect.authorizationNumber;
        plan.patch.returnAddress = effect.returnAddress;
        plan.patch.shipBy = shipBy;
        if (row.request) plan.patch.request = withReturnShipment(row.request, { authorized: true });
        plan.detail.authorizationNumber = effect.authorizationNumber;
        plan.messages.push({ body: effect.instructions, from: LOUPE });
        break;
      }
      case 'track_return':
        plan.patch.returnTrackingNumber = effect.trackingNumber;
        if (row.request) {
          plan.patch.request = withReturnShipment(row.request, {
            trackingNumber: effect.trackingNumber,
            shippedAt: now.toISOString(),
          });
        }
        if (row.orderId) {
          const orderId = row.orderId;
          later.push(() =>
            insertShipment(tx, {
              id: c.ctx.newId(),
              orderId,
              caseId: row.id,
              direction: 'return',
              carrier: null,
              trackingNumber: effect.trackingNumber,
              status: 'in_transit',
              estimatedFrom: null,
              estimatedTo: null,
              createdAt: now,
            }),
          );
        }
        break;
      case 'redecide_with_findings':
        inspect(c, effect.findings, plan, later);
        break;
      case 'send_repair_quote':
        plan.patch.repairQuoteCents = effect.amount;
        plan.messages.push({
          body: `Repair quote: ${formatMoney(effect.amount, row.decision?.money.currency)}. ${effect.description}`,
          from: LOUPE,
        });
        break;
      case 'send_answer':
        plan.messages.push({ body: effect.answer });
        break;
      case 'open_courier_claim':
        break;
      default:
        resolve(c, effect.type, effect.resolution, plan, later);
    }
  }
  if (input.reason) plan.detail.reason = input.reason;
  return plan;
}

/** The remedy chosen must be one the decision offers, unless staff decided the case themselves. */
function resolve(
  c: CaseActionContext,
  followUp: string,
  resolution: Resolution,
  plan: ActionPlan,
  later: (() => Promise<void>)[],
): void {
  const { row } = c;
  if (row.outcome === 'denied') {
    throw new DomainError('ILLEGAL_TRANSITION', 'the case is denied: nothing can be resolved', [
      { code: 'illegal_transition', path: ['resolution'], message: 'the outcome is denied' },
    ]);
  }
  const offered = row.decision?.resolutions ?? [];
  const decidedByPolicy = row.decision !== null && row.outcome === row.decision.outcome;
  if (decidedByPolicy && offered.length > 0 && !offered.includes(resolution)) {
    throw invalid('resolution', `the decision offers ${offered.join(', ')}, not ${resolution}`);
  }
  plan.detail.followUp = followUp;
  if (!isFollowUp(resolution)) return;
  const { order, policy } = c;
  if (!order || !policy || !row.request) {
    throw invalid('resolution', `a ${resolution} sends goods again: the case needs an order and a request`);
  }
  const request = row.request;
  const id = c.ctx.newId();
  later.push(async () => {
    const made = await createFollowUpOrder(c.tx, {
      caseId: row.id,
      caseNumber: row.number,
      original: order,
      request,
      policy,
      resolution,
      id,
      now: c.now,
    });
    plan.detail.followUpOrder = made;
  });
}

/** Decides again with what the shop found; what may be refunded only ever shrinks (never below what was refunded). */
function inspect(
  c: CaseActionContext,
  findings: NonNullable<TransitionInput['findings']>,
  plan: ActionPlan,
  later: (() => Promise<void>)[],
): void {
  const { row, order, policy } = c;
  if (!row.decision || !row.request || !order || !policy) {
    throw new DomainError('ILLEGAL_TRANSITION', 'only a decided request about an order can be inspected');
  }
  const result = inspectReturn({
    policy,
    requested: { shop: row.shopId, now: row.createdAt.toISOString(), order: order.order, request: row.request },
    decision: row.decision,
    findings,
  });
  if (!result.ok) {
    if (result.code === 'LINE_NOT_RETURNED') {
      throw new DomainError('UNKNOWN_LINE', result.message, [
        { code: 'line_not_returned', path: result.path, message: result.message },
      ]);
    }
    throw new Error(result.message);
  }
  // A case staff decided keeps their outcome unless what was found changes the policy's answer.
  const staffDecided = row.outcome !== row.decision.outcome;
  const outcome = staffDecided && !result.outcomeChanged ? row.outcome : result.decision.outcome;
  plan.patch.decision = result.decision;
  plan.patch.outcome = outcome;
  plan.detail.outcome = { before: row.outcome, after: outcome };
  plan.detail.changes = result.changes.map((ch) => ({ line: ch.id, changed: ch.changed }));
  if (!staffDecided || result.outcomeChanged) {
    const cents = refundableCents(result.decision);
    later.push(() => lowerRefundable(c.tx, row.id, cents));
  }
}

/**
 * What staff may refund when they decide a case themselves: nothing for a
 * denial; for a grant, what the policy's decision allowed, or when it allowed
 * nothing (it left the case to them) what was paid for the units asked about.
 */
function staffGrantCents(row: CaseRow, order: StoredOrder | undefined, outcome: Outcome): number {
  if (outcome === 'denied' || outcome === 'needs_review') return 0;
  const byPolicy = row.decision ? refundableCents(row.decision) : 0;
  const paid = order && row.request ? requestedValueCents(order.order, row.request) : 0;
  return Math.max(byPolicy, paid);
}

/** The request with facts about its return parcel added: the facts a re-decision at inspection sees. */
function withReturnShipment(request: Request, facts: NonNullable<Request['returnShipment']>): Request {
  return { ...request, returnShipment: { ...request.returnShipment, ...facts } };
}

function formatMoney(cents: number, currency = ''): string {
  return `${(cents / 100).toFixed(2)} ${currency}`.trim();
}
