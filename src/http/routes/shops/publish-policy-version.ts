import type { FastifyPluginAsync } from 'fastify';
import { assertStaffOfShop } from '../../../services/assert-staff-of-shop.ts';
import { publishPolicyVersion } from '../../../services/publish-policy-version.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readOptionalIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { PublishPolicyVersionBodySchema, publishPolicyVersionSchema } from './publish-policy-version.schema.ts';

const ROUTE = 'POST /api/v1/shops/:id/policy-versions';

/** POST /api/v1/shops/:id/policy-versions: a new version of the policy, if it lints clean; once per Idempotency-Key, if given. */
export const publishPolicyVersionRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/policy-versions', { schema: publishPolicyVersionSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const actor = auth.requireStaff(request);
    const key = readOptionalIdempotencyKey(request);
    const body = parseInput(PublishPolicyVersionBodySchema, request.body);
    if (key !== undefined) await assertStaffOfShop(ctx, actor, id, ['owner']);
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId: id,
      input: { shopId: id, ...body },
      work: async (inTx) => ({
        status: 201,
        body: await publishPolicyVersion(inTx, actor, {
          shopId: id,
          yaml: body.yaml,
          effectiveFrom: body.effectiveFrom === undefined ? undefined : new Date(body.effectiveFrom),
        }),
      }),
    });
  });
};
