import { DomainError } from '../domain/errors.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { findShop, type ShopRow } from '../storage/repositories/shops.ts';

/** The shop, or UNKNOWN_SHOP (404) naming the path parameter that held its id. */
export async function findShopOrThrow(db: LoupeDatabase, shopId: string): Promise<ShopRow> {
  const shop = await findShop(db, shopId);
  if (shop) return shop;
  throw new DomainError('UNKNOWN_SHOP', `id: no shop "${shopId}"`, [
    { code: 'unknown_shop', path: ['id'], message: 'no such shop' },
  ]);
}
