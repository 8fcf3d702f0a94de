import { DateTime } from 'luxon';
import type { Order, Reason, Request, RequestType } from '../../domain/contract/case.schema.ts';
import type { Decision, Outcome, ReasonCitation } from '../../domain/contract/decision.schema.ts';
import { decide } from '../../domain/decide/decide.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { transaction } from '../../storage/database.ts';
import { assertMayAccessOrder } from '../assert-access.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { type ConditionQuestion, conditionQuestions } from './condition-questions.ts';
import { findOrderWithPolicy } from './find-order-with-policy.ts';

/** The last moment a request may be made: the instant and its calendar date in the shop's time zone. */
export type Deadline = { at: string; localDate: string };

/** What one kind of request would get now, as the shop's policy decides it. */
export type RequestOption = {
  type: RequestType;
  /** The reason the option was decided for (the first of `reasonChoices`). */
  reason: Reason;
  outcome: Outcome;
  resolutions: Decision['resolutions'];
  returnRequired: boolean;
  returnShippingPaidBy: Decision['returnShippingPaidBy'];
  deadline: Deadline | null;
  reasons: ReasonCitation[];
  questions: ConditionQuestion[];
  reasonChoices: Reason[];
  lines: { id: string; title: string | null; outcome: Outcome; deadline: Deadline | null }[];
};

/** What a customer may ask about an order now, each kind of request decided by the engine. */
export type OrderOptions = { timeZone: string; now: string; options: RequestOption[] };

// The reasons a customer picks from for each kind of request; the first is the one the option is decided for.
const REASON_CHOICES: Partial<Record<RequestType, Reason[]>> = {
  cancel: ['changed_mind', 'other'],
  change_address: ['wrong_address_by_customer'],
  return: ['changed_mind', 'not_as_expected', 'wrong_size_ordered', 'wrong_color_ordered', 'wrong_item_sent'],
  exchange: ['wrong_size_ordered', 'wrong_color_ordered', 'wrong_material_ordered', 'changed_mind'],
  warranty: ['defective', 'tarnished', 'broken', 'needs_repair'],
  report_problem: ['arrived_damaged', 'wrong_item_sent', 'not_received', 'lost_in_transit'],
};

/** The kinds of request that make sense for where the order is: before it ships, on its way, or delivered. */
export function requestTypesFor(order: Order): RequestType[] {
  const delivered = Boolean(order.deliveredAt) || order.lines.some((l) => l.deliveredAt);
  const shipped = delivered || Boolean(order.shippedAt) || order.lines.some((l) => l.shippedAt);
  if (!shipped) return ['cancel', 'change_address'];
  if (!delivered) return ['report_problem'];
  return ['return', 'exchange', 'warranty', 'report_problem'];
}

/** A decision's request deadline with its local date in the shop's zone. */
export function deadlineOf(at: string | null, timeZone: string): Deadline | null {
  if (at === null) return null;
  const local = DateTime.fromISO(at, { setZone: true }).setZone(timeZone).toISODate();
  return { at: new Date(at).toISOString(), localDate: local ?? at.slice(0, 10) };
}

/** One kind of request decided for the whole order and for each line alone (each line's own deadline). */
export function decideOption(policy: Policy, order: Order, type: RequestType, now: Date): RequestOption {
  const choices = REASON_CHOICES[type] ?? ['other'];
  const reason = choices[0] ?? 'other';
  const ask = (lines: string[]): Decision => {
    const request: Request = { type, lines, reason };
    return decide(policy, { shop: policy.id, now: now.toISOString(), order, request });
  };
  const zone = policy.profile.timeZone;
  const whole = ask(order.lines.map((l) => l.id));
  return {
    type,
    reason,
    outcome: whole.outcome,
    resolutions: whole.resolutions,
    returnRequired: whole.returnRequired,
    returnShippingPaidBy: whole.returnShippingPaidBy,
    deadline: deadlineOf(whole.deadlines.requestBy, zone),
    reasons: whole.reasons,
    questions: conditionQuestions(policy, type, whole.requirements),
    reasonChoices: choices,
    lines: order.lines.map((line) => {
      const one = ask([line.id]);
      return {
        id: line.id,
        title: line.title ?? null,
        outcome: one.outcome,
        deadline: deadlineOf(one.deadlines.requestBy, zone),
      };
    }),
  };
}

/**
 * "What can I ask for?": each kind of request that makes sense for the order
 * now, decided by the engine under the policy version in force when the order
 * was placed, with its deadline, the shop's sentences and the questions about
 * the goods the policy needs. Reads only.
 */
export async function listOrderOptions(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  number: string,
): Promise<OrderOptions> {
  return transaction(ctx.db, async (tx) => {
    const { stored, policy } = await findOrderWithPolicy(tx, shopId, number);
    assertMayAccessOrder(actor, { shopId, orderId: stored.id });
    const now = ctx.now();
    return {
      timeZone: policy.profile.timeZone,
      now: now.toISOString(),
      options: requestTypesFor(stored.order).map((type) => decideOption(policy, stored.order, type, now)),
    };
  });
}
