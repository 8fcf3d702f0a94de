/** Every error Loupe can hand to a user, each with one HTTP status and title. */
export const DOMAIN_ERRORS = {
  INVALID_CASE: { status: 400, title: 'The case does not match the decision contract' },
  INVALID_POLICY: { status: 400, title: 'The policy file is not valid' },
  UNKNOWN_SHOP: { status: 404, title: 'No policy is loaded for this shop' },
  UNKNOWN_LINE: { status: 400, title: 'The request names a line the order does not have' },
  SHOP_MISMATCH: { status: 400, title: 'The case is for another shop than the policy' },
  INVALID_INPUT: { status: 400, title: 'The input could not be read' },
  NOT_FOUND: { status: 404, title: 'Not found' },
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
