import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopCalendar } from '../../calendar/shop-calendar.ts';
import { CaseSchema, DISCOUNT_KINDS } from '../../contract/case.schema.ts';
import { type LineFacts, readCaseFacts, readLineFacts } from '../../decide/facts.ts';
import { compileWhen, type MatchContext } from '../../decide/match-when.ts';
import { windowEnd } from '../../decide/windows.ts';
import { type Policy, PolicySchema, type When } from '../policy.schema.ts';
import {
  contains,
  OTHER_COUNTRY,
  overlaps,
  type Region,
  regionOf,
  spaceOf,
  UNSET,
  type WindowAtom,
} from './when-region.ts';

// The linter's claims ("never applies", "cannot both hold") are only as good as
// its model of `when`. These properties hold the model against the engine's own
// matcher on random conditions and random lines, around a clock change.

// FC_RUNS=5000 for a deeper search than the default run.
const RUNS = Number(process.env.FC_RUNS ?? 300);
const TIMEOUT_MS = 30_000 + RUNS * 20;

const groups = { faulty: ['defective', 'arrived_damaged'] as const };
const calendar = shopCalendar({
  timeZone: 'America/New_York',
  businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  holidays: { country: 'US' },
});

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const some = <T>(values: T[]) => fc.subarray(values, { minLength: 1 });

const windowArb = fc
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

const keyArbs: Record<string, fc.Arbitrary<unknown>> = {
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
const leafArb = fc
  .uniqueArray(fc.constantFrom(...Object.keys(keyArbs)), { minLength: 1, maxLength: 3 })
  .chain((keys) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, keyArbs[k] as fc.Arbitrary<unknown>]))),
  ) as fc.Arbitrary<When>;

const whenArb: fc.Arbitrary<When> = fc.letrec<{ when: When }>((tie) => ({
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

const lineArb = fc.record({
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

type Line = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

const iso = (at: number) => new Date(at).toISOString();

/** The engine's own facts for a line: a contract case read by `readCaseFacts` and `readLineFacts`. */
function contextOf(l: Line): MatchContext {
  const r = l.returnShipment;
  const c = CaseSchema.parse({
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
  const cf = readCaseFacts(c, 'US');
  return { cf, lf: readLineFacts(cf)[0] as LineFacts, calendar };
}

/** The value the model gives a variable for a line: the abstraction `when-region.ts` documents. */
function modelValue(name: string, l: Line, universe: ReadonlySet<string>): string {
  const flag = (v: boolean | undefined) => (v === undefined ? UNSET : String(v));
  if (name.startsWith('tag:')) return String(l.tags.includes(name.slice(4)));
  if (name.startsWith('material:')) return String(l.material?.toLowerCase().includes(name.slice(9)) ?? false);
  switch (name) {
    case 'request':
      return l.type;
    case 'reason':
      return l.reason ?? UNSET;
    case 'category':
    case 'fulfillment':
      return l[name];
    case 'personalized':
      return String(l.personalized);
    case 'delivered':
      return String(l.deliveredAfter !== undefined);
    case 'shipped':
      return String(l.deliveredAfter !== undefined || l.shippedAfter !== undefined);
    case 'destination':
      return l.country === 'US' ? 'domestic' : 'international';
    case 'destinationCountry':
      return universe.has(l.country) ? l.country : OTHER_COUNTRY;
    case 'paymentMethod':
      return l.paymentMethod ?? UNSET;
    case 'discountCodes':
      return DISCOUNT_KINDS.filter((k) => l.discountKinds.includes(k)).join('+');
    case 'carrier.confirmedLost':
      return l.hasCarrier ? flag(l.confirmedLost) : UNSET;
    case 'condition.worn':
      return flag(l.worn);
    case 'condition.originalPackaging':
      return flag(l.originalPackaging);
    case 'returnShipment':
      return l.returnShipment ? `${flag(l.returnShipment.authorized)}/${l.returnShipment.progress}` : 'none';
    default:
      throw new Error(`no value for ${name}`);
  }
}

function windowHolds(w: WindowAtom, x: MatchContext): boolean {
  const from = x.lf.anchor(w.from);
  if (!from) return false;
  const inside = x.cf.now <= windowEnd(w.window, from, calendar);
  return w.kind === 'within' ? inside : !inside;
}

const policyOf = (whens: When[]): Policy =>
  PolicySchema.parse({
    loupe: 1,
    id: 'p',
    version: '1',
    name: 'P',
    profile: {
      country: 'US',
      timeZone: 'America/New_York',
      currency: 'USD',
      businessDays: ['mon'],
      holidays: { country: 'US' },
    },
    reasonGroups: groups,
    clauses: whens.map((when, i) => ({ id: `c${i}`, quote: 'q', when, then: { outcome: 'denied' } })),
    fallback: { id: 'f', quote: 'q' },
  });

describe('the region of a `when`', () => {
  it(
    'holds exactly the lines the engine matches',
    () => {
      const seen = { matched: 0, missed: 0 };
      fc.assert(
        fc.property(whenArb, fc.array(lineArb, { minLength: 20, maxLength: 20 }), (when, lines) => {
          const space = spaceOf(policyOf([when]));
          const region = regionOf(when, space);
          fc.pre(region !== undefined);
          const test = compileWhen(when, groups);
          for (const l of lines) {
            const x = contextOf(l);
            const inRegion = region.some(
              (b) =>
                [...b.vars].every(([name, values]) => values.has(modelValue(name, l, space.universe(name)))) &&
                b.windows.every((w) => windowHolds(w, x)),
            );
            expect(inRegion, `${JSON.stringify(when)} on ${JSON.stringify(l)}`).toBe(test(x) === true);
            seen[inRegion ? 'matched' : 'missed']++;
          }
        }),
        { numRuns: RUNS },
      );
      // Both answers must be common, or the property proves little.
      expect(seen.matched / (seen.matched + seen.missed)).toBeGreaterThan(0.05);
      expect(seen.missed / (seen.matched + seen.missed)).toBeGreaterThan(0.05);
    },
    TIMEOUT_MS,
  );

  it(
    'claims containment and disjointness only where the engine agrees',
    () => {
      let proven = 0;
      fc.assert(
        fc.property(whenArb, whenArb, fc.array(lineArb, { minLength: 30, maxLength: 30 }), (a, b, lines) => {
          const space = spaceOf(policyOf([a, b]));
          const [ra, rb] = [regionOf(a, space), regionOf(b, space)];
          fc.pre(ra !== undefined && rb !== undefined);
          const [ta, tb] = [compileWhen(a, groups), compileWhen(b, groups)];
          const inside = contains(ra, rb, space);
          const apart = !overlaps(ra, rb, space);
          if (inside || apart) proven++;
          for (const l of lines) {
            const x = contextOf(l);
            if (inside && tb(x) === true) expect(ta(x)).toBe(true);
            if (apart) expect(ta(x) === true && tb(x) === true).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
      expect(proven).toBeGreaterThan(20);
    },
    TIMEOUT_MS,
  );

  it('sees that windows of one event exclude each other only when they must', () => {
    const space = spaceOf(policyOf([{}]));
    const region = (when: When) => regionOf(when, space) as Region;
    const within72h = region({ within: { from: 'delivery', hours: 72 } });
    expect(overlaps(within72h, region({ after: { from: 'delivery', hours: 72 } }), space)).toBe(false);
    expect(overlaps(within72h, region({ after: { from: 'delivery', days: 4 } }), space)).toBe(false);
    // A 3-day window can end 71 hours after an evening delivery before the clocks go forward.
    expect(overlaps(within72h, region({ after: { from: 'delivery', days: 3 } }), space)).toBe(true);
    expect(overlaps(within72h, region({ after: { from: 'shipment', hours: 100 } }), space)).toBe(true);
    expect(contains(region({ within: { from: 'delivery', days: 30 } }), within72h, space)).toBe(true);
    expect(contains(within72h, region({ within: { from: 'delivery', days: 30 } }), space)).toBe(false);
  });
});
