import type { FastifyPluginAsync } from 'fastify';
import { createStaffAccount, type StaffAccountView } from '../../../services/people/create-staff-account.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { CreateStaffAccountBodySchema, createStaffAccountSchema } from './create-staff-account.schema.ts';

/** POST /api/v1/shops/:id/staff: the shop's owner adds an agent. */
export const createStaffAccountRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/staff', { schema: createStaffAccountSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const actor = auth.requireStaff(request);
    const body = parseInput(CreateStaffAccountBodySchema, request.body);
    const account: StaffAccountView = await createStaffAccount(ctx, actor, id, body);
    reply.status(201);
    return account;
  });
};
