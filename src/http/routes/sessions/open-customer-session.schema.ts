import { z } from 'zod';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { BODY_CREDENTIALS } from './people-route-options.ts';
import { SessionViewSchema } from './session-view.schema.ts';

export const OpenCustomerSessionBodySchema = z.strictObject({
  orderNumber: z.string().min(1).describe('the number of the order'),
  email: z.string().min(1).describe('the email the order was placed with'),
});

/** Docs of POST /api/v1/shops/:id/sessions/customer. */
export const openCustomerSessionSchema = {
  operationId: 'openCustomerSession',
  tags: ['people'],
  summary: 'Sign in as a customer of one order: a session cookie',
  description:
    'Finds the shop’s order by its number and the email it was placed with and sets a session cookie scoped to that order (HttpOnly `loupe_session`, SameSite=Lax, Secure over HTTPS, and `loupe_csrf`), for 7 days. A mismatch is 401 without saying which part was wrong; 10 failed look-ups per 15 minutes per IP and order number (with the per-request `orderNumber` and `email`), then 429. Roles: anyone.',
  params: toOpenApiSchema(ShopParamsSchema),
  body: toOpenApiSchema(OpenCustomerSessionBodySchema, 'input'),
  security: BODY_CREDENTIALS,
  response: {
    201: { ...toOpenApiSchema(SessionViewSchema), description: 'Signed in; the cookies are set' },
    ...errorResponses(400, 401, 404, 429),
  },
};
