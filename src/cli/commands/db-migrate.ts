import { type DatabaseOptions, openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';

/** Options of `loupe db migrate`; unset, the database is `DATABASE_URL`, else PGlite in `LOUPE_DATA_DIR` or ./data. */
export type DbMigrateOptions = Pick<DatabaseOptions, 'url' | 'dataDir'>;

/** `loupe db migrate`: brings the database up to the checked-in migrations and says which it applied. */
export async function dbMigrateCommand(
  options: DbMigrateOptions = {},
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const database = await openDatabase(options);
  try {
    const applied = await migrate(database.db);
    out.write(`${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} at ${database.location}\n`);
    for (const m of applied) out.write(`  applied ${m.tag} (generated ${m.generatedAt.toISOString()})\n`);
    const count = applied.length;
    out.write(count ? `${count} migration${count === 1 ? '' : 's'} applied\n` : 'up to date: nothing to apply\n');
    return 0;
  } finally {
    await database.close();
  }
}
