import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { signInStaff } from '../../../services/people/sign-in-staff.ts';
import { deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { setSessionCookies } from '../../session-cookies.ts';
import type { PeopleRouteOptions } from './people-route-options.ts';
import { type SessionView, sessionView } from './session-view.schema.ts';
import { SignInStaffBodySchema, signInStaffSchema } from './sign-in-staff.schema.ts';

/** POST /api/v1/sessions/staff: a staff member signs in with email and password. */
export const signInStaffRoute: FastifyPluginAsync<PeopleRouteOptions> = async (app, options) => {
  app.post('/api/v1/sessions/staff', { schema: signInStaffSchema }, async (request, reply): Promise<SessionView> => {
    const { context: ctx, auth } = deskDeps(options);
    const body = parseInput(SignInStaffBodySchema, request.body);
    const key = `staff:${request.ip}:${body.email.trim().toLowerCase()}`;
    await auth.limiter.assertAllowed(key, 'sign-in');
    try {
      const { token, session, actor } = await signInStaff(ctx, body);
      setSessionCookies(request, reply, token, session.expiresAt, ctx.now());
      reply.status(201);
      return sessionView(actor, { token, expiresAt: session.expiresAt });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'UNAUTHORIZED') await auth.limiter.record(key);
      throw err;
    }
  });
};
