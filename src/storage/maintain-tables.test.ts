import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { maintainTables, tablesNeedingMaintenance } from './maintain-tables.ts';
import { customers, shops } from './schema/index.ts';

const { db, kind } = await testDatabase();
const at = new Date('2026-05-04T08:00:00.000Z');
// On PostgreSQL autovacuum could do the job first and make these tests pass or fail by chance: here it is off.
await db.execute(sql`alter table customers set (autovacuum_enabled = false)`);

/** The planner's row count for a table: -1 until it is first vacuumed or analyzed. */
async function plannerRows(table: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select reltuples::float8 as n from pg_class where relname = ${table}`,
  );
  return Number(result.rows[0]?.n);
}

describe(`table maintenance where no autovacuum runs, on ${kind}`, () => {
  it('vacuums and analyzes a table that has grown, so the planner knows its size, and leaves the rest', async () => {
    await db.insert(shops).values({ id: 'maint', name: 'Maintenance shop', createdAt: at });
    await db.insert(customers).values(
      Array.from({ length: 3000 }, (_, i) => ({
        id: `maint-${i}`,
        shopId: 'maint',
        email: `customer-${i}@example.com`,
        name: `Customer ${i}`,
        createdAt: at,
      })),
    );
    expect(await plannerRows('customers')).toBe(-1);
    expect(await tablesNeedingMaintenance(db)).toContain('customers');
    // Empty or all but empty, shops needs nothing.
    expect(await tablesNeedingMaintenance(db)).not.toContain('shops');

    const done = await maintainTables(db);

    expect(done).toContain('customers');
    expect(await plannerRows('customers')).toBe(3000);
    expect(await tablesNeedingMaintenance(db)).not.toContain('customers');
  });

  it('comes back to a table once it has grown by a tenth again, not before', async () => {
    const more = (from: number, count: number) =>
      db.insert(customers).values(
        Array.from({ length: count }, (_, i) => ({
          id: `maint-${from + i}`,
          shopId: 'maint',
          email: `customer-${from + i}@example.com`,
          name: `Customer ${from + i}`,
          createdAt: at,
        })),
      );
    await maintainTables(db);
    await more(3000, 30);
    expect(await tablesNeedingMaintenance(db)).not.toContain('customers');
    await more(3030, 1000);
    expect(await tablesNeedingMaintenance(db)).toContain('customers');
    await maintainTables(db);
    expect(await plannerRows('customers')).toBe(4030);
  });
});
