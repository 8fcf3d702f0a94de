import { describe, expect, it } from 'vitest';
import { changeOfMind72h, codes, customerPays, lint, policyWith, thirtyDays, window30 } from './lint/lint-fixtures.ts';
import { lintPolicy } from './lint-policy.ts';

describe('lintPolicy', () => {
  it('finds nothing in a clean policy', () => {
    expect(lint(policyWith())).toEqual([]);
  });

  describe('references', () => {
    it('reports an exceptionTo or overrides naming no clause, suggesting the closest id', () => {
      const findings = lint(
        policyWith({
          clauses: [
            { ...window30, exceptionTo: ['thirty-day-retrun'] },
            { ...thirtyDays, overrides: [{ clause: 'nowhere', because: 'x' }] },
            customerPays,
          ],
        }),
      );
      expect(codes(findings)).toEqual(['error unknown_clause window-closed', 'error unknown_clause thirty-day-return']);
      expect(findings[0]?.path).toEqual(['clauses', 0, 'exceptionTo', 0]);
      expect(findings[0]?.message).toBe(
        'exceptionTo: no clause "thirty-day-retrun"; did you mean "thirty-day-return"?',
      );
      expect(findings[1]?.message).toBe('overrides: no clause "nowhere"');
    });

    it('reports a clause id used twice, and a clause sharing the fallback id', () => {
      const findings = lint(
        policyWith({ clauses: [window30, { ...thirtyDays, id: 'window-closed' }, { ...customerPays, id: 'contact' }] }),
      );
      expect(codes(findings)).toContain('error duplicate_id window-closed');
      expect(codes(findings)).toContain('error duplicate_id contact');
    });

    it('reports a reason that is neither a contract reason nor a reason group, even nested in `not`', () => {
      const findings = lint(
        policyWith({
          reasonGroups: { faulty: ['defective', 'arrived_damaged'] },
          clauses: [
            { ...thirtyDays, when: { request: ['return'], reason: ['faulty', 'changed_mind'] } },
            { ...customerPays, when: { request: ['return'], not: { reason: ['chagned_mind'] } } },
          ],
        }),
      );
      expect(codes(findings)).toEqual(['error unknown_reason customer-pays']);
      expect(findings[0]?.path).toEqual(['clauses', 1, 'when', 'not', 'reason', 0]);
      expect(findings[0]?.message).toContain('did you mean "changed_mind"?');
    });

    it('reports a restocking fee naming a setting the policy does not have', () => {
      const fee = { ...customerPays, then: { restockingFee: { setting: 'restocking-fee' } } };
      expect(codes(lint(policyWith({ clauses: [fee] })))).toEqual(['error unknown_setting customer-pays']);
      const withSetting = policyWith({
        clauses: [fee],
        settings: { 'restocking-fee': { value: 10, note: 'the page gives no figure' } },
      });
      expect(lint(withSetting)).toEqual([]);
    });
  });

  describe('windows', () => {
    it('reports a window with no event to count from, in `when` at any depth and in `returnWithin`', () => {
      const findings = lint(
        policyWith({
          clauses: [
            { ...window30, when: { request: ['return'], after: { days: 30 } } },
            { ...thirtyDays, when: { any: [{ within: { days: 30 } }, { not: { within: { hours: 2 } } }] } },
            { ...customerPays, then: { returnShipping: 'customer', returnWithin: { days: 14 } } },
          ],
        }),
      );
      expect(findings.filter((f) => f.code === 'window_without_anchor').map((f) => f.path)).toEqual([
        ['clauses', 0, 'when', 'after'],
        ['clauses', 1, 'when', 'any', 0, 'within'],
        ['clauses', 1, 'when', 'any', 1, 'not', 'within'],
        ['clauses', 2, 'then', 'returnWithin'],
      ]);
      expect(findings[0]?.message).toBe('a window needs `from`: placement, production_start, shipment or delivery');
    });
  });

  describe('quotes', () => {
    it('reports a quote the page does not have, anywhere the policy quotes the shop', () => {
      const findings = lint(
        policyWith(
          {
            clauses: [window30, { ...thirtyDays, quote: ['You have 30 days from delivery', 'Refunds are instant.'] }],
            responseTime: { id: 'respond', quote: 'We answer within 2 business days.', businessDays: 2 },
          },
          { processing: [{ id: 'made', quote: 'Made in 5 days.', min: 5, max: 5, unit: 'days' }] },
        ),
      );
      expect(findings.filter((f) => f.code === 'quote_not_in_source').map((f) => f.path)).toEqual([
        ['clauses', 1, 'quote', 1],
        ['responseTime', 'quote'],
        ['profile', 'processing', 0, 'quote'],
      ]);
      expect(findings[0]?.message).toBe('not found verbatim in the shop\'s page (sample.txt): "Refunds are instant."');
    });

    it('reads quotes as the scenario checker does: whitespace, curly quotes and case do not matter', () => {
      const quote = "IF YOU'VE CHANGED YOUR MIND,\u00a0you   may return items";
      expect(lint(policyWith({ clauses: [{ ...changeOfMind72h, quote }] }))).toEqual([]);
    });

    it('checks no quote when no page is given', () => {
      const policy = policyWith({ clauses: [{ ...thirtyDays, quote: 'Refunds are instant.' }] });
      expect(lintPolicy(policy, {})).toEqual([]);
    });
  });
});
