import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCOUNT_KINDS } from '../../contract/case.schema.ts';
import { compileWhen, type MatchContext } from '../../decide/match-when.ts';
import { windowEnd } from '../../decide/windows.ts';
import type { When } from '../policy.schema.ts';
import { contains } from './contains.ts';
import { calendar, contextOf, groups, type Line, lineArb, policyOf, whenArb } from './when-arbitraries.ts';
import { OTHER_COUNTRY, overlaps, type Region, regionOf, spaceOf, UNSET, type WindowAtom } from './when-region.ts';

// The linter's claims ("never applies", "cannot both hold") are only as good as
// its model of `when`. These properties hold the model against the engine's own
// matcher on random conditions and random lines, around a clock change.

// FC_RUNS=5000 for a deeper search than the default run.
const RUNS = Number(process.env.FC_RUNS ?? 300);
const TIMEOUT_MS = 30_000 + RUNS * 20;

/** The space of a policy whose clauses have these conditions. */
const spaceFor = (whens: When[]) =>
  spaceOf(policyOf(whens.map((when, i) => ({ id: `c${i}`, quote: 'q', when, then: { outcome: 'denied' } }))));

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

describe('the region of a `when`', () => {
  it('makes no claim about a negated window even when its windows contradict each other (fast-check found it)', () => {
    // After 87 hours and within 84 hours of delivery never both hold, so the inner region is empty; yet an
    // order without a delivery date makes the windows unknown, and the engine does not match the `not` either.
    const when = {
      request: ['return'],
      not: { after: { from: 'delivery', hours: 87 }, within: { from: 'delivery', hours: 84 } },
    } as When;
    expect(regionOf(when, spaceFor([when]))).toBeUndefined();
  });

  it(
    'holds exactly the lines the engine matches',
    () => {
      const seen = { matched: 0, missed: 0 };
      fc.assert(
        fc.property(whenArb, fc.array(lineArb, { minLength: 20, maxLength: 20 }), (when, lines) => {
          const space = spaceFor([when]);
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
          const space = spaceFor([a, b]);
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
    const space = spaceFor([{}]);
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

  it('counts the boxes of the outer region together, but never splits a window', () => {
    const space = spaceFor([{}]);
    const region = (when: When) => regionOf(when, space) as Region;
    const within90 = { from: 'delivery', days: 90 } as const;
    const faulty = region({ reason: ['faulty'], within: within90 });
    const byFulfillment = [
      ...region({ reason: ['faulty'], fulfillment: ['made_to_order'], within: within90 }),
      ...region({ reason: ['defective', 'arrived_damaged'], fulfillment: ['ready_to_ship'], within: within90 }),
    ];
    expect(contains(byFulfillment, faulty, space)).toBe(true);
    expect(contains(byFulfillment, region({ within: within90 }), space)).toBe(false);
    // Lines with no delivery are in neither side.
    const bothSides = [...region({ within: within90 }), ...region({ after: within90 })];
    expect(contains(bothSides, region({}), space)).toBe(false);
  });
});
