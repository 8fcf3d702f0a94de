import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The CSRF token the server set beside the session cookie (docs/decisions/014). */
function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)loupe_csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

// Writes made with the session cookie must echo its CSRF token, else 403.
const sendCsrfToken: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

/** The typed client for Loupe's API: paths, bodies and answers come from the server's OpenAPI. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sendCsrfToken);

/** Every error the API answers: a code of one catalogue, a message, the field it is about. */
export type ApiError = { code: string; message: string; path?: (string | number)[] };

/** An API error as a thrown value, so TanStack Query sees it as a failure. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
}

/** The data of an openapi-fetch answer, or an ApiFailure carrying the server's message. */
export function dataOrThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const body = (result.error ?? {}) as Partial<ApiError>;
    throw new ApiFailure(result.response.status, {
      code: body.code ?? `HTTP_${result.response.status}`,
      message: body.message ?? `The server answered ${result.response.status}.`,
      ...(body.path ? { path: body.path } : {}),
    });
  }
  return result.data;
}
