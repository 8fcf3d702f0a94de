/** What `lintPolicy` can report, each code for one kind of mistake or tension in a policy. */
export type LintCode =
  | 'unknown_clause'
  | 'duplicate_id'
  | 'unknown_reason'
  | 'unknown_setting'
  | 'window_without_anchor'
  | 'quote_not_in_source'
  | 'never_applies'
  | 'override_against_order'
  | 'conflicting_terms'
  | 'conflicting_outcomes'
  | 'conflicting_times'
  | 'bad_range';

/** One finding of the policy linter, with the path of the field it concerns. */
export type LintFinding = {
  level: 'error' | 'warning';
  code: LintCode;
  /** The id of the clause (or time statement) the finding is about. */
  clause?: string;
  path: (string | number)[];
  message: string;
};
