import type { Policy, TimeStatement } from '../policy.schema.ts';
import type { LintFinding } from './lint-finding.ts';
import { resolutionOf } from './resolution-of.ts';

/** Days per unit, to compare "6 - 9 business days" with "about 2 - 3 weeks"; a business day counts as a day. */
const DAYS: Record<TimeStatement['unit'], number> = { hours: 1 / 24, days: 1, business_days: 1, weeks: 7 };

/**
 * Two processing (or two delivery) times that speak of the same goods and
 * destination but whose ranges do not meet: the page says two things, and the
 * policy should say which holds (`overrides`).
 */
export function checkTimeStatements(policy: Policy): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const list of ['processing', 'delivery'] as const) {
    const times = policy.profile[list];
    times.forEach((t, i) => {
      if (t.min > t.max) {
        findings.push({
          level: 'error',
          code: 'bad_range',
          clause: t.id,
          path: ['profile', list, i, 'min'],
          message: `min ${t.min} is more than max ${t.max}`,
        });
      }
    });
    for (let j = 0; j < times.length; j++) {
      const b = times[j] as TimeStatement;
      for (let i = 0; i < j; i++) {
        const a = times[i] as TimeStatement;
        if (!sameGoods(a, b) || rangesMeet(a, b)) continue;
        const where = [a.fulfillment ?? b.fulfillment, a.destination ?? b.destination].filter(Boolean).join(', ');
        findings.push({
          level: 'warning',
          code: 'conflicting_times',
          clause: b.id,
          path: ['profile', list, j],
          message:
            `${list} times ${a.id} (${describe(a)}) and ${b.id} (${describe(b)}) do not overlap` +
            `${where ? ` for ${where}` : ''}${resolutionOf(a, b, '(say which holds with `overrides`)')}`,
        });
      }
    }
  }
  return findings;
}

const sameGoods = (a: TimeStatement, b: TimeStatement) =>
  (a.fulfillment === undefined || b.fulfillment === undefined || a.fulfillment === b.fulfillment) &&
  (a.destination === undefined || b.destination === undefined || a.destination === b.destination);

const rangesMeet = (a: TimeStatement, b: TimeStatement) =>
  a.min * DAYS[a.unit] <= b.max * DAYS[b.unit] && b.min * DAYS[b.unit] <= a.max * DAYS[a.unit];

const describe = (t: TimeStatement) => `${t.min === t.max ? t.min : `${t.min} - ${t.max}`} ${t.unit.replace('_', ' ')}`;
