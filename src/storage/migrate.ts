import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { LoupeDatabase } from './database.ts';

/** The migrations drizzle-kit generated from src/storage/schema, checked in. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any number, the same in every process: migrations of one database run one at a time. */
const MIGRATION_LOCK = 7_302_116;

/** A migration this call applied: its file name (without `.sql`) and the time drizzle-kit generated it. */
export type AppliedMigration = { tag: string; generatedAt: Date };

/**
 * Applies the migrations the database has not seen, in one transaction, and
 * says which. It keeps drizzle's own book (`drizzle.__drizzle_migrations`,
 * the latest `created_at` marks how far a database is), so `drizzle-kit
 * migrate` agrees with it; unlike drizzle's migrator it holds an advisory lock
 * first, so two servers starting at once do not both apply a migration.
 */
export async function migrate(db: LoupeDatabase, folder = MIGRATIONS_FOLDER): Promise<AppliedMigration[]> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const tagAt = new Map(journal.entries.map((e) => [e.when, e.tag]));

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const last = await tx.execute<{ created_at: string | number | bigint }>(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastAt = last.rows[0] ? Number(last.rows[0].created_at) : -1;

    const applied: AppliedMigration[] = [];
    for (const migration of migrations) {
      if (migration.folderMillis <= lastAt) continue;
      for (const statement of migration.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      const tag = tagAt.get(migration.folderMillis) ?? String(migration.folderMillis);
      applied.push({ tag, generatedAt: new Date(migration.folderMillis) });
    }
    return applied;
  });
}
