import { asc, eq, sql } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { shops } from '../schema/index.ts';

/** A shop as stored: its id is its policy's id. */
export type ShopRow = typeof shops.$inferSelect;

/** The shop with this id, if the database has it. */
export async function findShop(db: LoupeDatabase, id: string): Promise<ShopRow | undefined> {
  const [row] = await db.select().from(shops).where(eq(shops.id, id));
  return row;
}

/** Every shop, by id. */
export function listShops(db: LoupeDatabase): Promise<ShopRow[]> {
  return db.select().from(shops).orderBy(asc(shops.id));
}

/** Adds a shop unless it is there already; answers whether it was added. */
export async function insertShopIfMissing(db: LoupeDatabase, shop: ShopRow): Promise<boolean> {
  const added = await db.insert(shops).values(shop).onConflictDoNothing().returning({ id: shops.id });
  return added.length > 0;
}

/**
 * Locks a shop's row until the transaction ends, so per-shop counters (the
 * next case number) are read and taken one transaction at a time. `no key
 * update` still lets other transactions insert rows that reference the shop.
 * Answers false when there is no such shop.
 */
export async function lockShop(tx: LoupeDatabase, id: string): Promise<boolean> {
  const locked = await tx.execute<{ id: string }>(sql`select id from ${shops} where id = ${id} for no key update`);
  return locked.rows.length > 0;
}
