import { z } from 'zod';
import { toOpenApiSchema } from './openapi-schema.ts';

const IdempotencyKeySchema = z.string().min(1).max(255);

const WHAT_IT_DOES =
  'a unique string per intended operation (a UUID). A retry with the same key and body within 24 hours answers the first response (status and body, byte for byte, with `Idempotent-Replayed: true`); the same key with another body is 409 IDEMPOTENCY_MISMATCH. A key is forgotten 24 hours after its first use';

/** The header every creating POST of the money API takes. */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': IdempotencyKeySchema.describe(
    `required: ${WHAT_IT_DOES}, though a key that booked money stays taken on the ledger for good (409 IDEMPOTENCY_MISMATCH after 24 hours)`,
  ),
});

/** The header of a creating POST that may be retried safely, but works without it too. */
export const OptionalIdempotencyHeadersSchema = z.object({
  'idempotency-key': IdempotencyKeySchema.optional().describe(
    `optional: ${WHAT_IT_DOES}. Without it the request runs every time it is sent`,
  ),
});

/** OpenAPI for a required Idempotency-Key header. */
export const idempotencyHeaders = toOpenApiSchema(IdempotencyHeadersSchema, 'input');

/** OpenAPI for an optional Idempotency-Key header. */
export const optionalIdempotencyHeaders = toOpenApiSchema(OptionalIdempotencyHeadersSchema, 'input');

/** OpenAPI for the response header that marks a replayed answer, to spread into a response's docs. */
export const replayedResponseHeaders = {
  headers: {
    'Idempotent-Replayed': {
      type: 'string',
      enum: ['true'],
      description: 'present when this is the stored answer to an earlier request with the same Idempotency-Key',
    },
  },
};
