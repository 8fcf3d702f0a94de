import { z } from 'zod';
import { toOpenApiSchema } from '../openapi-schema.ts';

export const HealthSchema = z.object({ ok: z.literal(true) });

/** Docs of GET /api/v1/health. */
export const healthSchema = {
  operationId: 'health',
  tags: ['system'],
  summary: 'Liveness check',
  description: 'Answers `{ ok: true }` while the server is up and its policies are loaded.',
  response: { 200: { ...toOpenApiSchema(HealthSchema), description: 'The server is up' } },
};
