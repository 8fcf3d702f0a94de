import { eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { staffAccounts } from '../schema/index.ts';

/** A staff account as stored. */
export type StaffAccountRow = typeof staffAccounts.$inferSelect;

/** Adds a staff account; undefined when its email is taken (emails are kept lower-cased). */
export async function insertStaffAccount(
  db: LoupeDatabase,
  account: StaffAccountRow,
): Promise<StaffAccountRow | undefined> {
  const [row] = await db
    .insert(staffAccounts)
    .values({ ...account, email: account.email.trim().toLowerCase() })
    .onConflictDoNothing({ target: staffAccounts.email })
    .returning();
  return row;
}

/**
 * Adds the first account, only when there is none: the `where not exists` and
 * the unique email keep two processes starting at once from adding two.
 */
export async function insertFirstStaffAccount(db: LoupeDatabase, account: StaffAccountRow): Promise<boolean> {
  const a = { ...account, email: account.email.trim().toLowerCase() };
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into ${staffAccounts} (id, email, name, role, shop_id, password_hash, created_at)
    select ${a.id}, ${a.email}, ${a.name}, ${a.role}, ${a.shopId}, ${a.passwordHash}, ${a.createdAt}
    where not exists (select 1 from ${staffAccounts})
    on conflict do nothing
    returning id`);
  return rows.length > 0;
}

/** The staff account with this email (compared lower-cased). */
export async function findStaffAccountByEmail(db: LoupeDatabase, email: string): Promise<StaffAccountRow | undefined> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.email, email.trim().toLowerCase()));
  return row;
}
