import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type Database, openDatabase } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';

/** The PostgreSQL server tests use, if any: `LOUPE_TEST_DATABASE_URL`, else `DATABASE_URL`; else PGlite in memory. */
export function testServerUrl(): string | undefined {
  return process.env.LOUPE_TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** `migrate: false` leaves the database empty (to test migrating); `poolSize` is PostgreSQL's connections (default 25). */
export type TestDatabaseOptions = { migrate?: boolean; poolSize?: number };

/** A test database; on PostgreSQL, `url` reaches it from another process. */
export type TestDatabase = Database & { url: string | undefined };

/**
 * A fresh, migrated database for the calling test file, closed (and on
 * PostgreSQL dropped) after its tests. PGlite in memory by default; with a
 * server URL, a database of its own on that server (`loupe_test_<random>`),
 * created through the URL's database, so test files can run in parallel.
 *
 * Call it once at the top of a test file: `const { db } = await testDatabase();`.
 */
export async function testDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    afterAll(() => database.close());
    if (options.migrate !== false) await migrate(database.db);
    return { ...database, url: undefined };
  }

  const name = `loupe_test_${randomBytes(6).toString('hex')}`;
  await administer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: options.poolSize ?? 25 });
  afterAll(async () => {
    await database.close();
    await administer(serverUrl, `drop database if exists ${name} with (force)`);
  });
  if (options.migrate !== false) await migrate(database.db);
  return { ...database, url: url.toString() };
}

async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
