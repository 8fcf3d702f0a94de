import type { LoupeDatabase } from '../../storage/database.ts';
import { insertSession, type SessionRow } from '../../storage/repositories/sessions.ts';
import type { ServiceContext } from '../service-context.ts';
import { hashToken, newSecretToken } from './session-token.ts';

/** How long a session lasts: a working day for staff, a week for customers following a return. */
export const SESSION_HOURS = { staff: 12, customer: 7 * 24 } as const;

/** Whom a new session signs in: a staff account, or a customer of one order or of all their orders in a shop. */
export type SessionSubject =
  | { kind: 'staff'; staffId: string }
  | { kind: 'customer'; shopId: string; email: string; orderId: string | null };

/** A new session: its secret token (for the cookie only; the database keeps its hash) and its row. */
export type StartedSession = { token: string; session: SessionRow };

/** Starts a session for the subject, ending SESSION_HOURS after `now`. */
export async function startSession(
  ctx: ServiceContext,
  subject: SessionSubject,
  db: LoupeDatabase = ctx.db,
): Promise<StartedSession> {
  const now = ctx.now();
  const token = newSecretToken();
  const session: SessionRow = {
    id: ctx.newId(),
    tokenHash: hashToken(token),
    kind: subject.kind,
    staffId: subject.kind === 'staff' ? subject.staffId : null,
    shopId: subject.kind === 'customer' ? subject.shopId : null,
    customerEmail: subject.kind === 'customer' ? subject.email : null,
    orderId: subject.kind === 'customer' ? subject.orderId : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS[subject.kind] * 3_600_000),
    lastSeenAt: now,
  };
  await insertSession(db, session);
  return { token, session };
}
