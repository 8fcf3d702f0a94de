import { sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { rateLimitAttempts } from '../schema/index.ts';
import { Statement } from '../statements.ts';

/** A key's attempts that still count: how many, and when the first of them stops counting (null when none). */
export type AttemptsCounting = { count: number; firstExpiresAt: Date | null };

// Asked before every sign-in and look-up, failed or not: a statement prepared once.
const attemptsCounting = new Statement<{ count: number | string; first: Date | string | null }>(
  'loupe_attempts_counting',
  () => sql`select count(*) as count, min(${rateLimitAttempts.expiresAt}) as first from ${rateLimitAttempts}
    where ${rateLimitAttempts.key} = ${sql.placeholder('key')}
      and ${rateLimitAttempts.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
);

/** The key's attempts that still count at `now`. */
export async function countAttempts(db: LoupeDatabase, key: string, now: Date): Promise<AttemptsCounting> {
  const [row] = await attemptsCounting.rows(db, { key, now: now.toISOString() });
  const first = row?.first ?? null;
  return { count: Number(row?.count ?? 0), firstExpiresAt: first === null ? null : new Date(first) };
}

/**
 * Counts one attempt of the key until `expiresAt`, and sweeps every attempt
 * that stopped counting by `now`, so the table holds only what still counts.
 */
export async function recordAttempt(db: LoupeDatabase, key: string, now: Date, expiresAt: Date): Promise<void> {
  await db.execute(sql`
    with swept as (delete from ${rateLimitAttempts} where ${rateLimitAttempts.expiresAt} <= ${now.toISOString()}::timestamptz)
    insert into ${rateLimitAttempts} (key, expires_at) values (${key}, ${expiresAt.toISOString()}::timestamptz)`);
}
