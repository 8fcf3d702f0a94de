import type { FastifyPluginAsync } from 'fastify';
import { openCase } from '../../../services/open-case.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import type { CaseViewBody } from './case-view.schema.ts';
import { OpenCaseBodySchema, openCaseSchema } from './open-case.schema.ts';

/** POST /api/v1/shops/:id/cases: a customer's or staff's request, decided at once, or an inquiry. */
export const openCaseRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/cases', { schema: openCaseSchema }, async (request, reply): Promise<CaseViewBody> => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const body = parseInput(OpenCaseBodySchema, request.body);
    const actor = await auth.identify(request, { shopId: id }, body);
    const opened = await openCase(ctx, actor, {
      shopId: id,
      orderNumber: body.orderNumber,
      request: body.request,
      message: body.message,
    });
    reply.status(201);
    return opened;
  });
};
