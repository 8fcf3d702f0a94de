import type { z } from 'zod';
import { toIssues } from '../domain/contract/parse-case.ts';
import { DomainError, formatPath } from '../domain/errors.ts';

/**
 * Reads untrusted request input (params, query, body) with a zod schema, or
 * refuses it with INVALID_INPUT naming the first field at fault. A string (or
 * a key) holding the NUL character is refused too: PostgreSQL stores it in
 * neither text nor jsonb, and would fail the request as a fault of Loupe.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    const nul = pathOfNul(parsed.data);
    if (nul) {
      const message = 'must not contain the NUL character (\\u0000)';
      throw new DomainError('INVALID_INPUT', `${formatPath(nul)}: ${message}`, [
        { code: 'invalid_string', path: nul, message },
      ]);
    }
    return parsed.data;
  }
  const issues = toIssues(parsed.error);
  const first = issues[0];
  throw new DomainError('INVALID_INPUT', `${formatPath(first?.path ?? [])}: ${first?.message ?? 'invalid'}`, issues);
}

/** Where the first string or key holding a NUL character is in a parsed value; undefined when none does. */
function pathOfNul(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = pathOfNul(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes('\u0000') ? [...path, key] : pathOfNul(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
