import { z } from 'zod';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { BODY_CREDENTIALS } from './people-route-options.ts';

export const SendSignInLinkBodySchema = z.strictObject({
  email: z.string().min(3).max(320).describe('the email the customer ordered with'),
});

export const SignInLinkAcceptedSchema = z.object({ accepted: z.literal(true) });

/** Docs of POST /api/v1/shops/:id/sign-in-links. */
export const sendSignInLinkSchema = {
  operationId: 'sendSignInLink',
  tags: ['people'],
  summary: 'Mail a customer a one-time sign-in link',
  description:
    'Always answers 202, whether or not the shop knows the email (no one learns who its customers are). When the shop has orders placed with the email, mails it a link to the portal’s `/sign-in#token=…` page, which exchanges the token at `POST /api/v1/sessions/link`; the link works once, for 15 minutes, and only its hash is stored. 10 requests per 15 minutes per IP and email, then 429. Roles: anyone.',
  params: toOpenApiSchema(ShopParamsSchema),
  body: toOpenApiSchema(SendSignInLinkBodySchema, 'input'),
  security: BODY_CREDENTIALS,
  response: {
    202: { ...toOpenApiSchema(SignInLinkAcceptedSchema), description: 'A link is on its way if the email has orders' },
    ...errorResponses(400, 404, 429),
  },
};
