import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DOMAIN_ERRORS, DomainError, type DomainErrorCode, formatPath } from '../domain/errors.ts';
import { toOpenApiSchema } from './openapi-schema.ts';
import { RateLimitedError } from './rate-limiter.ts';

const CODES = Object.keys(DOMAIN_ERRORS) as DomainErrorCode[];

/** The body of every error the API answers: a catalogue code, a message, and the field at fault. */
export const ErrorBodySchema = z.object({
  code: z.enum([...CODES, 'INTERNAL']).describe('a code of the error catalogue; INTERNAL for a fault of Loupe'),
  message: z.string(),
  path: z.string().optional().describe('the field at fault, e.g. "order.placedAt" or "request.lines[0]"'),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error as the API answers it: the status from the catalogue, and the body. */
export type HttpError = { status: number; body: ErrorBody };

function fromCatalogue(code: DomainErrorCode, message: string, path?: (string | number)[]): HttpError {
  const body: ErrorBody = { code, message };
  if (path?.length) body.path = formatPath(path);
  return { status: DOMAIN_ERRORS[code].status, body };
}

/** "/order/lines/0/id" (Ajv's instancePath) as the path segments of our issues. */
const pointerPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')));

/**
 * Maps anything a request can fail with to the API's answer, through the one
 * catalogue: a DomainError by its code; Fastify's own refusals of a request
 * (malformed or empty JSON, schema validation, size or media type) as
 * INVALID_INPUT; anything else is Loupe's fault, a 500 that shows no detail.
 */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof DomainError) return fromCatalogue(err.code, err.message, err.issues[0]?.path);
  const fastifyError = err as Partial<FastifyError>;
  if (fastifyError.validation) {
    const first = fastifyError.validation[0];
    const path = first ? pointerPath(first.instancePath) : [];
    return fromCatalogue('INVALID_INPUT', fastifyError.message ?? 'invalid request', path);
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return fromCatalogue('INVALID_INPUT', fastifyError.message ?? 'invalid request');
  return { status: 500, body: { code: 'INTERNAL', message: 'internal error: the request was not processed' } };
}

/** Answers every error and unknown route with the catalogue's body, and logs only Loupe's own faults. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toHttpError(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (err instanceof RateLimitedError) reply.header('retry-after', String(err.retryAfterSeconds));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = fromCatalogue('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(status).send(body);
  });
}

/**
 * OpenAPI error responses for the given statuses; each description lists every
 * catalogue code answered with that status, so the docs cannot miss one.
 */
export function errorResponses(...statuses: number[]): Record<number, Record<string, unknown>> {
  const schema = toOpenApiSchema(ErrorBodySchema);
  return Object.fromEntries(
    statuses.map((status) => {
      const codes = CODES.filter((code) => DOMAIN_ERRORS[code].status === status);
      const description = [
        `Error (${status}) \`{ code, message, path? }\`, code one of:`,
        ...codes.map((code) => `- \`${code}\`: ${DOMAIN_ERRORS[code].title}`),
      ].join('\n');
      return [status, { ...schema, description }];
    }),
  );
}
