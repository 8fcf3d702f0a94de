import { checkConflicts } from './lint/check-conflicts.ts';
import { checkQuotes } from './lint/check-quotes.ts';
import { checkReachability } from './lint/check-reachability.ts';
import { checkReferences } from './lint/check-references.ts';
import { checkTimeStatements } from './lint/check-time-statements.ts';
import { checkWindowAnchors } from './lint/check-window-anchors.ts';
import type { LintFinding } from './lint/lint-finding.ts';
import { clauseRegions } from './lint/when-region.ts';
import type { Policy } from './policy.schema.ts';

export type { LintCode, LintFinding } from './lint/lint-finding.ts';

/** Options of `lintPolicy`: the text of the shop's page, to check quotes against. */
export type LintOptions = { sourceText?: string };

/**
 * Checks a valid policy for what its schema cannot see: dangling names,
 * windows with no event to count from, quotes the shop never wrote, clauses
 * that can never apply, and places where the page says two things. Errors
 * make a policy wrong; warnings are tensions a person should settle. Pure.
 */
export function lintPolicy(policy: Policy, opts: LintOptions = {}): LintFinding[] {
  const analysis = clauseRegions(policy);
  const findings = [
    ...checkReferences(policy),
    ...checkWindowAnchors(policy),
    ...(opts.sourceText === undefined ? [] : checkQuotes(policy, opts.sourceText)),
    ...checkReachability(policy, analysis),
    ...checkConflicts(policy, analysis),
    ...checkTimeStatements(policy),
  ];
  // A clause naming an unknown reason matches nothing; the error says why, a "never applies" would only repeat it.
  const broken = new Set(findings.filter((f) => f.level === 'error' && f.clause).map((f) => f.clause));
  return findings.filter((f) => !(f.code === 'never_applies' && broken.has(f.clause)));
}
