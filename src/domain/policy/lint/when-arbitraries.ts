import fc from 'fast-check';
import { shopCalendar } from '../../calendar/shop-calendar.ts';
import { type Case, CaseSchema, DISCOUNT_KINDS } from '../../contract/case.schema.ts';
import { type LineFacts, readCaseFacts, readLineFacts } from '../../decide/facts.ts';
import type { MatchContext } from '../../decide/match-when.ts';
import { type Policy, type PolicyInput, PolicySchema, type When } from '../policy.schema.ts';
import type { ClauseInput } from './lint-fixtures.ts';

// Random conditions and random one-line cases, for the properties that hold the
// linter's model of `when` against the engine. The lines fall around a clock change.

/** The reason group every random policy has. */
export const groups = { faulty: ['defective', 'arrived_damaged'] as const };
const PROFILE = {
  country: 'US',
  timeZone: 'America/New_York',
  currency: 'USD',
  businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  holidays: { country: 'US' },
} satisfies PolicyInput['profile'];
/** The calendar of every random policy. */
export const calendar = shopCalendar(PROFILE);

export const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
export const some = <T>(values: T[]) => fc.subarray(values, { minLength: 1 });

/** A window of hours, days or business days, counted from placement, delivery or (without `from`) the asking. */
export const windowArb = fc
  .record(
    {
      from: opt(fc.constantFrom('placement' as const, 'delivery' as const)),
      length: fc.oneof(
        fc.record({ hours: fc.integer({ min: 1, max: 130 }) }),
        fc.record({ days: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ businessDays: fc.integer({ min: 1, max: 3 }) }),
      ),
    },
    { requiredKeys: ['length'] },
  )
  .map(({ from, length }) => (from ? { from, ...length } : length));

/** One condition per key of `when`. */
export const keyArbs: Record<string, fc.Arbitrary<unknown>> = {
  request: some(['return', 'exchange', 'warranty'] as const),
  reason: some(['changed_mind', 'defective', 'arrived_damaged', 'faulty', 'wrong_size_ordered']),
  category: some(['ring', 'earrings', 'gift_card'] as const),
  fulfillment: some(['ready_to_ship', 'made_to_order'] as const),
  personalized: fc.boolean(),
  giftCard: fc.boolean(),
  delivered: fc.boolean(),
  shipped: fc.boolean(),
  tags: fc.record({ any: some(['a', 'b']), none: some(['b', 'c']) }, { requiredKeys: [] }),
  material: some(['gold', 'rose gold', 'silver']),
  destination: fc.constantFrom('domestic' as const, 'international' as const),
  destinationCountry: some(['US', 'HK', 'GB']),
  paymentMethod: some(['card', 'cash_on_delivery'] as const),
  discountCodes: fc.oneof(
    fc.constantFrom('none' as const, 'any' as const),
    fc.record({ onlyKinds: some([...DISCOUNT_KINDS]) }),
  ),
  carrier: fc.record({ confirmedLost: fc.boolean() }),
  condition: fc.record({ worn: fc.boolean(), originalPackaging: fc.boolean() }, { requiredKeys: [] }),
  returnShipment: fc.record(
    { sent: fc.boolean(), authorized: fc.boolean(), tracked: fc.boolean() },
    { requiredKeys: [] },
  ),
  within: windowArb,
  after: windowArb,
};

/** One to three conditions: few enough that random lines meet them often. */
export const leafArb = fc
  .uniqueArray(fc.constantFrom(...Object.keys(keyArbs)), { minLength: 1, maxLength: 3 })
  .chain((keys) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, keyArbs[k] as fc.Arbitrary<unknown>]))),
  ) as fc.Arbitrary<When>;

/** A `when` of one to three conditions, with `any` and `not` nested. */
export const whenArb: fc.Arbitrary<When> = fc.letrec<{ when: When }>((tie) => ({
  when: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc
      .record({ any: fc.array(tie('when'), { minLength: 1, maxLength: 2 }) })
      .chain((w) => leafArb.map((leaf) => ({ ...leaf, ...w }))),
    fc.record({ not: tie('when') }).chain((w) => leafArb.map((leaf) => ({ ...leaf, ...w }))),
  ),
})).when;

// Friday evening in New York, two days before the clocks go forward.
const start = Date.parse('2026-03-06T20:00:00-05:00');
const at = (hours: number) => start + Math.round(hours * 3_600_000);

/** One line of a one-line case, its dates in hours after a Friday evening order. */
export const lineArb = fc.record({
  type: fc.constantFrom('return', 'exchange', 'warranty', 'cancel'),
  reason: opt(fc.constantFrom('changed_mind', 'defective', 'arrived_damaged', 'other')),
  category: fc.constantFrom('ring', 'earrings', 'gift_card', 'necklace'),
  fulfillment: fc.constantFrom('ready_to_ship', 'made_to_order'),
  personalized: fc.boolean(),
  tags: fc.subarray(['a', 'b', 'c']),
  material: opt(fc.constantFrom('18k Gold', 'Rose Gold', 'Silver')),
  country: fc.constantFrom('US', 'HK', 'FR'),
  paymentMethod: opt(fc.constantFrom('card', 'cash_on_delivery', 'paypal')),
  discountKinds: fc.subarray([...DISCOUNT_KINDS]),
  confirmedLost: opt(fc.boolean()),
  hasCarrier: fc.boolean(),
  worn: opt(fc.boolean()),
  originalPackaging: opt(fc.boolean()),
  returnShipment: opt(
    fc.record({
      authorized: opt(fc.boolean()),
      progress: fc.constantFrom('unsent', 'untracked', 'tracked'),
      dated: fc.boolean(),
    }),
  ),
  shippedAfter: opt(fc.integer({ min: 0, max: 50 })),
  deliveredAfter: opt(fc.integer({ min: 0, max: 100 })),
  nowAfter: fc.double({ min: 0, max: 260, noNaN: true }),
});

/** A line as drawn: the facts a `when` can test. */
export type Line = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

const iso = (at: number) => new Date(at).toISOString();

/** The contract case of one line, for shop `p`. */
export function caseOf(l: Line): Case {
  const r = l.returnShipment;
  return CaseSchema.parse({
    shop: 'p',
    now: iso(at(l.nowAfter)),
    order: {
      number: '1',
      placedAt: iso(start),
      currency: 'USD',
      destinationCountry: l.country,
      paymentMethod: l.paymentMethod,
      discountCodes: l.discountKinds.map((kind) => ({ code: kind, kind })),
      shippedAt: l.shippedAfter === undefined ? null : iso(at(l.shippedAfter)),
      deliveredAt: l.deliveredAfter === undefined ? null : iso(at(l.deliveredAfter)),
      carrier: l.hasCarrier ? { confirmedLost: l.confirmedLost } : undefined,
      lines: [
        {
          id: 'L1',
          category: l.category,
          fulfillment: l.fulfillment,
          personalized: l.personalized,
          tags: l.tags,
          material: l.material,
          unitPrice: 100,
          quantity: 1,
        },
      ],
    },
    request: {
      type: l.type,
      lines: [],
      reason: l.reason,
      condition: { worn: l.worn, originalPackaging: l.originalPackaging },
      returnShipment: r && {
        authorized: r.authorized,
        shippedAt: r.progress === 'untracked' || (r.progress === 'tracked' && r.dated) ? iso(at(60)) : undefined,
        trackingNumber: r.progress === 'tracked' ? 'T1' : undefined,
      },
    },
  });
}

/** The engine's own facts for a line: its case read by `readCaseFacts` and `readLineFacts`. */
export function contextOf(l: Line): MatchContext {
  const cf = readCaseFacts(caseOf(l), 'US');
  return { cf, lf: readLineFacts(cf)[0] as LineFacts, calendar };
}

/** A policy of shop `p` with these clauses. */
export const policyOf = (clauses: ClauseInput[]): Policy =>
  PolicySchema.parse({
    loupe: 1,
    id: 'p',
    version: '1',
    name: 'P',
    profile: PROFILE,
    reasonGroups: groups,
    clauses,
    fallback: { id: 'f', quote: 'q' },
  });
