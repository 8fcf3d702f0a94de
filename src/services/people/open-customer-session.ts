import { type CustomerCredentials, identifyCustomer } from '../identify-customer.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { type StartedSession, startSession } from './start-session.ts';

/**
 * A customer session scoped to one order, for its number and the email it was
 * placed with (UNAUTHORIZED on a mismatch, not saying which part).
 */
export async function openCustomerSession(
  ctx: ServiceContext,
  shopId: string,
  credentials: CustomerCredentials,
): Promise<StartedSession & { actor: Extract<Actor, { role: 'customer' }> }> {
  const actor = await identifyCustomer(ctx, { shopId }, credentials);
  const orderId = actor.orderIds[0] ?? null;
  const started = await startSession(ctx, { kind: 'customer', shopId, email: actor.email, orderId });
  return { ...started, actor };
}
