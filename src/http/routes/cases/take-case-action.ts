import type { FastifyPluginAsync } from 'fastify';
import { takeCaseAction } from '../../../services/take-case-action.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import type { CaseViewBody } from './case-view.schema.ts';
import { CaseActionBodySchema, CaseActionParamsSchema, takeCaseActionSchema } from './take-case-action.schema.ts';

/** POST /api/v1/cases/:id/actions/:action: one move of the case lifecycle, at the revision the caller saw. */
export const takeCaseActionRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post(
    '/api/v1/cases/:id/actions/:action',
    { schema: takeCaseActionSchema },
    async (request): Promise<CaseViewBody> => {
      const { context: ctx, auth } = deskDeps(options);
      const { id, action } = parseInput(CaseActionParamsSchema, request.params);
      const { orderNumber, email, revision, ...input } = parseInput(CaseActionBodySchema, request.body);
      const actor = await auth.identify(request, { caseId: id }, { orderNumber, email });
      return takeCaseAction(ctx, actor, { caseId: id, action, revision, input });
    },
  );
};
