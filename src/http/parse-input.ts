import type { z } from 'zod';
import { toIssues } from '../domain/contract/parse-case.ts';
import { DomainError, formatPath } from '../domain/errors.ts';

/**
 * Reads untrusted request input (params, query, body) with a zod schema, or
 * refuses it with INVALID_INPUT naming the first field at fault.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error);
  const first = issues[0];
  throw new DomainError('INVALID_INPUT', `${formatPath(first?.path ?? [])}: ${first?.message ?? 'invalid'}`, issues);
}
