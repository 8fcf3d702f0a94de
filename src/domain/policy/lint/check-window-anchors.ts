import type { Policy, Window } from '../policy.schema.ts';
import type { LintFinding } from './lint-finding.ts';
import { walkWhen } from './walk-when.ts';

const MESSAGE = 'a window needs `from`: placement, production_start, shipment or delivery';

/**
 * Every window counts from an event of the order. Without `from` the engine
 * counts from the moment of asking, so `within` always holds and `after` never
 * does: never what a shop's "within 30 days" means.
 */
export function checkWindowAnchors(policy: Policy): LintFinding[] {
  const findings: LintFinding[] = [];
  const check = (clause: string, window: Window | undefined, path: (string | number)[]) => {
    if (window && window.from === undefined)
      findings.push({ level: 'error', code: 'window_without_anchor', clause, path, message: MESSAGE });
  };
  policy.clauses.forEach((clause, i) => {
    walkWhen(clause.when, ['clauses', i, 'when'], (when, path) => {
      check(clause.id, when.within, [...path, 'within']);
      check(clause.id, when.after, [...path, 'after']);
    });
    check(clause.id, clause.then?.returnWithin, ['clauses', i, 'then', 'returnWithin']);
  });
  return findings;
}
