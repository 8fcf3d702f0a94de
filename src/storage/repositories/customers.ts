import { eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { customers } from '../schema/index.ts';

/** A shop's customer as stored. */
export type CustomerRow = typeof customers.$inferSelect;

/**
 * The customer of a shop with this email, added if new; a name given replaces
 * the one on file. Emails are kept lower-cased (the table checks it).
 */
export async function upsertCustomer(
  db: LoupeDatabase,
  customer: { id: string; shopId: string; email: string; name?: string | undefined; createdAt: Date },
): Promise<CustomerRow> {
  const email = customer.email.trim().toLowerCase();
  const [row] = await db
    .insert(customers)
    .values({ ...customer, email, name: customer.name ?? null })
    .onConflictDoUpdate({
      target: [customers.shopId, customers.email],
      set: { name: sql`coalesce(excluded.name, ${customers.name})` },
    })
    .returning();
  if (!row) throw new Error('upsert returned no customer');
  return row;
}

/** The customer with this id. */
export async function findCustomer(db: LoupeDatabase, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row;
}
