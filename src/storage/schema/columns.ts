import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, customType, timestamp } from 'drizzle-orm/pg-core';

/** A `timestamp with time zone` read and written as a `Date`: an instant, never a wall-clock time. */
export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' });
}

/**
 * Raw bytes (`bytea`). node-postgres reads them as a `Buffer`, PGlite as a
 * `Uint8Array`; both are `Uint8Array`s, and both drivers take a `Buffer`.
 * drizzle-orm 0.45 has no `bytea` column of its own.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => value,
});

/** A CHECK condition that keeps a text column to a fixed list of values, inlined as literals (a CHECK takes no parameters). */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const literals = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(literals)})`;
}
