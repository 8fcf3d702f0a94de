import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { deleteSession } from '../../../storage/repositories/sessions.ts';
import { assertCsrfToken, deskDeps } from '../../auth.ts';
import { clearSessionCookies } from '../../session-cookies.ts';
import { endCurrentSessionSchema, getCurrentSessionSchema } from './current-session.schema.ts';
import type { PeopleRouteOptions } from './people-route-options.ts';
import { cookieSessionView, type SessionView, sessionView } from './session-view.schema.ts';

const noSession = (message: string) =>
  new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: ['cookie'], message }]);

/** GET and DELETE /api/v1/sessions/current: who is signed in; signing out. */
export const currentSessionRoute: FastifyPluginAsync<PeopleRouteOptions> = async (app, options) => {
  app.get('/api/v1/sessions/current', { schema: getCurrentSessionSchema }, async (request): Promise<SessionView> => {
    const { auth } = deskDeps(options);
    // A request with a bearer token has no cookie session read (auth.readSession).
    const cookie = auth.session(request);
    if (cookie) return cookieSessionView(cookie);
    const staff = auth.staff(request);
    if (staff) return sessionView(staff);
    throw noSession('not signed in: sign in, or send Authorization: Bearer <token>');
  });
  app.delete('/api/v1/sessions/current', { schema: endCurrentSessionSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const cookie = auth.session(request);
    if (!cookie) throw noSession('no live session to end (a bearer token has none)');
    assertCsrfToken(request, cookie);
    await deleteSession(ctx.db, cookie.session.id);
    clearSessionCookies(request, reply);
    return reply.status(204).send();
  });
};
