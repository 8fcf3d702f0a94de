/** Every error Loupe can hand to a user, each with one HTTP status and title. */
export const DOMAIN_ERRORS = {
  INVALID_CASE: { status: 400, title: 'The case does not match the decision contract' },
  INVALID_POLICY: { status: 400, title: 'The policy file is not valid' },
  UNKNOWN_SHOP: { status: 404, title: 'No policy is loaded for this shop' },
  UNKNOWN_LINE: { status: 400, title: 'The request names a line the order does not have' },
  SHOP_MISMATCH: { status: 400, title: 'The case is for another shop than the policy' },
  INVALID_INPUT: { status: 400, title: 'The input could not be read' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  UNAUTHORIZED: {
    status: 401,
    title: 'Who is asking could not be told: a session, a staff token, or an order number and its email',
  },
  FORBIDDEN: { status: 403, title: 'The caller may not do this' },
  MISSING_INPUT: { status: 400, title: 'The action needs an input that was not given' },
  ILLEGAL_TRANSITION: { status: 409, title: 'The case cannot take this action in its state; it is unchanged' },
  CONFLICT: { status: 409, title: 'Someone changed it first: read it again and retry' },
  POLICY_LINT_FAILED: { status: 400, title: 'The policy has lint errors; nothing was stored' },
  // Money (docs/decisions/008-money.md).
  REMEDY_NOT_OFFERED: { status: 409, title: "The case's decision does not offer this remedy" },
  OVER_REFUND: { status: 409, title: 'The amount is more than is left to refund on the case' },
  INSUFFICIENT_BALANCE: { status: 409, title: 'The gift card’s balance is less than the amount' },
  IDEMPOTENCY_MISMATCH: { status: 409, title: 'The Idempotency-Key was first used for a different request' },
  // People (docs/decisions/014-people-and-sessions.md).
  RATE_LIMITED: { status: 429, title: 'Too many attempts: wait the seconds of the Retry-After header' },
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/** One problem, with the path of the field it concerns. */
export type Issue = {
  code: string;
  path: (string | number)[];
  message: string;
  /** Where in a source file, 1-based, when the input came from one. */
  line?: number;
  column?: number;
};

/** An expected refusal at a boundary: a code from the catalogue and the fields at fault. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: Issue[];
  constructor(code: DomainErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

/** Result of parsing at a boundary: a value, or the issues that stop it. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** `a.b[0].c` for a path, `(root)` for none. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
