import { DOMAIN_ERRORS, DomainError, formatPath, type Issue } from '../domain/errors.ts';

/** Exit status for an input Loupe refuses (a bad case, policy, or unknown shop or line). */
export const EXIT_BAD_INPUT = 2;

/** One line per issue: where, and what to do. */
export function describeIssues(issues: Issue[]): string[] {
  return issues.map((i) => {
    const where = i.line ? `line ${i.line}, column ${i.column}: ` : '';
    return `  ${where}${formatPath(i.path)}: ${i.message}`;
  });
}

/** Writes an error for a person on stderr, never a stack trace, and returns the exit status. */
export function reportError(err: unknown, context = ''): number {
  const prefix = context ? `${context}: ` : '';
  if (err instanceof DomainError) {
    process.stderr.write(`loupe: ${prefix}${DOMAIN_ERRORS[err.code].title}: ${err.message}\n`);
    const lines = describeIssues(err.issues.slice(1));
    if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`loupe: ${prefix}internal error: ${message}\n`);
  if (process.env.LOUPE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
