import type { FastifyPluginAsync } from 'fastify';
import { postMessage } from '../../../services/post-message.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { MESSAGE_BODY_LIMIT, PostMessageBodySchema, postMessageSchema } from './post-message.schema.ts';

/** POST /api/v1/cases/:id/messages: a message of the case's conversation, with attachments. */
export const postMessageRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post(
    '/api/v1/cases/:id/messages',
    { schema: postMessageSchema, bodyLimit: MESSAGE_BODY_LIMIT },
    async (request, reply) => {
      const { context: ctx, auth } = deskDeps(options);
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { orderNumber, email, ...message } = parseInput(PostMessageBodySchema, request.body);
      const actor = await auth.identify(request, { caseId: id }, { orderNumber, email });
      const posted = await postMessage(ctx, actor, { caseId: id, ...message });
      reply.status(201);
      return posted;
    },
  );
};
