import { DomainError } from '../domain/errors.ts';
import { transaction } from '../storage/database.ts';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  purgeExpiredIdempotencyKeys,
  storeIdempotentResponse,
} from '../storage/repositories/idempotency-keys.ts';
import type { ServiceContext } from './service-context.ts';

/** A request under an `Idempotency-Key`: the shop it is scoped to, the key, the route, and `hashRequest` of its input. */
export type IdempotentRequest = { shopId: string; key: string; route: string; requestHash: string };

/** The answer to send: its status and its body as JSON text, the same the first time and on every replay (`replayed`). */
export type IdempotentResponse = { status: number; body: string; replayed: boolean };

/**
 * Does `work` at most once per key while the key lives (24 hours). In one
 * transaction it claims the key, does the work (given a context whose `db` is
 * that transaction) and stores the answer, so the effect and the stored answer
 * commit together or not at all. A retry with the same key and input gets the
 * first answer, byte for byte; the same key with another input or route is
 * IDEMPOTENCY_MISMATCH (409). A refusal (a DomainError from `work`) rolls the
 * claim back with everything else, so a retry is judged afresh. Concurrent
 * retries on PostgreSQL queue on the key's unique index until the first
 * commits; PGlite runs them in turn. An expired key counts as unused: the
 * request runs again.
 */
export async function withIdempotency(
  ctx: ServiceContext,
  request: IdempotentRequest,
  work: (ctx: ServiceContext) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentResponse> {
  const now = ctx.now();
  await purgeNowAndThen(ctx, now);
  return transaction(ctx.db, async (tx) => {
    const claimed = await claimIdempotencyKey(tx, { ...request, createdAt: now });
    if (!claimed) {
      const stored = await findIdempotencyKey(tx, request.shopId, request.key);
      if (stored && (stored.route !== request.route || stored.requestHash !== request.requestHash))
        throw new DomainError(
          'IDEMPOTENCY_MISMATCH',
          `Idempotency-Key: "${request.key}" was first used for another request (${stored.route}); use a new key for a new request`,
          [{ code: 'idempotency_mismatch', path: ['Idempotency-Key'], message: 'used for another request' }],
        );
      // A claim commits only with its answer, so a committed row always has one.
      if (stored?.statusCode == null) throw new Error(`Idempotency-Key ${request.key} is held without an answer`);
      return { status: stored.statusCode, body: JSON.stringify(stored.response), replayed: true };
    }
    const answer = await work({ ...ctx, db: tx });
    // JSON round trip first: the stored body is what JSON.stringify makes of it (Dates as ISO strings).
    const json: unknown = JSON.parse(JSON.stringify(answer.body));
    const stored = await storeIdempotentResponse(tx, request.shopId, request.key, answer.status, json);
    return { status: answer.status, body: JSON.stringify(stored), replayed: false };
  });
}

/** How often, by the service clock, expired keys are purged. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** When each database handle last purged, by the service clock. */
const lastPurged = new WeakMap<object, number>();

/**
 * Purges expired keys at most once an hour per database handle, on the way
 * into an idempotent request, in a statement of its own before the request's
 * transaction. Opportunistic rather than at server start: a server that runs
 * for weeks keeps purging with no job to schedule, and an expired row that is
 * still there does no harm meanwhile (`claimIdempotencyKey` takes it over).
 * Kept out of the request's transaction so the rows it deletes are not locked
 * while the work runs.
 */
async function purgeNowAndThen(ctx: ServiceContext, now: Date): Promise<void> {
  const last = lastPurged.get(ctx.db);
  if (last !== undefined && now.getTime() - last < PURGE_EVERY_MS && now.getTime() >= last) return;
  lastPurged.set(ctx.db, now.getTime());
  await purgeExpiredIdempotencyKeys(ctx.db, now);
}
