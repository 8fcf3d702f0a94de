import type { FastifyPluginAsync } from 'fastify';
import { sendSignInLink } from '../../../services/people/send-sign-in-link.ts';
import { deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import type { PeopleRouteOptions } from './people-route-options.ts';
import { SendSignInLinkBodySchema, sendSignInLinkSchema } from './send-sign-in-link.schema.ts';

/** POST /api/v1/shops/:id/sign-in-links: 202 always; a mail with a one-time link when the email has orders. */
export const sendSignInLinkRoute: FastifyPluginAsync<PeopleRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/sign-in-links', { schema: sendSignInLinkSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const { email } = parseInput(SendSignInLinkBodySchema, request.body);
    // Every request counts, not only failures: each may send a mail.
    await auth.limiter.hit(`link:${request.ip}:${email.trim().toLowerCase()}`, 'sign-in link');
    await sendSignInLink(ctx, id, email, options.publicUrl);
    reply.status(202);
    return { accepted: true as const };
  });
};
