import type { DeliveryEstimate } from '../domain/calendar/delivery-estimate.ts';
import type { CaseState } from '../domain/cases/case-states.ts';
import type { Order } from '../domain/contract/case.schema.ts';
import { recognizeTrackingNumber } from '../integrations/parcels/recognize-tracking-number.ts';
import { type LoupeDatabase, transaction } from '../storage/database.ts';
import { listCasesOfOrder } from '../storage/repositories/cases.ts';
import { policyVersionInForce } from '../storage/repositories/policy-versions.ts';
import { listShipments } from '../storage/repositories/shipments.ts';
import type { CaseType } from '../storage/schema/cases.ts';
import type { OrderKind } from '../storage/schema/orders.ts';
import type { ShipmentDirection } from '../storage/schema/shipments.ts';
import { assertMayAccessOrder } from './assert-access.ts';
import { caseReference } from './case-reference.ts';
import { deliveryEstimateOf } from './estimate-order-delivery.ts';
import { findOrderOrThrow } from './find-order-or-throw.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** An order as the desk and the portal show it: its facts and lines, parcels, delivery estimate and cases. */
export type OrderView = {
  id: string;
  shop: string;
  number: string;
  kind: OrderKind;
  originCaseId: string | null;
  customer: { email: string; name: string | null };
  policyVersion: { id: string; version: string };
  order: Order;
  /** Refunded in Shopify before or beside Loupe, in minor units: a case refunds only what is left. */
  refundedOutsideCents: number;
  /** When Shopify cancelled the order (an ISO instant); a case on it has nothing left to refund. */
  cancelledAt: string | null;
  shipments: {
    id: string;
    direction: ShipmentDirection;
    caseId: string | null;
    carrier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    status: string;
    createdAt: string;
  }[];
  tracking: { carrierName: string; trackingNumber: string; trackingUrl: string | null } | null;
  deliveryEstimate: DeliveryEstimate;
  cases: { id: string; reference: string; type: CaseType; state: CaseState }[];
};

/** The outbound parcel's carrier, recognised from its number, and its tracking page (Shopify's when stored). */
function outboundTracking(
  trackingNumber: string | null | undefined,
  storedUrl: string | null | undefined,
): OrderView['tracking'] {
  if (!trackingNumber) return null;
  const known = recognizeTrackingNumber(trackingNumber);
  return {
    carrierName: known.carrierName,
    trackingNumber: known.trackingNumber,
    trackingUrl: storedUrl ?? known.trackingUrl,
  };
}

/** Reads an order's view; the caller has checked who may see it. */
export async function readOrderView(
  db: LoupeDatabase,
  shopId: string,
  number: string,
  actor: Actor,
): Promise<OrderView> {
  const stored = await findOrderOrThrow(db, shopId, number);
  assertMayAccessOrder(actor, { shopId, orderId: stored.id });
  const version = await policyVersionInForce(db, shopId, new Date(stored.order.placedAt));
  if (!version) throw new Error(`shop ${shopId} has no policy version`);
  const shipments = await listShipments(db, stored.id);
  const cases = await listCasesOfOrder(db, stored.id);
  const outbound = shipments.find((s) => s.direction === 'outbound' && s.trackingNumber);
  return {
    id: stored.id,
    shop: shopId,
    number: stored.order.number,
    kind: stored.kind,
    originCaseId: stored.originCaseId,
    customer: { email: stored.customer.email, name: stored.customer.name },
    policyVersion: { id: version.id, version: version.version },
    order: stored.order,
    refundedOutsideCents: stored.refundedOutsideCents,
    cancelledAt: stored.cancelledAt?.toISOString() ?? null,
    shipments: shipments.map((s) => ({
      id: s.id,
      direction: s.direction,
      caseId: s.caseId,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      // Shopify's own tracking page when it gave one, else the carrier's recognised from the number.
      trackingUrl: s.trackingUrl ?? (s.trackingNumber ? recognizeTrackingNumber(s.trackingNumber).trackingUrl : null),
      status: s.status,
      createdAt: s.createdAt.toISOString(),
    })),
    tracking: outbound
      ? outboundTracking(outbound.trackingNumber, outbound.trackingUrl)
      : outboundTracking(stored.order.carrier?.trackingNumber, null),
    deliveryEstimate: deliveryEstimateOf(version.policy.profile, stored.order),
    cases: cases.map((c) => ({
      id: c.id,
      reference: caseReference(c.shopId, c.number),
      type: c.type,
      state: c.state as CaseState,
    })),
  };
}

/** One order with its lines, parcels, delivery estimate, the policy version it falls under, and its cases. */
export async function getOrder(ctx: ServiceContext, actor: Actor, shopId: string, number: string): Promise<OrderView> {
  return transaction(ctx.db, (tx) => readOrderView(tx, shopId, number, actor));
}
