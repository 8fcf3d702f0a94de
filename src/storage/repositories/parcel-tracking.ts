import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { cases, orders, shipments, trackingEvents } from '../schema/index.ts';
import type { ShipmentRow } from './shipments.ts';

/** A carrier's report about a parcel, as stored. */
export type TrackingEventRow = typeof trackingEvents.$inferSelect;

// Tracking numbers compare as carriers print them: upper case, without spaces or dashes (as a customer may type them).
const normalised = (column: typeof shipments.trackingNumber | typeof cases.returnTrackingNumber) =>
  sql`upper(regexp_replace(${column}, '[^A-Za-z0-9]', '', 'g'))`;

/**
 * The parcels, either way, with this tracking number (normalised: upper case,
 * letters and digits only), the latest first. Carriers recycle numbers after
 * a while, so more than one may answer.
 */
export function findShipmentsByTrackingNumber(db: LoupeDatabase, trackingNumber: string): Promise<ShipmentRow[]> {
  return db
    .select()
    .from(shipments)
    .where(sql`${normalised(shipments.trackingNumber)} = ${trackingNumber}`)
    .orderBy(desc(shipments.createdAt));
}

/** The cases whose customer gave this tracking number for the parcel they sent back, with their state and revision. */
export function findCasesByReturnTrackingNumber(
  db: LoupeDatabase,
  trackingNumber: string,
): Promise<{ id: string; state: string; revision: number }[]> {
  return db
    .select({ id: cases.id, state: cases.state, revision: cases.revision })
    .from(cases)
    .where(sql`${normalised(cases.returnTrackingNumber)} = ${trackingNumber}`)
    .orderBy(asc(cases.createdAt));
}

/** Stores carrier reports; one whose id is stored already is skipped, so the same report twice is stored once. Answers how many were new. */
export async function insertTrackingEvents(db: LoupeDatabase, rows: TrackingEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await db.insert(trackingEvents).values(rows).onConflictDoNothing().returning({ id: trackingEvents.id });
  return added.length;
}

/**
 * Sets a parcel's status to that of its latest report (so a report that
 * arrives late does not move it back), else to `fallback`; names its carrier
 * if it had none. A return parcel the shop has marked `received` stays so.
 */
export async function refreshShipmentStatus(
  db: LoupeDatabase,
  shipmentId: string,
  fallback: string,
  carrier: string | null,
): Promise<void> {
  const latest = db
    .select({ status: trackingEvents.status })
    .from(trackingEvents)
    .where(eq(trackingEvents.shipmentId, shipmentId))
    .orderBy(desc(trackingEvents.occurredAt), desc(trackingEvents.receivedAt))
    .limit(1);
  await db
    .update(shipments)
    .set({
      status: sql`coalesce((${latest}), ${fallback})`,
      carrier: sql`coalesce(${shipments.carrier}, ${carrier})`,
    })
    .where(and(eq(shipments.id, shipmentId), sql`${shipments.status} <> 'received'`));
}

/**
 * Records when an order's parcel left and arrived, keeping what is on file:
 * the first moment known stays (a delivery date starts the return windows).
 * Answers which of the two were set now.
 */
export async function recordOrderDelivery(
  db: LoupeDatabase,
  orderId: string,
  moments: { shippedAt: Date | null; deliveredAt: Date | null },
): Promise<{ shipped: boolean; delivered: boolean }> {
  const [before] = await db
    .select({ shippedAt: orders.shippedAt, deliveredAt: orders.deliveredAt })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!before) return { shipped: false, delivered: false };
  const shipped = before.shippedAt === null && moments.shippedAt !== null;
  const delivered = before.deliveredAt === null && moments.deliveredAt !== null;
  if (shipped || delivered) {
    await db
      .update(orders)
      .set({
        ...(shipped ? { shippedAt: moments.shippedAt } : {}),
        ...(delivered ? { deliveredAt: moments.deliveredAt } : {}),
      })
      .where(eq(orders.id, orderId));
  }
  return { shipped, delivered };
}
