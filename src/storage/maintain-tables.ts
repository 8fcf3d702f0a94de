// PostgreSQL's autovacuum keeps each table's statistics and free space up to
// date. PGlite runs one backend and no autovacuum worker, so an embedded
// desk's tables would never be analyzed: a statement prepared while a table was
// small would keep its plan (a sequential scan) however large the table grew.
// This does autovacuum's job for it, by the same rule of thumb: a table that has
// grown by a tenth since it was last vacuumed or analyzed is vacuumed and analyzed.
import { sql } from 'drizzle-orm';
import type { LoupeDatabase } from './database.ts';
import { yieldToEventLoop } from './yield-to-event-loop.ts';

/** Growth that calls for maintenance: a tenth of the table's size at its last analysis, and at least this many pages. */
const GROWTH_SHARE = 0.1;
const GROWTH_MIN_PAGES = 4;

/**
 * Loupe's tables that have grown by a tenth (and at least 4 pages) since they
 * were last vacuumed or analyzed, or were never analyzed and are not empty;
 * by name.
 */
export async function tablesNeedingMaintenance(db: LoupeDatabase): Promise<string[]> {
  const result = await db.execute<{ name: string }>(sql`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and (pg_relation_size(c.oid) / current_setting('block_size')::int)::float8 >=
        greatest(c.relpages, 0) * (1 + ${GROWTH_SHARE}::float8) + ${GROWTH_MIN_PAGES}::int
    order by c.relname`);
  return result.rows.map((r) => r.name);
}

/** Vacuums and analyzes the tables that need it (see `tablesNeedingMaintenance`); answers their names. */
export async function maintainTables(db: LoupeDatabase): Promise<string[]> {
  const tables = await tablesNeedingMaintenance(db);
  // One table at a time: VACUUM cannot run in a transaction. On PGlite each one
  // holds this process until it ends: requests are let in between tables.
  for (const table of tables) {
    await db.execute(sql`vacuum (analyze) ${sql.identifier(table)}`);
    await yieldToEventLoop();
  }
  return tables;
}
