import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction, PgTransactionConfig } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { readDatabaseError, SQLSTATE } from './database-error.ts';
import * as schema from './schema/index.ts';

export { migrate } from './migrate.ts';

/** Loupe's tables, as drizzle sees them. */
export type Schema = typeof schema;

/** What `db.execute(sql)` answers on both drivers: node-postgres and PGlite results both carry `rows`. */
export interface LoupeQueryResultHKT extends PgQueryResultHKT {
  type: QueryRows<this['row']>;
}

/** The part of a driver's query result both drivers share. */
export type QueryRows<Row> = { rows: Row[] };

/**
 * The one drizzle type repositories are written against, whichever driver is
 * underneath (both extend drizzle's `PgDatabase`). A transaction is one too.
 */
export type LoupeDatabase = PgDatabase<LoupeQueryResultHKT, Schema>;

/** The handle given to the work of `transaction`. */
export type LoupeTransaction = PgTransaction<LoupeQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** An open database: the drizzle handle, which engine it is, where it is (never with a password), and how to close it. */
export type Database = {
  db: LoupeDatabase;
  kind: 'pglite' | 'postgres';
  location: string;
  close(): Promise<void>;
};

/** Where the database is: a PostgreSQL URL, or a PGlite data folder (`memory://` keeps it in memory). */
export type DatabaseOptions = {
  url?: string;
  dataDir?: string;
  /** Connections to PostgreSQL (default 10); PGlite has one. */
  poolSize?: number;
};

/**
 * Opens PostgreSQL when a URL is given (`url`, else `DATABASE_URL`), else the
 * embedded PGlite in `dataDir` (else `LOUPE_DATA_DIR`, else `./data`). The
 * schema is not migrated here: call `migrate`.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? (process.env.DATABASE_URL || undefined);
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // A connection that breaks while idle is dropped by the pool; without a
    // listener its 'error' event would end the process.
    pool.on('error', () => {});
    const db = drizzleNodePostgres({ client: pool, schema });
    return { db, kind: 'postgres', location: withoutPassword(url), close: () => pool.end() };
  }

  const dataDir = options.dataDir ?? (process.env.LOUPE_DATA_DIR || './data');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? dataDir : dataDir.replace(/^file:\/\//, ''));
  const db = drizzlePglite({ client, schema });
  return { db, kind: 'pglite', location: dataDir, close: () => client.close() };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (a connection string that is not a URL)';
  }
}

/** Options of `transaction`: drizzle's isolation settings, and how often to retry a transaction PostgreSQL rolled back. */
export type TransactionOptions = PgTransactionConfig & { attempts?: number };

/**
 * Runs `work` in one transaction on either database, retrying it (3 attempts
 * by default) when PostgreSQL rolls it back for a serialization failure or a
 * deadlock, so `work` must do nothing outside the database. Inside, use only
 * `tx`: on PGlite, which has one connection, a query on `db` waits for the
 * transaction to end and so never runs.
 */
export async function transaction<T>(
  db: LoupeDatabase,
  work: (tx: LoupeTransaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const { attempts = 3, ...settings } = options;
  // drizzle sends `set transaction` for any config object, and an empty one is a syntax error.
  const config = Object.keys(settings).length > 0 ? settings : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work, config);
    } catch (error) {
      const code = readDatabaseError(error)?.code;
      const retryable = code === SQLSTATE.serializationFailure || code === SQLSTATE.deadlockDetected;
      if (!retryable || attempt >= attempts) throw error;
    }
  }
}
