import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { PolicyVersionViewSchema } from './policy-version.schema.ts';

export const PolicyVersionParamsSchema = ShopParamsSchema.extend({
  version: z.string().min(1).max(100).describe('the version’s name, e.g. 2026-11-01'),
});

/** A version with the YAML it was published as. */
export const PolicyVersionSourceSchema = PolicyVersionViewSchema.extend({
  yaml: z.string().describe('the policy file as published'),
});

/** Docs of GET /api/v1/shops/:id/policy-versions/:version. */
export const getPolicyVersionSchema = {
  operationId: 'getPolicyVersion',
  tags: ['shops'],
  summary: 'One version of a shop’s policy, with its YAML',
  description:
    'The version named, as listed, with the YAML it was published as: where the back office’s policy editor starts a draft. An unknown version is 404. Roles: agent, owner.',
  params: toOpenApiSchema(PolicyVersionParamsSchema),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(PolicyVersionSourceSchema), description: 'The version and its YAML' },
    ...errorResponses(401, 403, 404),
  },
};
