import { z } from 'zod';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { BODY_CREDENTIALS } from './people-route-options.ts';
import { SessionViewSchema } from './session-view.schema.ts';

export const SignInStaffBodySchema = z.strictObject({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Docs of POST /api/v1/sessions/staff. */
export const signInStaffSchema = {
  operationId: 'signInStaff',
  tags: ['people'],
  summary: 'Sign in as staff: a session cookie',
  description:
    'Checks the email and password of a staff account (argon2id) and sets the `loupe_session` cookie (HttpOnly, SameSite=Lax, Secure over HTTPS) and the `loupe_csrf` cookie, for 12 hours. A wrong email or password is 401 without saying which. 10 failed attempts per 15 minutes per IP and email, then 429 with Retry-After. Roles: anyone.',
  body: toOpenApiSchema(SignInStaffBodySchema, 'input'),
  security: BODY_CREDENTIALS,
  response: {
    201: { ...toOpenApiSchema(SessionViewSchema), description: 'Signed in; the cookies are set' },
    ...errorResponses(400, 401, 429),
  },
};
