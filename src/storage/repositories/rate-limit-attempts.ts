import { sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { rateLimitAttempts } from '../schema/index.ts';
import { Statement } from '../statements.ts';

/** A key's attempts that still count: how many, and when the first of them stops counting (null when none). */
export type AttemptsCounting = { count: number; firstExpiresAt: Date | null };

/** One row: how many attempts count against the placeholder `key` at `now`, and when the first stops counting. */
export const attemptsCountingQuery = () =>
  sql`select count(*) as attempts, min(${rateLimitAttempts.expiresAt}) as first_expires_at from ${rateLimitAttempts}
    where ${rateLimitAttempts.key} = ${sql.placeholder('key')}
      and ${rateLimitAttempts.expiresAt} > ${sql.placeholder('now')}::timestamptz`;

/** What `attemptsCountingQuery` answers, as drivers hand it over. */
export type AttemptsCountingRow = { attempts: number | string; first_expires_at: Date | string | null };

/** The count and first expiry from that row (none when no row came). */
export function attemptsCountingOf(row: AttemptsCountingRow | undefined): AttemptsCounting {
  const first = row?.first_expires_at ?? null;
  return { count: Number(row?.attempts ?? 0), firstExpiresAt: first === null ? null : new Date(first) };
}

// Asked before every sign-in and session look-up, failed or not: a statement prepared once. (A
// look-up carried by each request reads the same count in its own statement: `findOrderCustomerCountingAttempts`.)
const attemptsCounting = new Statement<AttemptsCountingRow>('loupe_attempts_counting', attemptsCountingQuery);

/** The key's attempts that still count at `now`. */
export async function countAttempts(db: LoupeDatabase, key: string, now: Date): Promise<AttemptsCounting> {
  const [row] = await attemptsCounting.rows(db, { key, now: now.toISOString() });
  return attemptsCountingOf(row);
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
