import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { openCustomerSession } from '../../../services/people/open-customer-session.ts';
import { deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { setSessionCookies } from '../../session-cookies.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { OpenCustomerSessionBodySchema, openCustomerSessionSchema } from './open-customer-session.schema.ts';
import type { PeopleRouteOptions } from './people-route-options.ts';
import { type SessionView, sessionView } from './session-view.schema.ts';

/** POST /api/v1/shops/:id/sessions/customer: a customer signs in to one order by its number and email. */
export const openCustomerSessionRoute: FastifyPluginAsync<PeopleRouteOptions> = async (app, options) => {
  app.post(
    '/api/v1/shops/:id/sessions/customer',
    { schema: openCustomerSessionSchema },
    async (request, reply): Promise<SessionView> => {
      const { context: ctx, auth } = deskDeps(options);
      const { id } = parseInput(ShopParamsSchema, request.params);
      const body = parseInput(OpenCustomerSessionBodySchema, request.body);
      // The same count as the per-request look-up (auth.identify): one budget per order number.
      const key = `lookup:${request.ip}:${body.orderNumber.trim().toLowerCase()}`;
      await auth.limiter.assertAllowed(key, 'order look-up');
      try {
        const { token, session, actor } = await openCustomerSession(ctx, id, body);
        setSessionCookies(request, reply, token, session.expiresAt, ctx.now());
        reply.status(201);
        return sessionView(actor, { token, expiresAt: session.expiresAt });
      } catch (err) {
        if (err instanceof DomainError && err.code === 'UNAUTHORIZED') await auth.limiter.record(key);
        throw err;
      }
    },
  );
};
