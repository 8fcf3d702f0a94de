import type { Line, Order, Request, Resolution } from '../domain/contract/case.schema.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { type StoredOrder, saveOrder } from '../storage/repositories/orders.ts';
import type { OrderKind } from '../storage/schema/orders.ts';

/** The remedies that send goods out again, and the kind of order each makes. */
export const FOLLOW_UP_KINDS = {
  exchange: 'exchange',
  remake: 'remake',
  replacement: 'replacement',
  discounted_replacement: 'replacement',
  reship: 'reship',
} as const satisfies Partial<Record<Resolution, OrderKind>>;
export type FollowUpResolution = keyof typeof FOLLOW_UP_KINDS;

/** Whether a remedy sends goods out again as an order of its own. */
export const isFollowUp = (r: Resolution): r is FollowUpResolution => r in FOLLOW_UP_KINDS;

/**
 * Whether the policy makes a remake or replacement final sale: a clause that
 * refuses every return or exchange of such a piece and looks at nothing else
 * ("We can only offer a remake or replacement for your order once and is
 * deemed final sale once received").
 */
export function remakesAreFinalSale(policy: Policy): boolean {
  return policy.clauses.some((c) => {
    const { request, previousRemakeOrReplacement, ...rest } = c.when ?? {};
    return (
      c.then?.outcome === 'denied' &&
      previousRemakeOrReplacement === true &&
      Object.keys(rest).length === 0 &&
      (request === undefined || request.includes('return'))
    );
  });
}

/** What `createFollowUpOrder` needs: the case, its order and policy, the remedy, and the moment. */
export type FollowUp = {
  caseId: string;
  caseNumber: number;
  original: StoredOrder;
  request: Request;
  policy: Policy;
  resolution: FollowUpResolution;
  id: string;
  now: Date;
};

/**
 * The new shipment a remake, replacement, exchange or reship sets in motion,
 * as an order of its own made by the case: the request's lines again, for the
 * quantities asked about, not yet shipped. A remake's or replacement's lines
 * are marked as such (the next request about them sees it) and are final
 * sale where the policy says so. Answers the new order's number and kind.
 */
export async function createFollowUpOrder(
  db: LoupeDatabase,
  f: FollowUp,
): Promise<{ id: string; number: string; kind: OrderKind }> {
  const kind = FOLLOW_UP_KINDS[f.resolution];
  const remade = kind === 'remake' || kind === 'replacement';
  const finalSale = remade && remakesAreFinalSale(f.policy);
  const quantities = new Map((f.request.lineDetails ?? []).map((d) => [d.id, d.quantity]));
  const lines: Line[] = f.original.order.lines
    .filter((l) => f.request.lines.includes(l.id))
    .map(({ shippedAt: _s, deliveredAt: _d, discount, ...line }) => {
      const quantity = Math.min(line.quantity, quantities.get(line.id) ?? line.quantity);
      const shared = discount === undefined ? undefined : Math.round((discount * quantity) / line.quantity);
      return {
        ...line,
        quantity,
        ...(shared ? { discount: shared } : {}),
        previousRemakeOrReplacement: line.previousRemakeOrReplacement || remade,
        finalSale: line.finalSale || finalSale,
      };
    });
  const { number, currency, destinationCountry, paymentMethod } = f.original.order;
  const order: Order = {
    number: `${number}-${kind.toUpperCase()}-${f.caseNumber}`,
    placedAt: f.now.toISOString(),
    currency,
    destinationCountry,
    lines,
  };
  if (paymentMethod) order.paymentMethod = paymentMethod;
  const saved = await saveOrder(db, {
    id: f.id,
    shopId: f.original.shopId,
    customerId: f.original.customer.id,
    order,
    kind,
    originCaseId: f.caseId,
    createdAt: f.now,
  });
  return { id: saved.id, number: order.number, kind };
}
