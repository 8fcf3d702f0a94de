import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { PolicyVersionViewSchema } from './policy-version.schema.ts';

/** Docs of GET /api/v1/shops/:id/policy-versions. */
export const listPolicyVersionsSchema = {
  operationId: 'listPolicyVersions',
  tags: ['shops'],
  summary: 'A shop’s policy versions',
  description:
    'Every version of the shop’s policy, the latest to take effect first, the one in force now marked. A case is decided under the version in force when its order was placed. Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(z.array(PolicyVersionViewSchema)), description: 'The versions' },
    ...errorResponses(401, 403, 404),
  },
};
