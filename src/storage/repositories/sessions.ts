import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { customers, orders, sessions, signInLinks, staffAccounts } from '../schema/index.ts';
import type { StaffAccountRow } from './staff-accounts.ts';

/** A session as stored. */
export type SessionRow = typeof sessions.$inferSelect;

/** A live session with what it signs in as: its staff account, or the orders its customer may see. */
export type LiveSession = SessionRow & {
  staff: Pick<StaffAccountRow, 'id' | 'email' | 'name' | 'role' | 'shopId'> | null;
  orderIds: string[];
};

/** Stores a new session. */
export async function insertSession(db: LoupeDatabase, session: SessionRow): Promise<void> {
  await db.insert(sessions).values(session);
}

/**
 * The session whose token has this SHA-256, when it has not expired at `now`,
 * with its staff account or the ids of the orders it covers: the one order
 * it was opened for, or every order of its email in its shop (so an order
 * imported later is covered too). One round trip.
 */
export async function findLiveSession(
  db: LoupeDatabase,
  tokenHash: string,
  now: Date,
): Promise<LiveSession | undefined> {
  const [row] = await db
    .select({
      session: sessions,
      staff: {
        id: staffAccounts.id,
        email: staffAccounts.email,
        name: staffAccounts.name,
        role: staffAccounts.role,
        shopId: staffAccounts.shopId,
      },
      orderIds: sql<string[]>`case
        when ${sessions.kind} <> 'customer' then '{}'::text[]
        when ${sessions.orderId} is not null then array[${sessions.orderId}]
        else array(select o.id from ${orders} o join ${customers} c on c.id = o.customer_id
          where o.shop_id = ${sessions.shopId} and c.email = ${sessions.customerEmail} order by o.id)
      end`,
    })
    .from(sessions)
    .leftJoin(staffAccounts, eq(staffAccounts.id, sessions.staffId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row) return undefined;
  return { ...row.session, staff: row.staff, orderIds: row.orderIds };
}

/** Notes that the session was used at `now` (callers do it at most once a minute). */
export async function touchSession(db: LoupeDatabase, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** Ends a session (signing out). */
export async function deleteSession(db: LoupeDatabase, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Forgets sessions and sign-in links that expired before `now`; answers how many sessions. */
export async function purgeExpiredSessions(db: LoupeDatabase, now: Date): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  await db.delete(signInLinks).where(lt(signInLinks.expiresAt, now));
  return gone.length;
}
