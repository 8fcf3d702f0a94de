import type { FastifyPluginAsync } from 'fastify';
import { publishPolicyVersion } from '../../../services/publish-policy-version.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { PublishPolicyVersionBodySchema, publishPolicyVersionSchema } from './publish-policy-version.schema.ts';

/** POST /api/v1/shops/:id/policy-versions: a new version of the policy, if it lints clean. */
export const publishPolicyVersionRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/policy-versions', { schema: publishPolicyVersionSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const actor = auth.requireStaff(request);
    const body = parseInput(PublishPolicyVersionBodySchema, request.body);
    const published = await publishPolicyVersion(ctx, actor, {
      shopId: id,
      yaml: body.yaml,
      effectiveFrom: body.effectiveFrom === undefined ? undefined : new Date(body.effectiveFrom),
    });
    reply.status(201);
    return published;
  });
};
