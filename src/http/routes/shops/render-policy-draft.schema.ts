import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { PolicyYamlSchema } from './policy-version.schema.ts';

export const RenderPolicyDraftBodySchema = z.strictObject({ yaml: PolicyYamlSchema });

export const RenderedPolicyDraftSchema = z.object({
  version: z.string(),
  html: z.string().describe('the customer-facing page, a whole HTML document'),
});

/** Docs of POST /api/v1/shops/:id/policy-versions/render. */
export const renderPolicyDraftSchema = {
  operationId: 'renderPolicyDraft',
  tags: ['shops'],
  summary: 'Render a draft policy as the page customers would read',
  description:
    'The draft’s customer-facing page, as `GET /shops/:id/policy?format=html` will show it once published. Nothing is stored; a draft that does not parse is 400 naming the field. Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  body: toOpenApiSchema(RenderPolicyDraftBodySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(RenderedPolicyDraftSchema), description: 'The page of the draft' },
    ...errorResponses(400, 401, 403, 404),
  },
};
