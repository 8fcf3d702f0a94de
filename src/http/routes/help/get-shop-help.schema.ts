import { ShopHelpSchema } from '../../../services/help/shop-help.schema.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';

/** Docs of GET /api/v1/shops/:id/help. */
export const getShopHelpSchema = {
  operationId: 'getShopHelp',
  tags: ['shops'],
  summary: 'A shop’s help center: questions, size guide and policy page',
  description:
    'Public, no sign-in. From the shop’s policy version in force now (the same source as `GET /shops/{id}/policy?format=html`): the questions of its help center answered in the shop’s own words (each marked when it depends on one order), its size guide (tables marked when they are shop settings, not the shop’s words), the policy page’s sections as text, and its contact.',
  params: toOpenApiSchema(ShopParamsSchema),
  response: {
    200: { ...toOpenApiSchema(ShopHelpSchema), description: 'The help center' },
    ...errorResponses(400, 404),
  },
};
