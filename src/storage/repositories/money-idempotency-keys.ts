import { and, eq } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { idempotencyKeys } from '../schema/index.ts';

/** A claimed `Idempotency-Key`; `statusCode` and `response` are set once the first request's answer is stored. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/** What identifies a request under a key: the shop, the key, the route and a hash of its input. */
export type IdempotencyClaim = { shopId: string; key: string; route: string; requestHash: string; createdAt: Date };

/**
 * Claims the key for this request; false when it is already taken. On
 * PostgreSQL an insert that meets a key another open transaction claimed waits
 * for that transaction: if it commits this answers false, if it rolls back
 * this claim wins.
 */
export async function claimIdempotencyKey(db: LoupeDatabase, claim: IdempotencyClaim): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values(claim)
    .onConflictDoNothing({ target: [idempotencyKeys.shopId, idempotencyKeys.key] })
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** The key's row as committed; undefined when no one holds it. */
export async function findIdempotencyKey(
  db: LoupeDatabase,
  shopId: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key)));
  return row;
}

/**
 * Stores the first answer under a claimed key: its status and body. Answers
 * the body as the database keeps it (jsonb orders keys its own way), so the
 * first response and every replay are sent from the same value.
 */
export async function storeIdempotentResponse(
  db: LoupeDatabase,
  shopId: string,
  key: string,
  statusCode: number,
  body: unknown,
): Promise<unknown> {
  const [row] = await db
    .update(idempotencyKeys)
    .set({ statusCode, response: body })
    .where(and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key)))
    .returning({ response: idempotencyKeys.response });
  if (!row) throw new Error(`Idempotency-Key ${key} was not claimed`);
  return row.response;
}
