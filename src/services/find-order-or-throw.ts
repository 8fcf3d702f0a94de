import { DomainError } from '../domain/errors.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { findOrder, type StoredOrder } from '../storage/repositories/orders.ts';

/** The shop's order with this number, or NOT_FOUND naming the field that held it. */
export async function findOrderOrThrow(
  db: LoupeDatabase,
  shopId: string,
  number: string,
  field = 'number',
): Promise<StoredOrder> {
  const order = await findOrder(db, shopId, number);
  if (order) return order;
  throw orderNotFound(shopId, number, field);
}

/** NOT_FOUND for an order number the shop does not have, naming the field that held it. */
export function orderNotFound(shopId: string, number: string, field: string): DomainError {
  return new DomainError('NOT_FOUND', `${field}: shop "${shopId}" has no order "${number}"`, [
    { code: 'not_found', path: [field], message: 'no such order' },
  ]);
}
