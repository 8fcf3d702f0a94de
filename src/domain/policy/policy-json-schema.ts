import { z } from 'zod';
import { PolicySchema } from './policy.schema.ts';

/**
 * The policy format as JSON Schema, for editors (`# yaml-language-server:
 * $schema=./policy.schema.json`): the input side, so fields with defaults are
 * optional as they are when writing a file; draft-07, the draft YAML editors
 * (yaml-language-server) fully support.
 */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PolicySchema, { io: 'input', target: 'draft-07' }),
    title: 'Loupe policy',
    description: "A shop's after-sales policy as data (loupe policy schema).",
  };
}
