import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { cases } from '../schema/index.ts';

/**
 * Authorized returns not sent yet whose ship-by date falls within `leadMs`
 * after `now`, and that were authorized more than `leadMs` before it (a
 * return authorized with two days to go needs no reminder the same day).
 * A case in `awaiting_return` changes only by leaving it, so its
 * `updated_at` is the moment it was authorized.
 */
export function listReturnsToRemind(db: LoupeDatabase, now: Date, leadMs: number): Promise<{ id: string }[]> {
  const lead = sql.raw(`interval '${Math.round(leadMs / 1000)} seconds'`);
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.state, 'awaiting_return'),
        gt(cases.shipBy, now),
        lte(cases.shipBy, new Date(now.getTime() + leadMs)),
        sql`${cases.shipBy} - ${cases.updatedAt} > ${lead}`,
      ),
    )
    .orderBy(asc(cases.shipBy));
}
