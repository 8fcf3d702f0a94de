import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import { normaliseTrackingNumber } from '../integrations/parcels/recognize-tracking-number.ts';
import { transaction } from '../storage/database.ts';
import { findCase } from '../storage/repositories/cases.ts';
import {
  findCasesByReturnTrackingNumber,
  findShipmentsByTrackingNumber,
  insertTrackingEvents,
  recordOrderDelivery,
  refreshShipmentStatus,
  type TrackingEventRow,
} from '../storage/repositories/parcel-tracking.ts';
import type { Actor, ServiceContext } from './service-context.ts';
import { takeCaseAction } from './take-case-action.ts';

/** One scan of a parcel, as the carrier reported it. */
export type TrackingScan = { status: string; message: string | null; occurredAt: Date };

/** What a tracking service (EasyPost) says about one tracking number: its current status and every scan so far. */
export type TrackingUpdate = {
  /** Who reports it, for the audit log: `easypost`. */
  source: string;
  trackingNumber: string;
  carrier: string | null;
  status: string;
  /** When the tracker last changed, if said. */
  updatedAt: Date | null;
  scans: TrackingScan[];
};

/** What an update changed: the parcels it matched, the reports new to Loupe, orders shipped or delivered, returns received. */
export type TrackingUpdateOutcome = {
  shipments: string[];
  eventsStored: number;
  ordersShipped: string[];
  ordersDelivered: string[];
  casesReceived: string[];
};

// The parcel has left once a carrier reports any of these.
const MOVING = new Set(['in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered']);

/**
 * Takes in a carrier's news about a tracking number. Every scan is stored
 * once against each parcel with that number (an id made from the parcel and
 * the scan, so the same news twice stores nothing new), and the parcel's
 * status follows its latest scan. For a parcel to the customer, the first
 * scan on the move sets the order's `shippedAt` and the delivery sets its
 * `deliveredAt` (the start of the return windows), unless already on file.
 * A delivered parcel the customer sent back moves its case from `in_transit`
 * to `received` through the lifecycle, as the tracking service (a system
 * actor), audited like any move. A number Loupe does not know changes nothing.
 */
export async function recordTrackingUpdate(
  ctx: ServiceContext,
  update: TrackingUpdate,
): Promise<TrackingUpdateOutcome> {
  const now = ctx.now();
  const trackingNumber = normaliseTrackingNumber(update.trackingNumber);
  const outcome: TrackingUpdateOutcome = {
    shipments: [],
    eventsStored: 0,
    ordersShipped: [],
    ordersDelivered: [],
    casesReceived: [],
  };
  if (trackingNumber.length === 0) return outcome;
  const scans = [...update.scans].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const delivery = firstMoment(update, scans, now, (s) => s === 'delivered');

  await transaction(ctx.db, async (tx) => {
    for (const shipment of await findShipmentsByTrackingNumber(tx, trackingNumber)) {
      outcome.shipments.push(shipment.id);
      const rows = scans.map(
        (scan): TrackingEventRow => ({
          id: eventId(shipment.id, scan),
          shipmentId: shipment.id,
          status: scan.status,
          description: scan.message,
          occurredAt: scan.occurredAt,
          receivedAt: now,
        }),
      );
      outcome.eventsStored += await insertTrackingEvents(tx, rows);
      await refreshShipmentStatus(tx, shipment.id, update.status, update.carrier);
      if (shipment.direction !== 'outbound') continue;
      const moved = await recordOrderDelivery(tx, shipment.orderId, {
        shippedAt: firstMoment(update, scans, now, (s) => MOVING.has(s)),
        deliveredAt: delivery,
      });
      if (moved.shipped) outcome.ordersShipped.push(shipment.orderId);
      if (moved.delivered) outcome.ordersDelivered.push(shipment.orderId);
    }
  });

  if (delivery) {
    const actor: Actor = { role: 'system', name: update.source };
    const carrier = update.carrier ? ` (${update.carrier})` : '';
    const reason = `the carrier${carrier} reports the return parcel ${trackingNumber} delivered at ${delivery.toISOString()}`;
    for (const c of await findCasesByReturnTrackingNumber(ctx.db, trackingNumber)) {
      if (await receiveReturn(ctx, actor, c, reason)) outcome.casesReceived.push(c.id);
    }
  }
  return outcome;
}

/**
 * Moves a case whose return parcel arrived to `received`, by the lifecycle's
 * `receive`; answers whether it moved. A case no longer in transit (staff
 * received it by hand, or it moved on) is left as it is. Someone changing the
 * case at the same moment makes it read the case again, up to three times.
 */
async function receiveReturn(
  ctx: ServiceContext,
  actor: Actor,
  seen: { id: string; state: string; revision: number },
  reason: string,
): Promise<boolean> {
  let revision = seen.revision;
  let state = seen.state;
  for (let attempt = 0; attempt < 3 && state === 'in_transit'; attempt++) {
    try {
      await takeCaseAction(ctx, actor, { caseId: seen.id, action: 'receive', revision, input: { reason } });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'ILLEGAL_TRANSITION') return false;
      if (error.code !== 'CONFLICT') throw error;
      const again = await findCase(ctx.db, seen.id);
      if (!again) return false;
      revision = again.revision;
      state = again.state;
    }
  }
  return false;
}

/**
 * When the parcel first reached a status: its earliest such scan, else, if
 * the tracker's own status is one, the tracker's time (or when Loupe heard).
 */
function firstMoment(
  update: TrackingUpdate,
  scans: TrackingScan[],
  now: Date,
  reached: (status: string) => boolean,
): Date | null {
  const scan = scans.find((s) => reached(s.status));
  if (scan) return scan.occurredAt;
  return reached(update.status) ? (update.updatedAt ?? now) : null;
}

/** The same scan of the same parcel always has the same id: storing it again is a no-op. */
function eventId(shipmentId: string, scan: TrackingScan): string {
  const key = [shipmentId, scan.status, scan.occurredAt.toISOString(), scan.message ?? ''].join('\n');
  return `trk-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}
