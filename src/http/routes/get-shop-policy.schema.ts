import { z } from 'zod';
import { errorResponses } from '../http-errors.ts';
import { toOpenApiSchema } from '../openapi-schema.ts';

export const POLICY_FORMATS = ['json', 'html', 'md'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

/** The response header naming the version shown, so a shop owner sees the one just published is live. */
export const POLICY_VERSION_HEADER = 'Loupe-Policy-Version';
/** The response header saying when the version shown takes (or took) effect; servers with a database only. */
export const POLICY_EFFECTIVE_FROM_HEADER = 'Loupe-Policy-Effective-From';

export const ShopPolicyParamsSchema = z.object({ id: z.string().describe('the shop id') });
export const ShopPolicyQuerySchema = z.object({
  format: z
    .enum(POLICY_FORMATS)
    .optional()
    .describe('json (the policy data), html (the customer-facing page) or md; wins over the Accept header'),
  version: z
    .string()
    .min(1)
    .optional()
    .describe('a version’s name (`2026-11-01`), in force or not; default the version in force now'),
});

/** Docs of GET /api/v1/shops/:id/policy; params and query are read by zod in the handler. */
export const getShopPolicySchema = {
  operationId: 'getShopPolicy',
  tags: ['shops'],
  summary: 'A shop’s policy, as data or as its customer-facing page',
  description: `The policy version in force now (the latest published with \`POST /shops/{id}/policy-versions\` whose \`effectiveFrom\` has come), or the one \`?version=\` names, as JSON (policy.schema.json; its \`version\` field names the version), or the page generated from it: \`Accept: text/html\` or \`?format=html\` for a standalone HTML page, \`Accept: text/markdown\` or \`?format=md\` for Markdown. The \`${POLICY_VERSION_HEADER}\` header names the version in every format. A server without a database serves the bundled policy file.`,
  params: toOpenApiSchema(ShopPolicyParamsSchema),
  querystring: toOpenApiSchema(ShopPolicyQuerySchema, 'input'),
  response: {
    200: {
      description: 'The policy, in the format asked for',
      headers: {
        [POLICY_VERSION_HEADER]: {
          type: 'string',
          description: 'the name of the version shown, percent-encoded as in a URL (`2026-11-01` reads as is)',
        },
        [POLICY_EFFECTIVE_FROM_HEADER]: {
          type: 'string',
          format: 'date-time',
          description: 'when the version shown takes or took effect (absent on a server without a database)',
        },
      },
      content: {
        'application/json': { schema: { type: 'object', description: 'the policy (policies/policy.schema.json)' } },
        'text/html': { schema: { type: 'string' } },
        'text/markdown': { schema: { type: 'string' } },
      },
    },
    ...errorResponses(400, 404),
  },
};
