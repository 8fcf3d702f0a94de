import { randomBytes } from 'node:crypto';
import { insertFirstStaffAccount } from '../../storage/repositories/staff-accounts.ts';
import type { ServiceContext } from '../service-context.ts';
import { hashPassword } from './password.ts';

/** The owner login made at first start, with its password in clear: shown once, never stored. */
export type FirstOwner = { email: string; password: string };

/**
 * Makes an owner of every shop with a random password, only when there is no
 * staff account at all; undefined otherwise (the password is never shown again).
 */
export async function createFirstOwner(ctx: ServiceContext, email: string): Promise<FirstOwner | undefined> {
  const password = randomBytes(15).toString('base64url');
  const created = await insertFirstStaffAccount(ctx.db, {
    id: ctx.newId(),
    email,
    name: 'owner',
    role: 'owner',
    shopId: null,
    passwordHash: await hashPassword(password),
    createdAt: ctx.now(),
  });
  return created ? { email: email.trim().toLowerCase(), password } : undefined;
}
