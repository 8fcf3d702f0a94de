import type { FastifyPluginAsync } from 'fastify';
import { listInbox } from '../../../services/list-inbox.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { InboxQuerySchema, listInboxSchema } from './list-inbox.schema.ts';

/** GET /api/v1/shops/:id/inbox: the shop's cases by what is due, overdue ones flagged. */
export const listInboxRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/inbox', { schema: listInboxSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const actor = auth.requireStaff(request);
    const query = parseInput(InboxQuerySchema, request.query);
    return listInbox(ctx, actor, { shopId: id, ...query });
  });
};
