import { z } from 'zod';
import { InstantSchema } from '../../../domain/contract/case.schema.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { optionalIdempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { LintFindingSchema, PolicyVersionViewSchema, PolicyYamlSchema } from './policy-version.schema.ts';

export const PublishPolicyVersionBodySchema = z.strictObject({
  yaml: PolicyYamlSchema,
  effectiveFrom: InstantSchema.optional().describe('when it takes effect; default now, never in the past'),
});

/** Docs of POST /api/v1/shops/:id/policy-versions. */
export const publishPolicyVersionSchema = {
  operationId: 'publishPolicyVersion',
  tags: ['shops'],
  summary: 'Publish a new version of a shop’s policy',
  description:
    'Stores a new version only if it parses and lints without errors: a lint error answers 400 `POLICY_LINT_FAILED` listing the findings, and nothing is stored. Warnings come back with the version. Orders placed from `effectiveFrom` on are decided under it; open cases keep theirs. With an `Idempotency-Key`, a retry within 24 hours answers the first response again instead of a 409 for the version name now taken. Roles: owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  headers: optionalIdempotencyHeaders,
  body: toOpenApiSchema(PublishPolicyVersionBodySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    201: {
      ...toOpenApiSchema(PolicyVersionViewSchema.extend({ warnings: z.array(LintFindingSchema) })),
      ...replayedResponseHeaders,
      description: 'The version, published',
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
