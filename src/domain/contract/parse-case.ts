import type { z } from 'zod';
import { DomainError, formatPath, type Issue, type Result } from '../errors.ts';
import { type Case, CaseSchema } from './case.schema.ts';

/** Zod's issues as ours: a code, the path of the field and a message. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ code: i.code, path: i.path as (string | number)[], message: i.message }));
}

/** Reads an untrusted value as a case of the decision contract. */
export function parseCase(input: unknown): Result<Case> {
  const parsed = CaseSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}

/** Like `parseCase`, for callers that map errors once at their boundary. */
export function parseCaseOrThrow(input: unknown): Case {
  const result = parseCase(input);
  if (result.ok) return result.value;
  const first = result.issues[0];
  const where = first ? `${formatPath(first.path)}: ${first.message}` : 'not a case';
  throw new DomainError('INVALID_CASE', where, result.issues);
}
