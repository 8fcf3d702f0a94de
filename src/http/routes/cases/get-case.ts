import type { FastifyPluginAsync } from 'fastify';
import { getCase } from '../../../services/get-case.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import type { CaseViewBody } from './case-view.schema.ts';
import { CustomerQuerySchema, getCaseSchema } from './get-case.schema.ts';

/** GET /api/v1/cases/:id: one case, as its customer or the shop's staff may see it. */
export const getCaseRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/cases/:id', { schema: getCaseSchema }, async (request): Promise<CaseViewBody> => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(CaseParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    const actor = await auth.identify(request, { caseId: id }, query);
    return getCase(ctx, actor, id);
  });
};
