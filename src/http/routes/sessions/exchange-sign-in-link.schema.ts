import { z } from 'zod';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { BODY_CREDENTIALS } from './people-route-options.ts';
import { SessionViewSchema } from './session-view.schema.ts';

export const ExchangeSignInLinkBodySchema = z.strictObject({
  token: z.string().min(1).max(200).describe('the token of the sign-in link'),
});

/** Docs of POST /api/v1/sessions/link. */
export const exchangeSignInLinkSchema = {
  operationId: 'exchangeSignInLink',
  tags: ['people'],
  summary: 'Exchange a sign-in link’s token for a customer session',
  description:
    'Uses up the link and sets a session cookie covering every order of its email in its shop (orders imported later too), for 7 days. An unknown, used or expired link is 401; 10 failures per 15 minutes per IP, then 429. Roles: anyone holding a link.',
  body: toOpenApiSchema(ExchangeSignInLinkBodySchema, 'input'),
  security: BODY_CREDENTIALS,
  response: {
    201: { ...toOpenApiSchema(SessionViewSchema), description: 'Signed in; the cookies are set' },
    ...errorResponses(400, 401, 429),
  },
};
