import { DomainError } from '../domain/errors.ts';
import type { Actor } from './service-context.ts';

/** A member of a shop's staff. */
export type StaffActor = Extract<Actor, { role: 'agent' | 'owner' }>;
type StaffRole = StaffActor['role'];

const STAFF_ROLES: readonly StaffRole[] = ['agent', 'owner'];

const serves = (actor: StaffActor, shopId: string) => actor.shopId === '*' || actor.shopId === shopId;

/**
 * Refuses (FORBIDDEN) anyone but the shop's staff in one of `roles`; Loupe
 * itself may do anything. A pure check: the caller has read what it needs.
 */
export function assertStaffOf(
  actor: Actor,
  shopId: string,
  roles: readonly StaffRole[] = STAFF_ROLES,
): asserts actor is StaffActor | Extract<Actor, { role: 'system' }> {
  if (actor.role === 'system') return;
  if (actor.role === 'customer' || !roles.includes(actor.role)) {
    throw new DomainError('FORBIDDEN', `a ${actor.role} cannot do this; ${roles.join(' or ')} of the shop can`);
  }
  if (!serves(actor, shopId)) throw new DomainError('FORBIDDEN', `${actor.name} is not staff of shop "${shopId}"`);
}

/**
 * Refuses (FORBIDDEN) anyone but the shop's staff and a customer whose
 * session covers the order (of this shop: order ids are unique, the shop is
 * checked anyway); a case without an order is the staff's alone.
 */
export function assertMayAccessOrder(actor: Actor, target: { shopId: string; orderId: string | null }): void {
  if (actor.role !== 'customer') {
    assertStaffOf(actor, target.shopId);
    return;
  }
  if (actor.shopId !== target.shopId || target.orderId === null || !actor.orderIds.includes(target.orderId)) {
    throw new DomainError('FORBIDDEN', 'a customer can only see and act on the cases of their own order');
  }
}
