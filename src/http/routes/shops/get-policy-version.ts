import type { FastifyPluginAsync } from 'fastify';
import { getPolicyVersion } from '../../../services/get-policy-version.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { getPolicyVersionSchema, PolicyVersionParamsSchema } from './get-policy-version.schema.ts';

/** GET /api/v1/shops/:id/policy-versions/:version: one version of a shop's policy with its YAML. */
export const getPolicyVersionRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/policy-versions/:version', { schema: getPolicyVersionSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id, version } = parseInput(PolicyVersionParamsSchema, request.params);
    return getPolicyVersion(ctx, auth.requireStaff(request), id, version);
  });
};
