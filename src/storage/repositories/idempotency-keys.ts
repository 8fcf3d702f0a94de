import { and, eq, lte } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { idempotencyKeys } from '../schema/index.ts';

/** A claimed `Idempotency-Key`; `statusCode` and `response` are set once the first request's answer is stored. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/** What identifies a request under a key: the shop, the key, the route and a hash of its input. */
export type IdempotencyClaim = { shopId: string; key: string; route: string; requestHash: string; createdAt: Date };

/**
 * How long a key holds its answer: 24 hours from its first use, as Stripe
 * keeps them. A client retries within minutes; after a day a key is free again.
 */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The instant at or before which a key claimed then has expired, seen from `now`. */
const expiredAtOrBefore = (now: Date) => new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);

/**
 * Claims the key for this request; false when it is held. A key whose
 * lifetime has run out counts as unused: its row is taken over in the same
 * statement (route, hash and time replaced, answer cleared). On PostgreSQL an
 * insert that meets a key another open transaction claimed waits for that
 * transaction: if it commits this answers false, if it rolls back this claim
 * wins.
 */
export async function claimIdempotencyKey(db: LoupeDatabase, claim: IdempotencyClaim): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values(claim)
    .onConflictDoUpdate({
      target: [idempotencyKeys.shopId, idempotencyKeys.key],
      set: {
        route: claim.route,
        requestHash: claim.requestHash,
        statusCode: null,
        response: null,
        createdAt: claim.createdAt,
      },
      setWhere: lte(idempotencyKeys.createdAt, expiredAtOrBefore(claim.createdAt)),
    })
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

/**
 * Deletes every key whose lifetime has run out at `now`, in every shop (one
 * range of the `created_at` index); answers how many. A key being taken over
 * meanwhile is not lost: the delete waits for that claim and then finds it new.
 */
export async function purgeExpiredIdempotencyKeys(db: LoupeDatabase, now: Date): Promise<number> {
  const purged = await db
    .delete(idempotencyKeys)
    .where(lte(idempotencyKeys.createdAt, expiredAtOrBefore(now)))
    .returning({ key: idempotencyKeys.key });
  return purged.length;
}
