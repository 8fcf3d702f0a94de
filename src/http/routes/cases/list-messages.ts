import type { FastifyPluginAsync } from 'fastify';
import { listMessages } from '../../../services/list-messages.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { CustomerQuerySchema } from './get-case.schema.ts';
import { listMessagesSchema } from './list-messages.schema.ts';

/** GET /api/v1/cases/:id/messages: the conversation of a case. */
export const listMessagesRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/cases/:id/messages', { schema: listMessagesSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(CaseParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    return listMessages(ctx, await auth.identify(request, { caseId: id }, query), id);
  });
};
