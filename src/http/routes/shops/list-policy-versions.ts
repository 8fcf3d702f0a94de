import type { FastifyPluginAsync } from 'fastify';
import { listPolicyVersions } from '../../../services/list-policy-versions.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { listPolicyVersionsSchema } from './list-policy-versions.schema.ts';

/** GET /api/v1/shops/:id/policy-versions: the versions of a shop's policy. */
export const listPolicyVersionsRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/policy-versions', { schema: listPolicyVersionsSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    return listPolicyVersions(ctx, auth.requireStaff(request), id);
  });
};
