import type { Request } from '../../domain/contract/case.schema.ts';
import type { Decision } from '../../domain/contract/decision.schema.ts';
import { decide } from '../../domain/decide/decide.ts';
import { transaction } from '../../storage/database.ts';
import { assertMayAccessOrder } from '../assert-access.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { findOrderWithPolicy } from './find-order-with-policy.ts';

/**
 * The decision a request would get if it were opened now, under the policy
 * version in force when the order was placed, as opening the case decides it;
 * nothing is stored: the customer sees what they will get before they ask.
 */
export async function previewRequest(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  number: string,
  request: Request,
): Promise<Decision> {
  return transaction(ctx.db, async (tx) => {
    const { stored, policy } = await findOrderWithPolicy(tx, shopId, number);
    assertMayAccessOrder(actor, { shopId, orderId: stored.id });
    return decide(policy, { shop: policy.id, now: ctx.now().toISOString(), order: stored.order, request });
  });
}
