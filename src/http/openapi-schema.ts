import { z } from 'zod';

/**
 * A zod schema as a JSON Schema (2020-12, which OpenAPI 3.1 speaks) for the
 * route docs. `input` for what clients send (defaults are optional), `output`
 * for what the API answers.
 */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}
