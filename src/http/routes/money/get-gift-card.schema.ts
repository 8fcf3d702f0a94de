import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { GiftCardParamsSchema, GiftCardSchema } from './money.schema.ts';

/** Docs of GET /api/v1/gift-cards/:code. */
export const getGiftCardSchema = {
  operationId: 'getGiftCard',
  tags: ['money'],
  summary: 'A gift card’s balance',
  description:
    'The balance of the gift card with this code, for whoever holds it: the code is the secret, so no sign-in is needed. A code that cannot be one is 400; an unknown code is 404.',
  params: toOpenApiSchema(GiftCardParamsSchema),
  response: {
    200: { ...toOpenApiSchema(GiftCardSchema), description: 'The gift card' },
    ...errorResponses(400, 404),
  },
};
