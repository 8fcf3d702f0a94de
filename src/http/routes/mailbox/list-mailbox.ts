import type { FastifyPluginAsync } from 'fastify';
import { listMailbox } from '../../../services/mail/list-mailbox.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { listMailboxSchema, MailboxQuerySchema } from './list-mailbox.schema.ts';

/** GET /api/v1/mailbox: the mail written to customers, for the back office; the development mailbox without SMTP. */
export const listMailboxRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/mailbox', { schema: listMailboxSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const actor = auth.requireStaff(request);
    const query = parseInput(MailboxQuerySchema, request.query);
    return listMailbox(ctx, actor, { shopId: query.shop, caseId: query.case, limit: query.limit });
  });
};
