import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateLines } from '../../decide/decide.ts';
import { compileWhen } from '../../decide/match-when.ts';
import type { When } from '../policy.schema.ts';
import { checkReachability, shadowedBy } from './check-reachability.ts';
import { type ClauseInput, codes, customerPays, lint, policyWith, thirtyDays, window30 } from './lint-fixtures.ts';
import {
  caseOf,
  contextOf,
  groups,
  leafArb,
  lineArb,
  opt,
  policyOf,
  some,
  whenArb,
  windowArb,
} from './when-arbitraries.ts';
import { clauseRegions } from './when-region.ts';

// FC_RUNS=5000 for a deeper search than the default run.
const RUNS = Number(process.env.FC_RUNS ?? 300);
const TIMEOUT_MS = 30_000 + RUNS * 40;

const defective: When = { request: ['return'], reason: ['defective'], within: { from: 'delivery', days: 30 } };
/** A deciding clause of the small warranty below, with its own conditions. */
const approving = (id: string, resolution: 'remake' | 'replacement' | 'repair', when: When): ClauseInput => ({
  id,
  quote: 'You have 30 days from delivery to return an item.',
  when,
  then: { outcome: 'approved', resolutions: [resolution] },
});
// Aoures' warranty in small: a remake for made-to-order pieces, a replacement for ready-to-ship ones, then a repair for any.
const remake = approving('remake', 'remake', { ...defective, fulfillment: ['made_to_order'] });
const replace = approving('replace', 'replacement', { ...defective, fulfillment: ['ready_to_ship'] });
const repair = approving('repair', 'repair', defective);

describe('lintPolicy: clauses that never apply', () => {
  it('warns about a deciding clause an earlier one, with no window, always decides first', () => {
    const findings = lint(
      policyWith({
        clauses: [
          { ...window30, id: 'no-returns', when: { request: ['return', 'exchange'] } },
          { ...thirtyDays, when: { request: ['return'] } },
        ],
      }),
    );
    expect(findings).toEqual([
      {
        level: 'warning',
        code: 'never_applies',
        clause: 'thirty-day-return',
        path: ['clauses', 1],
        message: 'never applies: clause no-returns always decides first',
      },
    ]);
  });

  it('expands reason groups when comparing clauses', () => {
    const findings = lint(
      policyWith({
        reasonGroups: { faulty: ['defective', 'arrived_damaged'] },
        clauses: [
          { ...window30, id: 'faulty-denied', when: { reason: ['faulty'] } },
          { ...thirtyDays, when: { request: ['return'], reason: ['defective'], category: ['ring'] } },
        ],
      }),
    );
    expect(codes(findings)).toEqual(['warning never_applies thirty-day-return']);
  });

  it('does not call a clause unreachable when the earlier one has a window, is narrower, or can be lifted', () => {
    const windowed = policyWith({ clauses: [window30, { ...thirtyDays, when: { request: ['return'] } }] });
    expect(lint(windowed)).toEqual([]);
    const narrower = policyWith({
      clauses: [{ ...window30, when: { request: ['return'], category: ['ring'] } }, thirtyDays],
    });
    expect(lint(narrower)).toEqual([]);
    const lifted = policyWith({
      clauses: [
        { ...customerPays, id: 'gift', when: { giftCard: true }, then: undefined, exceptionTo: ['no-returns'] },
        { ...window30, id: 'no-returns', when: { request: ['return'] } },
        { ...thirtyDays, when: { request: ['return'], category: ['gift_card'] } },
      ],
    });
    expect(lint(lifted)).toEqual([]);
  });

  it('warns about conditions that cannot all hold', () => {
    const findings = lint(
      policyWith({
        clauses: [
          { ...window30, when: { within: { from: 'delivery', hours: 48 }, after: { from: 'delivery', days: 3 } } },
          { ...thirtyDays, when: { condition: { worn: true }, not: { condition: { worn: true } } } },
          { ...customerPays, when: { giftCard: true, category: ['ring'] } },
        ],
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'never applies: its conditions cannot all hold',
      'never applies: its conditions cannot all hold',
      'never applies: its conditions cannot all hold',
    ]);
  });

  it('keeps windows of different units apart only when they cannot meet', () => {
    // A 3-day window can end 71 hours after a delivery late in the evening before a clock change: both can hold.
    const meeting = policyWith({
      clauses: [
        { ...window30, when: { within: { from: 'delivery', hours: 72 }, after: { from: 'delivery', days: 2 } } },
      ],
    });
    expect(lint(meeting)).toEqual([]);
  });

  describe('covered by several earlier clauses together', () => {
    it('warns about a clause that earlier ones decide first between them, and names them', () => {
      expect(lint(policyWith({ clauses: [remake, replace, repair] }))).toEqual([
        {
          level: 'warning',
          code: 'never_applies',
          clause: 'repair',
          path: ['clauses', 2],
          message: 'never applies: remake and replace always decide first',
        },
      ]);
      // A shorter window from the same event is inside theirs.
      const within72h = approving('repair', 'repair', { ...defective, within: { from: 'delivery', hours: 72 } });
      expect(codes(lint(policyWith({ clauses: [remake, replace, within72h] })))).toEqual([
        'warning never_applies repair',
      ]);
    });

    it('names only the clauses it needs, and says why when one of them overrides it', () => {
      const because = '“we are unable to repair finished jewelry”';
      const overriding = { ...replace, overrides: [{ clause: 'repair', because }] };
      const rings = approving('rings', 'remake', { ...defective, category: ['ring'] });
      const findings = lint(policyWith({ clauses: [rings, remake, overriding, repair] }));
      expect(findings.map((f) => f.message)).toEqual([
        `never applies: remake and replace always decide first; resolved: replace wins: ${because}`,
      ]);
    });

    it('does not report a clause the earlier ones leave a gap in, or that an exception can reach', () => {
      const ringsOnly = approving('replace', 'replacement', { ...defective, category: ['ring'] });
      expect(lint(policyWith({ clauses: [remake, ringsOnly, repair] }))).toEqual([]);
      const giftCards = {
        ...customerPays,
        id: 'gift',
        when: { giftCard: true },
        then: undefined,
        exceptionTo: ['replace'],
      };
      expect(lint(policyWith({ clauses: [giftCards, remake, replace, repair] }))).toEqual([]);
    });

    it('does not report a clause whose window the earlier ones do not provably cover', () => {
      // 30 days can outlast 72 hours.
      const short = { from: 'delivery', hours: 72 } as const;
      const shortWindows = [
        approving('remake', 'remake', { ...defective, fulfillment: ['made_to_order'], within: short }),
        approving('replace', 'replacement', { ...defective, fulfillment: ['ready_to_ship'], within: short }),
        repair,
      ];
      expect(lint(policyWith({ clauses: shortWindows }))).toEqual([]);
      // Within and after 30 days of delivery leave out the lines not yet delivered.
      const anyTime = approving('repair', 'repair', { request: ['return'], reason: ['defective'] });
      const bothSides = [thirtyDays, { ...window30, id: 'too-late' }, anyTime];
      expect(lint(policyWith({ clauses: bothSides }))).toEqual([]);
    });
  });
});

/**
 * Conditions that split a `when` into parts: some cover it (fulfillment has two
 * values), some leave a gap (categories beyond rings and earrings), some only
 * seem to (within and after a window leave out lines without the event).
 */
const partsArb: fc.Arbitrary<When[]> = fc.oneof(
  fc.constant<When[]>([{ fulfillment: ['made_to_order'] }, { fulfillment: ['ready_to_ship'] }]),
  fc.constant<When[]>([{ personalized: true }, { personalized: false }]),
  fc.constant<When[]>([{ delivered: true }, { delivered: false }]),
  fc.constant<When[]>([{ giftCard: true }, { category: ['ring', 'earrings'] }]),
  fc.constant<When[]>([{ discountCodes: 'none' }, { discountCodes: 'any' }]),
  fc
    .array(some(['changed_mind', 'defective', 'arrived_damaged', 'faulty']), { minLength: 2, maxLength: 3 })
    .map((sets) => sets.map((reason) => ({ reason }))),
  windowArb.map((w): When[] => [{ within: w }, { after: w }]),
  fc.array(leafArb, { minLength: 2, maxLength: 3 }),
);

/** Mostly nothing: a condition that narrows a clause, and may open a gap. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });

const outcomeArb = fc.constantFrom('approved' as const, 'denied' as const, 'needs_review' as const);

/** A policy whose last clause `b` earlier clauses often cover between them, with noise and an exception around them. */
const coveringPolicyArb = fc
  .record({
    base: leafArb,
    window: opt(windowArb),
    parts: partsArb.chain((parts) =>
      fc.tuple(
        ...parts.map((part) =>
          fc.record({
            part: fc.constant(part),
            window: fc.oneof(
              { arbitrary: fc.constant('same' as const), weight: 4 },
              { arbitrary: fc.constant('none' as const), weight: 1 },
              { arbitrary: windowArb, weight: 2 },
            ),
            extra: rarely(leafArb),
            outcome: outcomeArb,
          }),
        ),
      ),
    ),
    narrower: fc.option(leafArb, { freq: 2 }),
    outcome: outcomeArb,
    noise: fc.array(fc.record({ when: whenArb, outcome: opt(outcomeArb), at: fc.nat() }), { maxLength: 2 }),
    exception: opt(fc.record({ when: whenArb, target: fc.nat(), at: fc.nat() })),
  })
  .map(({ base, window, parts, narrower, outcome, noise, exception }) => {
    const shared: When = window ? { ...base, within: window } : base;
    const clauses: ClauseInput[] = parts.map((p, k) => {
      const w = p.window === 'same' ? shared : p.window === 'none' ? base : { ...base, within: p.window };
      return { id: `a${k}`, quote: 'q', when: { ...w, ...p.part, ...p.extra }, then: { outcome: p.outcome } };
    });
    noise.forEach((n, k) => {
      const then = n.outcome ? { outcome: n.outcome } : { returnShipping: 'customer' as const };
      clauses.splice(n.at % (clauses.length + 1), 0, { id: `n${k}`, quote: 'q', when: n.when, then });
    });
    clauses.push({ id: 'b', quote: 'q', when: { ...shared, ...narrower }, then: { outcome } });
    if (exception) {
      const target = clauses[exception.target % clauses.length]?.id as string;
      const lifting = { id: 'x', quote: 'q', when: exception.when, exceptionTo: [target] };
      clauses.splice(exception.at % (clauses.length + 1), 0, lifting);
    }
    return policyOf(clauses);
  });

describe('clauses reported as never applying', () => {
  it(
    'never decide a line in the engine, and the clauses named always hold where they would',
    () => {
      const seen = { together: 0, held: 0 };
      fc.assert(
        fc.property(coveringPolicyArb, fc.array(lineArb, { minLength: 25, maxLength: 25 }), (policy, lines) => {
          const analysis = clauseRegions(policy);
          const never = new Set(checkReachability(policy, analysis).map((f) => f.clause));
          const covers = policy.clauses.flatMap((clause, j) => {
            const by = shadowedBy(policy, analysis, j);
            return by ? [{ test: compileWhen(clause.when, groups), by }] : [];
          });
          seen.together += covers.filter((c) => c.by.length > 1).length;
          for (const l of lines) {
            const [verdict] = evaluateLines(policy, caseOf(l));
            const decided = verdict?.decidedBy.kind === 'clause' ? verdict.decidedBy.clause.id : undefined;
            expect(never.has(decided), `${decided} decided ${JSON.stringify(l)}`).toBe(false);
            const x = contextOf(l);
            const lifted = new Set(verdict?.exceptions.flatMap((e) => e.clause.exceptionTo ?? []));
            for (const { test, by } of covers) {
              if (test(x) !== true) continue;
              if (by.length > 1) seen.held++;
              expect(by.some((c) => !lifted.has(c.id) && compileWhen(c.when, groups)(x) === true)).toBe(true);
            }
          }
        }),
        { numRuns: RUNS },
      );
      // Claims of coverage by several clauses, on lines the covered clause matches, must be common.
      expect(seen.together).toBeGreaterThan(RUNS / 30);
      expect(seen.held).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT_MS,
  );
});
