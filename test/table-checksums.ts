import { sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../src/storage/database.ts';

/** Each table of the public schema: its row count and an md5 of its rows, in one query. */
export type TableChecksums = Record<string, { rows: number; md5: string }>;

/**
 * A snapshot of everything stored, to show that a request changed nothing;
 * but the tables `except`, which a refusal itself may write to.
 */
export async function tableChecksums(db: LoupeDatabase, except: readonly string[] = []): Promise<TableChecksums> {
  const tables = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  if (tables.rows.length === 0) throw new Error('no tables: is the database migrated?');
  const parts = tables.rows
    .filter(({ name }) => !except.includes(name))
    .map(
      ({ name }) =>
        `select '${name}' as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from "${name}" t`,
    );
  const result = await db.execute<{ name: string; rows: number; md5: string }>(sql.raw(parts.join(' union all ')));
  return Object.fromEntries(result.rows.map(({ name, rows, md5 }) => [name, { rows: Number(rows), md5 }]));
}
