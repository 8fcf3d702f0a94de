import { DomainError } from '../../domain/errors.ts';
import { insertStaffAccount } from '../../storage/repositories/staff-accounts.ts';
import { assertStaffOfShop } from '../assert-staff-of-shop.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { hashPassword } from './password.ts';

/** A new agent of a shop: who they are and the password they sign in with. */
export type NewAgent = { email: string; name: string; password: string };

/** The account as answered: never its password or hash. */
export type StaffAccountView = { id: string; email: string; name: string; role: 'agent' | 'owner'; shopId: string };

/**
 * Adds an agent of the shop; the shop's owner (or an owner of every shop)
 * only. An email that already has an account is CONFLICT.
 */
export async function createStaffAccount(
  ctx: ServiceContext,
  actor: Actor,
  shopId: string,
  agent: NewAgent,
): Promise<StaffAccountView> {
  await assertStaffOfShop(ctx, actor, shopId, ['owner']);
  const row = await insertStaffAccount(ctx.db, {
    id: ctx.newId(),
    email: agent.email,
    name: agent.name,
    role: 'agent',
    shopId,
    passwordHash: await hashPassword(agent.password),
    createdAt: ctx.now(),
  });
  if (!row) {
    const message = 'a staff account with this email exists';
    throw new DomainError('CONFLICT', `email: ${message}`, [{ code: 'conflict', path: ['email'], message }]);
  }
  return { id: row.id, email: row.email, name: row.name, role: 'agent', shopId };
}
