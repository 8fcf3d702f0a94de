import { REASONS } from '../../contract/case.schema.ts';
import type { Policy } from '../policy.schema.ts';
import type { LintFinding } from './lint-finding.ts';
import { walkWhen } from './walk-when.ts';

const CONTRACT_REASONS = new Set<string>(REASONS);

/**
 * Names that must point at something: clause ids in `exceptionTo` and
 * `overrides`, reasons and reason groups, settings; and ids cited as a clause
 * (clauses, fallback, response and resolution times) must be unique.
 */
export function checkReferences(policy: Policy): LintFinding[] {
  const findings: LintFinding[] = [];
  const clauseIds = new Set(policy.clauses.map((c) => c.id));

  const cited: { id: string; path: (string | number)[] }[] = [
    ...policy.clauses.map((c, i) => ({ id: c.id, path: ['clauses', i, 'id'] })),
    { id: policy.fallback.id, path: ['fallback', 'id'] },
    ...(policy.responseTime ? [{ id: policy.responseTime.id, path: ['responseTime', 'id'] }] : []),
    ...(policy.resolutionTime ? [{ id: policy.resolutionTime.id, path: ['resolutionTime', 'id'] }] : []),
  ];
  findings.push(...duplicates(cited));
  const times = (['processing', 'delivery'] as const).flatMap((list) =>
    policy.profile[list].map((t, i) => ({ id: t.id, path: ['profile', list, i, 'id'] })),
  );
  findings.push(...duplicates(times));

  policy.clauses.forEach((clause, i) => {
    clause.exceptionTo?.forEach((target, k) => {
      if (!clauseIds.has(target)) {
        findings.push(
          unknownClause(
            clause.id,
            ['clauses', i, 'exceptionTo', k],
            `exceptionTo: no clause "${target}"${didYouMean(target, clauseIds)}`,
          ),
        );
      }
    });
    clause.overrides?.forEach((o, k) => {
      if (!clauseIds.has(o.clause)) {
        findings.push(
          unknownClause(
            clause.id,
            ['clauses', i, 'overrides', k, 'clause'],
            `overrides: no clause "${o.clause}"${didYouMean(o.clause, clauseIds)}`,
          ),
        );
      }
    });
    walkWhen(clause.when, ['clauses', i, 'when'], (when, path) => {
      when.reason?.forEach((name, k) => {
        if (CONTRACT_REASONS.has(name) || Object.hasOwn(policy.reasonGroups, name)) return;
        const groups = Object.keys(policy.reasonGroups);
        findings.push({
          level: 'error',
          code: 'unknown_reason',
          clause: clause.id,
          path: [...path, 'reason', k],
          message: `"${name}" is neither a reason of the contract nor one of the policy's reasonGroups${didYouMean(name, [...CONTRACT_REASONS, ...groups])}`,
        });
      });
    });
    const fee = clause.then?.restockingFee;
    if (fee && 'setting' in fee && !Object.hasOwn(policy.settings, fee.setting)) {
      findings.push({
        level: 'error',
        code: 'unknown_setting',
        clause: clause.id,
        path: ['clauses', i, 'then', 'restockingFee', 'setting'],
        message: `restockingFee: no setting "${fee.setting}" in settings`,
      });
    }
  });

  const timeIds = new Set(times.map((t) => t.id));
  for (const list of ['processing', 'delivery'] as const) {
    policy.profile[list].forEach((t, i) => {
      t.overrides?.forEach((o, k) => {
        if (timeIds.has(o.clause)) return;
        findings.push(
          unknownClause(
            t.id,
            ['profile', list, i, 'overrides', k, 'clause'],
            `overrides: no processing or delivery time "${o.clause}"${didYouMean(o.clause, timeIds)}`,
          ),
        );
      });
    });
  }
  return findings;
}

function unknownClause(clause: string, path: (string | number)[], message: string): LintFinding {
  return { level: 'error', code: 'unknown_clause', clause, path, message };
}

function duplicates(items: { id: string; path: (string | number)[] }[]): LintFinding[] {
  const seen = new Set<string>();
  const findings: LintFinding[] = [];
  for (const { id, path } of items) {
    if (seen.has(id)) {
      findings.push({
        level: 'error',
        code: 'duplicate_id',
        clause: id,
        path,
        message: `the id "${id}" is used twice; a reason cites a clause by its id`,
      });
    }
    seen.add(id);
  }
  return findings;
}

/** `; did you mean "x"?` for the closest known name within a few edits, else nothing. */
function didYouMean(name: string, known: Iterable<string>): string {
  let best: { id: string; d: number } | undefined;
  for (const id of known) {
    const d = editDistance(name, id);
    if (d <= Math.max(2, Math.floor(name.length / 4)) && (!best || d < best.d)) best = { id, d };
  }
  return best ? `; did you mean "${best.id}"?` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
