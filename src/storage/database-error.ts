/** SQLSTATE codes the services answer to (PostgreSQL appendix A); PGlite reports the same ones. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** What the database said when it refused a statement: its SQLSTATE, and the constraint it names, if any. */
export type DatabaseRefusal = { code: string; constraint: string | undefined; message: string };

/**
 * The database's own error behind an exception, or undefined when there is
 * none. drizzle wraps driver errors (`DrizzleQueryError`, the driver's error as
 * `cause`); node-postgres and PGlite both put the SQLSTATE in `code`.
 */
export function readDatabaseError(error: unknown): DatabaseRefusal | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint, message, cause } = e as {
      code?: unknown;
      constraint?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return {
        code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        message: typeof message === 'string' ? message : '',
      };
    e = cause;
  }
  return undefined;
}

/** Whether an exception is the database refusing a row because of the named constraint. */
export function violatesConstraint(error: unknown, constraint: string): boolean {
  return readDatabaseError(error)?.constraint === constraint;
}
