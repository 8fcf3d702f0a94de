import { describe, expect, it } from 'vitest';
import {
  changeOfMind72h,
  changeOfMindLate,
  codes,
  customerPays,
  lint,
  policyWith,
  thirtyDays,
  window30,
} from './lint-fixtures.ts';

describe('lintPolicy: where the page says two things', () => {
  describe('conflicting terms', () => {
    it('warns where two clauses that can both hold set a term differently, and says order decides', () => {
      const findings = lint(policyWith({ clauses: [changeOfMind72h, customerPays] }));
      expect(findings).toEqual([
        {
          level: 'warning',
          code: 'conflicting_terms',
          clause: 'customer-pays',
          path: ['clauses', 1, 'then'],
          message:
            'change-of-mind-72h and customer-pays can both hold for one line and disagree on returnShipping (shop / customer) ' +
            '(earlier clause wins by order; say why with `overrides`)',
        },
      ]);
    });

    it('says which clause wins and why when one declares `overrides`', () => {
      const because = '“we’ll cover the return shipping” is the promise for a change of mind';
      const findings = lint(
        policyWith({
          clauses: [{ ...changeOfMind72h, overrides: [{ clause: 'customer-pays', because }] }, customerPays],
        }),
      );
      expect(findings.map((f) => f.message)).toEqual([
        `change-of-mind-72h and customer-pays can both hold for one line and disagree on returnShipping (shop / customer); resolved: change-of-mind-72h wins: ${because}`,
      ]);
    });

    it('stays quiet where the clauses cannot both hold, one lifts the other, or the line is refused', () => {
      const disjoint = { ...customerPays, when: { request: ['return' as const], reason: ['defective' as const] } };
      expect(lint(policyWith({ clauses: [changeOfMind72h, disjoint] }))).toEqual([]);
      const late = {
        ...customerPays,
        when: { request: ['return' as const], after: { from: 'delivery' as const, hours: 72 } },
      };
      expect(lint(policyWith({ clauses: [changeOfMind72h, late] }))).toEqual([]);
      const lifting = { ...changeOfMind72h, exceptionTo: ['customer-pays'] };
      expect(lint(policyWith({ clauses: [lifting, customerPays] }))).toEqual([]);
      const refused = { ...window30, then: { outcome: 'denied' as const, returnShipping: 'shop' as const } };
      expect(lint(policyWith({ clauses: [refused, customerPays] }))).toEqual([]);
    });

    it('is an error for `overrides` to claim a win the order does not give', () => {
      const findings = lint(
        policyWith({
          clauses: [customerPays, { ...changeOfMind72h, overrides: [{ clause: 'customer-pays', because: 'x' }] }],
        }),
      );
      expect(codes(findings)).toContain('error override_against_order change-of-mind-72h');
      expect(findings.find((f) => f.level === 'error')?.message).toBe(
        'says it wins over customer-pays, but customer-pays comes first and wins by order; move change-of-mind-72h above it, or list customer-pays in its exceptionTo',
      );
    });
  });

  describe('conflicting outcomes', () => {
    it('warns where a denial and an approval on windows of different lengths from one event both hold', () => {
      const findings = lint(policyWith({ clauses: [changeOfMind72h, changeOfMindLate, thirtyDays, customerPays] }));
      const outcomes = findings.filter((f) => f.code === 'conflicting_outcomes');
      expect(outcomes.map((f) => f.message)).toEqual([
        'change-of-mind-late (denied after 72 hours from delivery) and thirty-day-return (approved within 30 days of delivery) ' +
          'can both hold for one line (earlier clause wins by order; say why with `overrides`)',
      ]);
    });

    it('says why when the policy explains the reading', () => {
      const because = 'the 72-hour change-of-mind rule is the specific one';
      const late = { ...changeOfMindLate, overrides: [{ clause: 'thirty-day-return', because }] };
      const findings = lint(policyWith({ clauses: [late, thirtyDays] }));
      expect(findings.map((f) => f.message)).toEqual([
        `change-of-mind-late (denied after 72 hours from delivery) and thirty-day-return (approved within 30 days of delivery) can both hold for one line; resolved: change-of-mind-late wins: ${because}`,
      ]);
    });

    it('leaves plain precedence alone: a deciding clause with no window before a windowed one', () => {
      const worn = { ...window30, id: 'worn', when: { request: ['return' as const], condition: { worn: true } } };
      expect(lint(policyWith({ clauses: [worn, thirtyDays] }))).toEqual([]);
    });

    it('says nothing of a clause that never decides: the clauses deciding in its place are the ones named', () => {
      const when = {
        request: ['return' as const],
        reason: ['changed_mind' as const],
        within: { from: 'delivery' as const, hours: 72 },
      };
      const made = { ...changeOfMind72h, id: 'made', when: { ...when, fulfillment: ['made_to_order' as const] } };
      const ready = { ...changeOfMind72h, id: 'ready', when: { ...when, fulfillment: ['ready_to_ship' as const] } };
      const closed = {
        ...window30,
        when: { request: ['return' as const], after: { from: 'delivery' as const, hours: 48 } },
      };
      const findings = lint(policyWith({ clauses: [made, ready, changeOfMind72h, closed] }));
      expect(codes(findings)).toEqual([
        'warning never_applies change-of-mind-72h',
        'warning conflicting_outcomes window-closed',
        'warning conflicting_outcomes window-closed',
      ]);
      expect(findings.filter((f) => f.code === 'conflicting_outcomes').map((f) => f.message.split(' ')[0])).toEqual([
        'made',
        'ready',
      ]);
    });
  });

  describe('processing and delivery times', () => {
    const craft = { id: 'craft', quote: 'Made-to-order pieces take 6 - 9 business days to craft.', min: 6, max: 9 };
    const table = { id: 'table', quote: 'Made to Order: about 2 - 3 weeks.', min: 2, max: 3 };

    it('warns about two times for the same goods whose ranges do not meet', () => {
      const findings = lint(
        policyWith(
          {},
          {
            processing: [
              { ...craft, unit: 'business_days', fulfillment: 'made_to_order' },
              { ...table, unit: 'weeks', fulfillment: 'made_to_order' },
            ],
          },
        ),
      );
      expect(findings).toEqual([
        {
          level: 'warning',
          code: 'conflicting_times',
          clause: 'table',
          path: ['profile', 'processing', 1],
          message:
            'processing times craft (6 - 9 business days) and table (2 - 3 weeks) do not overlap for made_to_order ' +
            '(say which holds with `overrides`)',
        },
      ]);
    });

    it('is quiet for other goods or meeting ranges, and resolved by `overrides`', () => {
      const other = policyWith(
        {},
        {
          processing: [
            { ...craft, unit: 'business_days', fulfillment: 'made_to_order' },
            { ...table, unit: 'weeks', fulfillment: 'ready_to_ship' },
          ],
        },
      );
      expect(lint(other)).toEqual([]);
      const resolved = policyWith(
        {},
        {
          processing: [
            { ...craft, unit: 'business_days', overrides: [{ clause: 'table', because: 'the table is for remakes' }] },
            { ...table, unit: 'weeks' },
          ],
        },
      );
      expect(lint(resolved).map((f) => f.message)).toEqual([
        'processing times craft (6 - 9 business days) and table (2 - 3 weeks) do not overlap; resolved: craft wins: the table is for remakes',
      ]);
    });

    it('is an error for a range to end before it starts', () => {
      const findings = lint(policyWith({}, { delivery: [{ ...craft, min: 9, max: 6, unit: 'days' }] }));
      expect(codes(findings)).toEqual(['error bad_range craft']);
    });
  });
});
