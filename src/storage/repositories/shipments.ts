import { and, asc, eq } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { shipments } from '../schema/index.ts';

/** A parcel of an order, either way. */
export type ShipmentRow = typeof shipments.$inferSelect;

/** A parcel to record: the platform's tracking page only when it gave one. */
export type NewShipment = Omit<ShipmentRow, 'trackingUrl'> & { trackingUrl?: string | null };

/** Records a parcel. */
export async function insertShipment(db: LoupeDatabase, row: NewShipment): Promise<void> {
  await db.insert(shipments).values(row);
}

/** An order's parcels, the first made first. */
export function listShipments(db: LoupeDatabase, orderId: string): Promise<ShipmentRow[]> {
  return db.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.createdAt));
}

/** Sets the status of a case's return parcels (`received` once the shop has the goods). */
export async function setReturnShipmentStatus(db: LoupeDatabase, caseId: string, status: string): Promise<void> {
  await db
    .update(shipments)
    .set({ status })
    .where(and(eq(shipments.caseId, caseId), eq(shipments.direction, 'return')));
}
