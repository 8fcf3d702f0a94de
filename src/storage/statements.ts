import { type Column, getTableColumns, type Query, type SQL, sql, type Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { LoupeDatabase, QueryRows } from './database.ts';

const dialect = new PgDialect();

/**
 * A statement on a hot path, its text made once from drizzle's `sql` with
 * named placeholders, then run by name on a database or a transaction: no
 * query building per call, and PostgreSQL parses it once per connection (a
 * named prepared statement, as `pgbench -M prepared` does).
 */
export class Statement<Row> {
  #query: Query | undefined;

  constructor(
    readonly name: string,
    private readonly build: () => SQL,
  ) {}

  async rows(db: LoupeDatabase, values: Record<string, unknown>): Promise<Row[]> {
    this.#query ??= dialect.sqlToQuery(this.build());
    const prepared = db._.session.prepareQuery(this.#query, undefined, this.name, false);
    return ((await prepared.execute(values)) as QueryRows<Row>).rows;
  }
}

/**
 * Runs a statement written with PostgreSQL's own `$1, $2 …` placeholders (one
 * that a connection of its own also runs as it is) on a database or inside a
 * transaction; arrays bind as PostgreSQL arrays.
 */
export async function runPositional<Row>(db: LoupeDatabase, text: string, params: unknown[]): Promise<Row[]> {
  const prepared = db._.session.prepareQuery({ sql: text, params }, undefined, undefined, false);
  return ((await prepared.execute()) as QueryRows<Row>).rows;
}

type ColumnKey<T extends Table> = keyof T['$inferSelect'] & string;

// A table's columns never change: listed once per table, not on every row.
const columnLists = new WeakMap<Table, [string, Column][]>();
const columnsOf = (table: Table): [string, Column][] => {
  let list = columnLists.get(table);
  if (!list) {
    list = Object.entries(getTableColumns(table));
    columnLists.set(table, list);
  }
  return list;
};

/**
 * `insert into <table> (<every column>) values (…)` for `rows` rows of named
 * placeholders (`<prefix><row>_<column key>`), but for the columns `given`,
 * which take that SQL in every row (a sequence's next value, `default`).
 */
export function insertRows<T extends Table>(
  table: T,
  prefix: string,
  rows: number,
  given: Partial<Record<ColumnKey<T>, SQL>> = {},
): SQL {
  const columns = Object.entries(getTableColumns(table));
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const tuples = Array.from(
    { length: rows },
    (_, i) =>
      sql`(${sql.join(
        columns.map(([key]) => given[key as ColumnKey<T>] ?? sql.placeholder(`${prefix}${i}_${key}`)),
        sql`, `,
      )})`,
  );
  return sql`insert into ${table} (${names}) values ${sql.join(tuples, sql`, `)}`;
}

/** The placeholder values of `insertRows` for these rows, each encoded as its column writes it (a Date as ISO text, JSON as text), added to `values`. */
export function insertValues<T extends Table>(
  table: T,
  prefix: string,
  rows: readonly Partial<T['$inferInsert']>[],
  values: Record<string, unknown> = {},
): Record<string, unknown> {
  const columns = columnsOf(table);
  rows.forEach((row, i) => {
    for (const [key, column] of columns) {
      const value = (row as Record<string, unknown>)[key];
      values[`${prefix}${i}_${key}`] = value === null || value === undefined ? null : column.mapToDriverValue(value);
    }
  });
  return values;
}

/**
 * Rows as the driver or `json_agg` gives them (keys are column names, such as
 * `unit_price_cents`; a timestamp may be text) read as the table's rows: each
 * column's own reader makes them what a drizzle select answers.
 */
export function rowsOf<T extends Table>(table: T, rows: readonly Record<string, unknown>[]): T['$inferSelect'][] {
  const columns = columnsOf(table);
  return rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  });
}
