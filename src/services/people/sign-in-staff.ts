import { DomainError } from '../../domain/errors.ts';
import { findStaffAccountByEmail } from '../../storage/repositories/staff-accounts.ts';
import type { StaffActor } from '../assert-access.ts';
import type { ServiceContext } from '../service-context.ts';
import { verifyPassword } from './password.ts';
import { staffActor } from './staff-actor.ts';
import { type StartedSession, startSession } from './start-session.ts';

/** A staff member's credentials. */
export type StaffCredentials = { email: string; password: string };

/**
 * A session for the staff account with this email and password; a wrong
 * email or password is UNAUTHORIZED and does not say which was wrong.
 */
export async function signInStaff(
  ctx: ServiceContext,
  credentials: StaffCredentials,
): Promise<StartedSession & { actor: StaffActor }> {
  const account = await findStaffAccountByEmail(ctx.db, credentials.email);
  if (!(await verifyPassword(account?.passwordHash, credentials.password)) || !account) {
    const message = 'the email and password do not match a staff account';
    throw new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: ['password'], message }]);
  }
  const started = await startSession(ctx, { kind: 'staff', staffId: account.id });
  return { ...started, actor: staffActor(account) };
}
