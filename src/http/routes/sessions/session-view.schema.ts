import { z } from 'zod';
import { csrfTokenOf } from '../../../services/people/session-token.ts';
import type { Actor } from '../../../services/service-context.ts';
import type { CookieSession } from '../../auth.ts';

/** Who the caller is, as GET /sessions/current and every sign-in answer. */
export const SessionViewSchema = z.object({
  authenticatedBy: z.enum(['session', 'token']).describe('a session cookie, or a bearer token'),
  role: z.enum(['customer', 'agent', 'owner']),
  shopId: z.string().describe('the shop; `*` for an owner of every shop'),
  name: z.string().optional().describe('staff: the name the audit trail shows'),
  email: z.string().optional().describe('customers: the email their orders were placed with'),
  orderIds: z.array(z.string()).optional().describe('customers: the orders the session covers'),
  expiresAt: z.string().optional().describe('sessions: when it ends'),
  csrfToken: z
    .string()
    .optional()
    .describe(
      'sessions: send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE (also in the `loupe_csrf` cookie)',
    ),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** The view of an actor: signed in by a session (its token gives the CSRF token) or by a bearer token. */
export function sessionView(actor: Actor, session?: { token: string; expiresAt: Date }): SessionView {
  if (actor.role === 'system') throw new Error('Loupe itself has no session');
  const who: SessionView =
    actor.role === 'customer'
      ? {
          authenticatedBy: 'token',
          role: 'customer',
          shopId: actor.shopId,
          email: actor.email,
          orderIds: [...actor.orderIds],
        }
      : { authenticatedBy: 'token', role: actor.role, shopId: actor.shopId, name: actor.name };
  if (!session) return who;
  return {
    ...who,
    authenticatedBy: 'session',
    expiresAt: session.expiresAt.toISOString(),
    csrfToken: csrfTokenOf(session.token),
  };
}

/** The view of a request's cookie session. */
export function cookieSessionView(cookie: CookieSession): SessionView {
  return sessionView(cookie.actor, { token: cookie.token, expiresAt: cookie.session.expiresAt });
}
