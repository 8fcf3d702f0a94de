import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { SessionViewSchema } from './session-view.schema.ts';

const SIGNED_IN: Record<string, string[]>[] = [{ session: [] }, { staffToken: [] }];

/** Docs of GET /api/v1/sessions/current. */
export const getCurrentSessionSchema = {
  operationId: 'getCurrentSession',
  tags: ['people'],
  summary: 'Who the caller is, and the session’s CSRF token',
  description:
    'The caller signed in by a session cookie (with its `csrfToken`, the synchronizer token to send as `X-CSRF-Token` on writes) or by a bearer token. Without either, 401. Roles: customer, agent, owner.',
  security: SIGNED_IN,
  response: {
    200: { ...toOpenApiSchema(SessionViewSchema), description: 'Who is signed in' },
    ...errorResponses(401),
  },
};

/** Docs of DELETE /api/v1/sessions/current. */
export const endCurrentSessionSchema = {
  operationId: 'endCurrentSession',
  tags: ['people'],
  summary: 'Sign out: end the session and clear its cookies',
  description:
    'Deletes the session of the cookie, which must come with `X-CSRF-Token` like every cookie-authenticated write (403 without it); 401 when there is no live session (a bearer token has none). Roles: customer, agent, owner.',
  security: [{ session: [] }],
  response: {
    204: { type: 'null', description: 'Signed out; the cookies are cleared' },
    ...errorResponses(401, 403),
  },
};
