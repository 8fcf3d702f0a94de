// The desk database around a run: its seeded tables maintained before each
// phase, and after the run what it holds: the benchmark checks that every 2xx it
// counted stored exactly one case with its audit, none more, none lost.
import { and, count, countDistinct, eq } from 'drizzle-orm';
import { openDatabase } from '../../src/storage/database.ts';
import { maintainTables } from '../../src/storage/maintain-tables.ts';
import { auditLog, cases } from '../../src/storage/schema/index.ts';

/** A shop's cases stored, their distinct numbers, and its `open` audit entries. */
export type Stored = { cases: number; numbers: number; openAudits: number };

/** Counts a shop's cases and their audit rows in a PostgreSQL database (`url`) or a PGlite folder (`dataDir`); the server must be stopped for PGlite. */
export async function countStored(where: { url: string } | { dataDir: string }, shopId: string): Promise<Stored> {
  const database = await openDatabase('url' in where ? { url: where.url, poolSize: 1 } : { dataDir: where.dataDir });
  try {
    const [c] = await database.db
      .select({ cases: count(), numbers: countDistinct(cases.number) })
      .from(cases)
      .where(eq(cases.shopId, shopId));
    const [a] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.shopId, shopId), eq(auditLog.action, 'open')));
    return { cases: c?.cases ?? 0, numbers: c?.numbers ?? 0, openAudits: a?.n ?? 0 };
  } finally {
    await database.close();
  }
}

/** Vacuums and analyzes the tables of the PostgreSQL database at `url` that have grown (Loupe's own rule, `maintainTables`). */
export async function maintainDatabase(url: string): Promise<string[]> {
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    return await maintainTables(database.db);
  } finally {
    await database.close();
  }
}
