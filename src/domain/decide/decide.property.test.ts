import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { arbitraryCase } from '../../../test/arbitrary-case.ts';
import { validateDecision } from '../../../test/contract-validator.ts';
import { loadBundledPolicies } from '../../policies/load-policy-file.ts';
import { type CaseInput, CaseSchema } from '../contract/case.schema.ts';
import type { Decision } from '../contract/decision.schema.ts';
import { decide } from './decide.ts';

const policies = loadBundledPolicies();
const shops = [...policies.keys()];

function decideInput(input: CaseInput): Decision {
  const c = CaseSchema.parse(input);
  return decide(policies.get(c.shop) as NonNullable<ReturnType<typeof policies.get>>, c);
}

const later = (input: CaseInput, hours: number): CaseInput => ({
  ...input,
  now: DateTime.fromISO(input.now, { setZone: true }).plus({ hours }).toISO() as string,
});

describe('the engine over any case the contract accepts', () => {
  it('gives a decision the contract accepts, without throwing', () => {
    fc.assert(
      fc.property(arbitraryCase(shops), (input) => {
        const decision = decideInput(input);
        expect(validateDecision(decision), JSON.stringify(validateDecision.errors)).toBe(true);
        expect(decision.lines.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });

  it('never turns a window-expired denial into an approval by asking later', () => {
    fc.assert(
      fc.property(arbitraryCase(shops), fc.integer({ min: 1, max: 24 * 400 }), (input, hours) => {
        const before = decideInput(input);
        const deadline = before.deadlines.requestBy;
        const missed = deadline !== null && Date.parse(deadline) < Date.parse(input.now);
        const expired = missed ? before.lines.filter((l) => l.outcome === 'denied') : [];
        fc.pre(expired.length > 0);
        const after = decideInput(later(input, hours));
        for (const line of expired) {
          expect(after.lines.find((l) => l.id === line.id)?.outcome).not.toBe('approved');
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never widens the remedies of a line by marking it final sale', () => {
    fc.assert(
      fc.property(arbitraryCase(shops), fc.nat(2), (input, index) => {
        const lines = input.order.lines;
        const target = lines[index % lines.length];
        fc.pre(target !== undefined && !target.finalSale);
        const before = decideInput(input);
        const marked: CaseInput = {
          ...input,
          order: { ...input.order, lines: lines.map((l) => (l.id === target?.id ? { ...l, finalSale: true } : l)) },
        };
        const after = decideInput(marked);
        const was = new Set(before.lines.find((l) => l.id === target?.id)?.resolutions ?? []);
        for (const r of after.lines.find((l) => l.id === target?.id)?.resolutions ?? []) expect(was.has(r)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});
