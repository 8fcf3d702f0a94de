import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { exchangeSignInLink } from '../../../services/people/exchange-sign-in-link.ts';
import { csrfTokenOf } from '../../../services/people/session-token.ts';
import { deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { setSessionCookies } from '../../session-cookies.ts';
import { ExchangeSignInLinkBodySchema, exchangeSignInLinkSchema } from './exchange-sign-in-link.schema.ts';
import type { PeopleRouteOptions } from './people-route-options.ts';
import type { SessionView } from './session-view.schema.ts';

/** POST /api/v1/sessions/link: a sign-in link's token for a session over all the email's orders in the shop. */
export const exchangeSignInLinkRoute: FastifyPluginAsync<PeopleRouteOptions> = async (app, options) => {
  app.post(
    '/api/v1/sessions/link',
    { schema: exchangeSignInLinkSchema },
    async (request, reply): Promise<SessionView> => {
      const { context: ctx, auth } = deskDeps(options);
      const { token } = parseInput(ExchangeSignInLinkBodySchema, request.body);
      const key = `exchange:${request.ip}`;
      await auth.limiter.assertAllowed(key, 'sign-in link');
      try {
        const started = await exchangeSignInLink(ctx, token);
        setSessionCookies(request, reply, started.token, started.session.expiresAt, ctx.now());
        reply.status(201);
        return {
          authenticatedBy: 'session',
          role: 'customer',
          shopId: started.shopId,
          email: started.email,
          expiresAt: started.session.expiresAt.toISOString(),
          csrfToken: csrfTokenOf(started.token),
        };
      } catch (err) {
        if (err instanceof DomainError && err.code === 'UNAUTHORIZED') await auth.limiter.record(key);
        throw err;
      }
    },
  );
};
