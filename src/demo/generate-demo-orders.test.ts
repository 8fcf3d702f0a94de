import { describe, expect, it } from 'vitest';
import { parseCase } from '../domain/contract/parse-case.ts';
import { decide } from '../domain/decide/decide.ts';
import { lintPolicy } from '../domain/policy/lint-policy.ts';
import { loadBundledPolicies } from '../policies/load-policy-file.ts';
import { decidingClauses } from './deciding-clauses.ts';
import { generateDemoOrders } from './generate-demo-orders.ts';
import { readWorkedScenarios } from './read-worked-scenarios.ts';

const policies = loadBundledPolicies();
const reference = '2026-06-15T12:00:00Z';
const demo = generateDemoOrders(policies.values(), { reference, worked: readWorkedScenarios(policies.keys()) });

/** Deciding clauses lint proves can never decide a line (Aoures' replace-or-repair): no case can reach them. */
const neverApplies = (id: string) =>
  lintPolicy(policies.get(id) as NonNullable<ReturnType<typeof policies.get>>)
    .filter((f) => f.code === 'never_applies' && f.clause)
    .map((f) => f.clause as string);

describe('generateDemoOrders', () => {
  it.each([...policies.keys()])('has %s decide a request by each of its deciding clauses that can apply', (shop) => {
    const coverage = demo.coverage.find((c) => c.shop === shop);
    expect(coverage?.deciding.length).toBeGreaterThan(10);
    expect(coverage?.uncovered).toEqual(neverApplies(shop));
    const decided = new Set(demo.orders.filter((o) => o.shop === shop).flatMap((o) => o.decidedBy.map((d) => d.by)));
    for (const clause of coverage?.covered ?? []) expect(decided).toContain(clause);
  });

  it.each([...policies.keys()])(
    'reaches every deciding clause of %s from its clauses alone, without worked cases',
    (shop) => {
      const policy = policies.get(shop);
      if (!policy) throw new Error(shop);
      const bare = generateDemoOrders([{ ...policy, examples: [] }], { reference });
      expect(bare.coverage[0]?.uncovered).toEqual(neverApplies(shop));
      expect(bare.orders.every((o) => o.origin.kind === 'synthesised')).toBe(true);
    },
  );

  it('walks a missing fact and every outcome at every shop', () => {
    for (const shop of policies.keys()) {
      const orders = demo.orders.filter((o) => o.shop === shop);
      const by = orders.flatMap((o) => o.decidedBy.map((d) => d.by));
      expect(
        by.some((b) => b.startsWith('missing:')),
        `${shop}: a missing fact`,
      ).toBe(true);
      for (const outcome of ['approved', 'denied', 'needs_review']) {
        expect(
          orders.map((o) => o.outcome),
          `${shop}: ${outcome}`,
        ).toContain(outcome);
      }
    }
  });

  it('gives contract cases that decide as recorded, asked at or before the reference, in the shop’s currency', () => {
    for (const o of demo.orders) {
      const policy = policies.get(o.shop);
      if (!policy) throw new Error(o.shop);
      const parsed = parseCase({ shop: o.shop, now: o.now, order: o.order, request: o.request });
      expect(parsed.ok, `${o.order.number}`).toBe(true);
      if (!parsed.ok) continue;
      expect(decide(policy, parsed.value).outcome).toBe(o.outcome);
      expect(decidingClauses(policy, parsed.value)).toEqual(o.decidedBy);
      expect(Date.parse(o.now)).toBeLessThanOrEqual(Date.parse(reference));
      expect(Date.parse(o.order.placedAt)).toBeLessThanOrEqual(Date.parse(o.now));
      expect(o.order.currency).toBe(policy.profile.currency);
      expect(o.customer.email).toMatch(/^[a-z.]+@example\.com$/);
    }
  });

  it('numbers each shop’s orders once', () => {
    const numbers = demo.orders.map((o) => `${o.shop}/${o.order.number}`);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('is the same for the same seed and reference, and moves with the reference', () => {
    const again = generateDemoOrders(policies.values(), { reference, worked: readWorkedScenarios(policies.keys()) });
    expect(again).toEqual(demo);
    const later = generateDemoOrders(policies.values(), { reference: '2026-09-01T08:00:00Z' });
    expect(later.orders.every((o) => Date.parse(o.now) > Date.parse('2026-08-20T00:00:00Z'))).toBe(true);
  });

  it('sells the shops’ own kinds of pieces: Aulso’s tennis bracelet, The Or’s hoops, Amijose’s name necklace', () => {
    const titles = (shop: string) =>
      demo.orders.filter((o) => o.shop === shop).flatMap((o) => o.order.lines.map((l) => l.title));
    expect(titles('aulso')).toContain('Tennis Bracelet');
    expect(titles('theor').some((t) => /hoops/i.test(t ?? ''))).toBe(true);
    expect(titles('amijose').some((t) => /name necklace/i.test(t ?? ''))).toBe(true);
    expect(demo.orders.filter((o) => o.shop === 'amijose').every((o) => o.order.currency === 'GBP')).toBe(true);
  });
});
