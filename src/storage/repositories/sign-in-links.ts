import { and, eq, gt, isNull } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { customers, orders, signInLinks } from '../schema/index.ts';

/** A sign-in link as stored. */
export type SignInLinkRow = typeof signInLinks.$inferSelect;

/** Stores a new sign-in link. */
export async function insertSignInLink(db: LoupeDatabase, link: SignInLinkRow): Promise<void> {
  await db.insert(signInLinks).values(link);
}

/**
 * Marks the link with this token hash used at `now` and answers it, when it
 * is unused and unexpired; one `update`, so two exchanges of one link at once
 * give one session.
 */
export async function useSignInLink(
  db: LoupeDatabase,
  tokenHash: string,
  now: Date,
): Promise<SignInLinkRow | undefined> {
  const [row] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(and(eq(signInLinks.tokenHash, tokenHash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)))
    .returning();
  return row;
}

/** Whether the shop has an order placed with this email (lower-cased). */
export async function shopHasOrdersFor(db: LoupeDatabase, shopId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.shopId, shopId), eq(customers.email, email)))
    .limit(1);
  return row !== undefined;
}
