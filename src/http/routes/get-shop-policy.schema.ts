import { z } from 'zod';
import { errorResponses } from '../http-errors.ts';
import { toOpenApiSchema } from '../openapi-schema.ts';

export const POLICY_FORMATS = ['json', 'html', 'md'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

export const ShopPolicyParamsSchema = z.object({ id: z.string().describe('the shop id') });
export const ShopPolicyQuerySchema = z.object({
  format: z
    .enum(POLICY_FORMATS)
    .optional()
    .describe('json (the policy data), html (the customer-facing page) or md; wins over the Accept header'),
});

/** Docs of GET /api/v1/shops/:id/policy; params and query are read by zod in the handler. */
export const getShopPolicySchema = {
  operationId: 'getShopPolicy',
  tags: ['shops'],
  summary: 'A shop’s policy, as data or as its customer-facing page',
  description:
    'The policy as JSON (policy.schema.json), or the page generated from it: `Accept: text/html` or `?format=html` for a standalone HTML page, `Accept: text/markdown` or `?format=md` for Markdown.',
  params: toOpenApiSchema(ShopPolicyParamsSchema),
  querystring: toOpenApiSchema(ShopPolicyQuerySchema, 'input'),
  response: {
    200: {
      description: 'The policy, in the format asked for',
      content: {
        'application/json': { schema: { type: 'object', description: 'the policy (policies/policy.schema.json)' } },
        'text/html': { schema: { type: 'string' } },
        'text/markdown': { schema: { type: 'string' } },
      },
    },
    ...errorResponses(400, 404),
  },
};
