import { transition } from '../domain/cases/case-states.ts';
import type { Request } from '../domain/contract/case.schema.ts';
import { compilePolicy } from '../domain/decide/compile-policy.ts';
import { decide } from '../domain/decide/decide.ts';
import { DomainError } from '../domain/errors.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { type CaseRow, insertNewCase, nextCaseNumber } from '../storage/repositories/cases.ts';
import { findOrderToDecide, type OrderToDecide, type StoredOrder } from '../storage/repositories/orders.ts';
import { policyVersionInForce, storedPolicyVersion } from '../storage/repositories/policy-versions.ts';
import { assertMayAccessOrder, assertStaffOf } from './assert-access.ts';
import { authorKindOf, authorNameOf } from './author-kind.ts';
import { type CaseView, caseViewOf } from './case-view.ts';
import { orderNotFound } from './find-order-or-throw.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import { caseOpenedMailRows } from './mail/mails-on-case-opened.ts';
import { leftToRefundCents, refundableCents } from './refundable-cents.ts';
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
 * An inquiry opens in `inquiry`, with the shop's reply deadline. One read
 * (the order, its lines and the version in force) and one write statement
 * (case, money, audit, message: all or nothing); every step audited with its
 * actor and policy version. The case number comes from a sequence, so openings never
 * wait on each other.
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
  // One read and one write statement: under READ COMMITTED a BEGIN/COMMIT
  // around them would add no guarantee (each statement reads its own snapshot)
  // but two round trips, and the write is atomic by itself. Inside a caller's
  // transaction (ctx.db a transaction, as under an Idempotency-Key) both are part of it.
  const db = ctx.db;
  const found =
    input.orderNumber === undefined ? undefined : await findOrderToDecideOrThrow(db, shopId, input.orderNumber);
  if (!found) await findShopOrThrow(db, shopId);
  const order = found?.order;
  assertMayAccessOrder(actor, { shopId, orderId: order?.id ?? null });
  const version = found?.policyVersionId
    ? await storedPolicyVersion(db, found.policyVersionId)
    : await policyVersionInForce(db, shopId, now);
  if (!version) throw new Error(`shop ${shopId} has no policy version`);
  const policy = version.policy;

  const opened = isInquiry(request)
    ? inquiryCase(policy, now)
    : requestCase(policy, order as StoredOrder, request, now);
  const id = ctx.newId();
  const row: CaseRow = {
    number: await nextCaseNumber(db),
    id,
    shopId,
    orderId: order?.id ?? null,
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
  // Refunds made in Shopify count against the order: the case allows at most what is left of it.
  const money = opened.decision
    ? {
        caseId: id,
        currency: opened.decision.money.currency,
        refundableCents: order
          ? Math.min(refundableCents(opened.decision), leftToRefundCents(order.order, order))
          : refundableCents(opened.decision),
      }
    : undefined;
  const entry = { shopId, caseId: id, policyVersionId: version.id, at: now };
  const initial = isInquiry(request) ? 'inquiry' : 'submitted';
  const audit = [
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
  ];
  const message = input.message?.trim()
    ? {
        id: ctx.newId(),
        caseId: id,
        authorKind: authorKindOf(actor),
        author: authorNameOf(actor),
        body: input.message,
        createdAt: now,
      }
    : undefined;
  // Its mails ("we have your request", the decision) are stored with it: a rollback drops them.
  const mail = caseOpenedMailRows(ctx, row, order, policy);
  await insertNewCase(db, { row, money, audit, message, mail });
  // The view from what was just stored: nothing is read back.
  return caseViewOf(
    row,
    {
      order: order && { id: order.id, number: order.order.number },
      version,
      money: money && { ...money, refundedCents: 0 },
      audit: audit.map((a) => ({ ...a, policyVersion: version.version })),
      messages: message ? [{ ...message, attachments: [] }] : [],
    },
    actor,
    now,
  );
}

/** The shop's order with this number and its policy version in force, or NOT_FOUND naming `orderNumber` (UNKNOWN_SHOP first). */
async function findOrderToDecideOrThrow(db: LoupeDatabase, shopId: string, number: string): Promise<OrderToDecide> {
  const found = await findOrderToDecide(db, shopId, number);
  if (found) return found;
  await findShopOrThrow(db, shopId);
  throw orderNotFound(shopId, number, 'orderNumber');
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
