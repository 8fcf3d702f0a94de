import { DomainError } from '../domain/errors.ts';
import { findCase } from '../storage/repositories/cases.ts';
import { findOrderCustomer, findOrderCustomerCountingAttempts } from '../storage/repositories/orders.ts';
import type { AttemptsCounting } from '../storage/repositories/rate-limit-attempts.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** How a customer says who they are until sign-in exists: an order number and the email it was placed with. */
export type CustomerCredentials = { orderNumber: string; email: string };

/**
 * A rate limit on look-ups: the key the attempt counts under, and the check of
 * the attempts already counting, which throws when they are used up. It runs
 * before the email is compared, so the right email past the limit is refused too.
 */
export type LookUpLimit = { key: string; assertAllowed(attempts: AttemptsCounting): void };

/** Where the customer wants in: a shop (its orders), or one case. */
export type CustomerTarget = { shopId: string } | { caseId: string };

const refused = () =>
  new DomainError('UNAUTHORIZED', 'the order number and email do not match an order of this shop', [
    { code: 'unauthorized', path: ['email'], message: 'no order with this number was placed with this email' },
  ]);

/**
 * The customer of an order, when the email is the one the order was placed
 * with (compared without case). For a case, the order must be the case's.
 * A mismatch is UNAUTHORIZED and does not say which part was wrong.
 */
export async function identifyCustomer(
  ctx: ServiceContext,
  target: CustomerTarget,
  credentials: CustomerCredentials,
  limit?: LookUpLimit,
): Promise<Extract<Actor, { role: 'customer' }>> {
  // Reads only, each a snapshot of its own: no transaction needed.
  let shopId: string;
  let caseOrderId: string | null = null;
  if ('caseId' in target) {
    const c = await findCase(ctx.db, target.caseId);
    if (!c)
      throw new DomainError('NOT_FOUND', `no case ${target.caseId}`, [
        { code: 'not_found', path: ['id'], message: 'no such case' },
      ]);
    shopId = c.shopId;
    caseOrderId = c.orderId;
  } else shopId = target.shopId;
  let order: { orderId: string; email: string } | undefined;
  if (limit) {
    const found = await findOrderCustomerCountingAttempts(ctx.db, shopId, credentials.orderNumber, {
      key: limit.key,
      now: ctx.now(),
    });
    limit.assertAllowed(found.attempts);
    order = found.customer;
  } else order = await findOrderCustomer(ctx.db, shopId, credentials.orderNumber);
  const email = credentials.email.trim().toLowerCase();
  if (!order || order.email !== email) throw refused();
  if ('caseId' in target && caseOrderId !== order.orderId) throw refused();
  return { role: 'customer', shopId, orderIds: [order.orderId], email };
}
