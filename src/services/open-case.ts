import { transition } from '../domain/cases/case-states.ts';
import type { Request } from '../domain/contract/case.schema.ts';
import { compilePolicy } from '../domain/decide/compile-policy.ts';
import { decide } from '../domain/decide/decide.ts';
import { DomainError } from '../domain/errors.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import { transaction } from '../storage/database.ts';
import { appendAudit } from '../storage/repositories/audit-log.ts';
import { insertCaseMoney } from '../storage/repositories/case-money.ts';
import { type CaseRow, findCase, insertCase, nextCaseNumber } from '../storage/repositories/cases.ts';
import { insertMessage } from '../storage/repositories/messages.ts';
import type { StoredOrder } from '../storage/repositories/orders.ts';
import { policyVersionInForce } from '../storage/repositories/policy-versions.ts';
import { assertMayAccessOrder, assertStaffOf } from './assert-access.ts';
import { authorKindOf, authorNameOf } from './author-kind.ts';
import { type CaseView, readCaseView } from './case-view.ts';
import { findOrderOrThrow } from './find-order-or-throw.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { refundableCents } from './refundable-cents.ts';
import { type Actor, describeActor, LOUPE, type ServiceContext } from './service-context.ts';

/** A question with nothing to decide ("a general inquiry with no decision"). */
export type Inquiry = { type: 'inquiry' };

/** What opens a case: the shop, the order it is about (an inquiry may have none), the request, a first message. */
export type OpenCaseInput = {
  shopId: string;
  orderNumber?: string | undefined;
  request: Request | Inquiry;
  message?: string | undefined;
};

const isInquiry = (r: Request | Inquiry): r is Inquiry => r.type === 'inquiry';

/**
 * Opens a case. A request is decided at once under the policy version in
 * force when its order was placed, and stored with its decision, deadlines and
 * what it allows back in money; Loupe's `decide` moves it out of `submitted`.
 * An inquiry opens in `inquiry`, with the shop's reply deadline. The case
 * number is the shop's next, taken under a lock on the shop's row. One
 * transaction; every step audited with its actor and policy version.
 */
export async function openCase(ctx: ServiceContext, actor: Actor, input: OpenCaseInput): Promise<CaseView> {
  const { shopId, request } = input;
  if (actor.role !== 'customer') assertStaffOf(actor, shopId);
  if (isInquiry(request) && !input.message?.trim()) {
    throw new DomainError('MISSING_INPUT', 'message: an inquiry needs the question itself', [
      { code: 'missing_input', path: ['message'], message: 'write the question' },
    ]);
  }
  if (!isInquiry(request) && input.orderNumber === undefined) {
    throw new DomainError('MISSING_INPUT', `orderNumber: a ${request.type} request is about an order`, [
      { code: 'missing_input', path: ['orderNumber'], message: 'name the order' },
    ]);
  }
  const now = ctx.now();
  const caseId = await transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, shopId);
    const order =
      input.orderNumber === undefined
        ? undefined
        : await findOrderOrThrow(tx, shopId, input.orderNumber, 'orderNumber');
    assertMayAccessOrder(actor, { shopId, orderId: order?.id ?? null });
    const version = await policyVersionInForce(tx, shopId, order ? new Date(order.order.placedAt) : now);
    if (!version) throw new Error(`shop ${shopId} has no policy version`);
    const policy = version.policy;

    const opened = isInquiry(request)
      ? inquiryCase(policy, now)
      : requestCase(policy, order as StoredOrder, request, now);
    const number = await nextCaseNumber(tx);
    const id = ctx.newId();
    const row: CaseRow = {
      id,
      shopId,
      orderId: order?.id ?? null,
      number,
      type: request.type,
      state: opened.state,
      request: isInquiry(request) ? null : request,
      decision: opened.decision,
      outcome: opened.decision?.outcome ?? null,
      policyVersionId: version.id,
      authorizationNumber: null,
      returnAddress: null,
      shipBy: opened.shipBy,
      returnTrackingNumber: null,
      respondsBy: opened.respondsBy,
      resolutionBy: opened.resolutionBy,
      repairQuoteCents: null,
      createdAt: now,
      updatedAt: now,
      revision: 0,
    };
    await insertCase(tx, row);
    if (opened.decision) {
      await insertCaseMoney(tx, {
        caseId: id,
        currency: opened.decision.money.currency,
        refundableCents: refundableCents(opened.decision),
      });
    }
    const entry = { shopId, caseId: id, policyVersionId: version.id, at: now };
    const initial = isInquiry(request) ? 'inquiry' : 'submitted';
    await appendAudit(tx, [
      {
        ...entry,
        actor: describeActor(actor),
        action: 'open',
        fromState: null,
        toState: initial,
        detail: { type: request.type, orderNumber: input.orderNumber ?? null },
      },
      ...(opened.decision
        ? [
            {
              ...entry,
              actor: describeActor(LOUPE),
              action: 'decide',
              fromState: initial,
              toState: opened.state,
              detail: { outcome: opened.decision.outcome, policyVersion: version.version },
            },
          ]
        : []),
    ]);
    if (input.message?.trim()) {
      await insertMessage(tx, {
        id: ctx.newId(),
        caseId: id,
        authorKind: authorKindOf(actor),
        author: authorNameOf(actor),
        body: input.message,
        createdAt: now,
      });
    }
    return id;
  });
  // Read after the commit, so the shop's row is not held locked while the view is put together.
  return transaction(ctx.db, async (tx) => {
    const stored = await findCase(tx, caseId);
    if (!stored) throw new Error('the case just stored is missing');
    return readCaseView(tx, stored, actor, now);
  });
}

type Opened = Pick<CaseRow, 'state' | 'decision' | 'shipBy' | 'respondsBy' | 'resolutionBy'>;

const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/** A request decided now under the policy, moved by Loupe's `decide` to the state its outcome leads to. */
function requestCase(policy: Policy, order: StoredOrder, request: Request, now: Date): Opened {
  const decision = decide(policy, { shop: policy.id, now: now.toISOString(), order: order.order, request });
  const moved = transition(
    'submitted',
    'decide',
    { role: 'system', id: describeActor(LOUPE) },
    {
      outcome: decision.outcome,
    },
  );
  if (!moved.ok) throw new Error(`the lifecycle refused to decide a new case: ${moved.message}`);
  return {
    state: moved.to,
    decision,
    shipBy: dateOrNull(decision.deadlines.returnBy),
    respondsBy: dateOrNull(decision.deadlines.shopRespondsBy),
    resolutionBy: dateOrNull(decision.deadlines.resolutionBy),
  };
}

/** An inquiry: nothing to decide; the shop owes a reply when its policy promises one for any request. */
function inquiryCase(policy: Policy, now: Date): Opened {
  const promise = policy.responseTime;
  const respondsBy =
    promise && !promise.request
      ? new Date(compilePolicy(policy).endOfBusinessDayAfter(now.getTime(), promise.businessDays))
      : null;
  return { state: 'inquiry', decision: null, shipBy: null, respondsBy, resolutionBy: null };
}
