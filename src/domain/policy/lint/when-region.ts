import {
  CATEGORIES,
  DISCOUNT_KINDS,
  FULFILLMENTS,
  PAYMENT_METHODS,
  REASONS,
  REQUEST_TYPES,
} from '../../contract/case.schema.ts';
import type { Anchor, Policy, When, Window } from '../policy.schema.ts';
import { walkWhen } from './walk-when.ts';

/**
 * The lines a `when` matches, as a union of boxes over an abstraction of the
 * facts: each fact a `when` can test is a variable with a finite set of values
 * (a tag or material a policy names is a true/false variable of its own). A
 * line maps to one point of that space and a condition is exactly the set of
 * points it accepts, so "contained in" (`contains.ts`), "disjoint" and
 * "empty" proven here hold for real lines too. Windows stay atoms, compared
 * by anchor and length.
 */
export type Region = readonly Box[];

/** Lines whose every variable takes one of the allowed values and every window holds. */
export type Box = { vars: ReadonlyMap<string, ReadonlySet<string>>; windows: readonly WindowAtom[] };

/** `within` (before the window ends) or `after` (once it has ended), counted from an event. */
export type WindowAtom = { kind: 'within' | 'after'; from: Anchor; window: Window };

/** The values each variable can take, for one policy. */
export type Space = { universe(name: string): ReadonlySet<string>; groups: Record<string, readonly string[]> };

/** The value of a fact the case does not state. */
export const UNSET = '(unset)';
const BOOLEAN = new Set(['true', 'false']);
const TRISTATE = new Set(['true', 'false', UNSET]);
/** Every country the policy does not name. */
export const OTHER_COUNTRY = '(other)';
/** Discount codes of an order, by the set of kinds it holds: '' is no code. */
const DISCOUNT_SETS = Array.from({ length: 2 ** DISCOUNT_KINDS.length }, (_, bits) =>
  DISCOUNT_KINDS.filter((_, k) => bits & (1 << k)).join('+'),
);
/**
 * A goods-back shipment: none, or one with its authorization (yes, no, unsaid)
 * and how far it got: not yet sent, sent with a ship date but no tracking, or tracked.
 */
const RETURN_SHIPMENTS = [
  'none',
  ...['true', 'false', UNSET].flatMap((a) => [`${a}/unsent`, `${a}/untracked`, `${a}/tracked`]),
];

const FIXED: Record<string, ReadonlySet<string>> = {
  request: new Set(REQUEST_TYPES),
  reason: new Set([...REASONS, UNSET]),
  category: new Set(CATEGORIES),
  fulfillment: new Set(FULFILLMENTS),
  destination: new Set(['domestic', 'international']),
  paymentMethod: new Set([...PAYMENT_METHODS, UNSET]),
  discountCodes: new Set(DISCOUNT_SETS),
  returnShipment: new Set(RETURN_SHIPMENTS),
};

/** The space of one policy: its reason groups, and the countries its clauses name. */
export function spaceOf(policy: Policy): Space {
  const countries = new Set([OTHER_COUNTRY]);
  for (const clause of policy.clauses) {
    walkWhen(clause.when, [], (w) => {
      for (const c of w.destinationCountry ?? []) countries.add(c);
    });
  }
  return {
    groups: policy.reasonGroups,
    universe(name) {
      if (name === 'destinationCountry') return countries;
      if (name.startsWith('carrier.') || name.startsWith('condition.')) return TRISTATE;
      return FIXED[name] ?? BOOLEAN;
    },
  };
}

/** Too many boxes to reason about: the caller draws no conclusion from this clause. */
class TooComplex extends Error {}
const MAX_BOXES = 512;

const FULL: Region = [{ vars: new Map(), windows: [] }];

/** The region of a `when` (everything for none), or `undefined` when it is too complex to reason about. */
export function regionOf(when: When | undefined, space: Space): Region | undefined {
  try {
    return when ? whenRegion(when, space) : FULL;
  } catch (err) {
    if (err instanceof TooComplex) return undefined;
    throw err;
  }
}

function whenRegion(when: When, space: Space): Region {
  let region = FULL;
  for (const [key, value] of Object.entries(when)) {
    if (value !== undefined) region = intersect(region, keyRegion(key as keyof When, value, space), space);
  }
  return region;
}

const box = (vars: [string, readonly string[]][], windows: WindowAtom[] = []): Box => ({
  vars: new Map(vars.map(([name, values]) => [name, new Set(values)])),
  windows,
});
const one = (name: string, values: readonly string[]): Region => [box([[name, values]])];
const union = (regions: Region[]): Region => regions.flat();

function keyRegion(key: keyof When, value: unknown, space: Space): Region {
  switch (key) {
    case 'request':
    case 'category':
    case 'fulfillment':
    case 'destinationCountry':
    case 'paymentMethod':
      return one(key, value as string[]);
    case 'reason':
      return one(
        'reason',
        (value as string[]).flatMap((r) => space.groups[r] ?? [r]),
      );
    case 'giftCard':
      return one('category', value ? ['gift_card'] : CATEGORIES.filter((c) => c !== 'gift_card'));
    case 'destination':
      return one('destination', [value as string]);
    case 'personalized':
    case 'finalSale':
    case 'onSale':
    case 'previousRemakeOrReplacement':
    case 'shipped':
    case 'delivered':
    case 'productionStarted':
      return one(key, [String(value)]);
    case 'tags': {
      const tags = value as NonNullable<When['tags']>;
      const any = tags.any ? union(tags.any.map((t) => one(`tag:${t}`, ['true']))) : FULL;
      const none = [box((tags.none ?? []).map((t) => [`tag:${t}`, ['false']]))];
      return intersect(any, none, space);
    }
    case 'material':
      return union((value as string[]).map((m) => one(`material:${m.toLowerCase()}`, ['true'])));
    case 'discountCodes':
      return one('discountCodes', discountSets(value as NonNullable<When['discountCodes']>));
    case 'carrier':
    case 'condition':
      return [box(Object.entries(value as object).map(([k, v]) => [`${key}.${k}`, [String(v)]]))];
    case 'returnShipment':
      return one('returnShipment', returnShipments(value as NonNullable<When['returnShipment']>));
    case 'within':
    case 'after': {
      const window = value as Window;
      // Counted from the moment of asking, `within` always holds and `after` never does.
      if (!window.from) return key === 'within' ? FULL : [];
      return [box([], [{ kind: key, from: window.from, window }])];
    }
    case 'any':
      return union((value as When[]).map((w) => whenRegion(w, space)));
    case 'not': {
      const inner = whenRegion(value as When, space);
      // The engine reads a window whose event the case lacks as unknown, and
      // "not unknown" stays unknown; two-valued regions cannot say that, so
      // lint makes no claim about a clause that negates a window. Asked of the
      // clause as written: windows that contradict each other leave an empty
      // region with no window in it, yet the engine still reads them as unknown.
      if (mentionsEventWindow(value as When)) throw new TooComplex('a negated window');
      return complement(inner, space);
    }
    default:
      throw new TooComplex(`unknown condition ${String(key)}`);
  }
}

/** Whether a condition, or one nested in it, has a window counted from an event (which a case may lack). */
function mentionsEventWindow(when: When): boolean {
  return Object.entries(when).some(([key, value]) => {
    if (key === 'within' || key === 'after') return Boolean((value as Window | undefined)?.from);
    if (key === 'any') return (value as When[]).some(mentionsEventWindow);
    if (key === 'not') return mentionsEventWindow(value as When);
    return false;
  });
}

function discountSets(rule: NonNullable<When['discountCodes']>): string[] {
  if (rule === 'none') return [''];
  const nonEmpty = DISCOUNT_SETS.filter((s) => s !== '');
  if (rule === 'any') return nonEmpty;
  return nonEmpty.filter((s) => s.split('+').every((k) => (rule.onlyKinds as string[]).includes(k)));
}

function returnShipments(rule: NonNullable<When['returnShipment']>): string[] {
  return RETURN_SHIPMENTS.filter((state) => {
    const [authorized, progress] = state === 'none' ? [undefined, 'unsent'] : state.split('/');
    if (rule.sent !== undefined && (progress !== 'unsent') !== rule.sent) return false;
    if (rule.authorized !== undefined && authorized !== String(rule.authorized)) return false;
    return rule.tracked === undefined || progress === (rule.tracked ? 'tracked' : 'untracked');
  });
}

/** The lines in both regions. */
export function intersect(a: Region, b: Region, space: Space): Region {
  const out: Box[] = [];
  for (const x of a) {
    for (const y of b) {
      const meet = meetBoxes(x, y, space);
      if (meet) out.push(meet);
      if (out.length > MAX_BOXES * 40) throw new TooComplex();
    }
  }
  const simple = withoutSubsumed(out, space);
  if (simple.length > MAX_BOXES) throw new TooComplex();
  return simple;
}

/** The same union without boxes that another box already covers. */
function withoutSubsumed(boxes: Box[], space: Space): Box[] {
  if (boxes.length < 2) return boxes;
  const kept: Box[] = [];
  for (const b of boxes) {
    if (kept.some((a) => boxContains(a, b, space))) continue;
    for (let i = kept.length - 1; i >= 0; i--) if (boxContains(b, kept[i] as Box, space)) kept.splice(i, 1);
    kept.push(b);
  }
  return kept;
}

function meetBoxes(x: Box, y: Box, space: Space): Box | undefined {
  const vars = new Map(x.vars);
  for (const [name, values] of y.vars) {
    const mine = vars.get(name);
    vars.set(name, mine ? new Set([...mine].filter((v) => values.has(v))) : values);
  }
  for (const [name, values] of vars) {
    if (![...values].some((v) => space.universe(name).has(v))) return undefined;
  }
  const windows = [...x.windows, ...y.windows];
  return windowsContradict(windows) ? undefined : { vars, windows };
}

/** Lines outside the region: a box fails when any one of its conditions does. */
function complement(region: Region, space: Space): Region {
  let out = FULL;
  for (const b of region) {
    const fails: Region = [
      ...[...b.vars].map(([name, values]) => box([[name, [...space.universe(name)].filter((v) => !values.has(v))]])),
      // `not` of a window that cannot be evaluated cannot be evaluated either: the other side is the flipped window.
      ...b.windows.map((w) =>
        box([], [{ ...w, kind: w.kind === 'within' ? ('after' as const) : ('within' as const) }]),
      ),
    ];
    out = intersect(out, fails, space);
  }
  return out;
}

/** Whether the two regions share a line. */
export function overlaps(a: Region, b: Region, space: Space): boolean {
  return intersect(a, b, space).length > 0;
}

function boxContains(outer: Box, inner: Box, space: Space): boolean {
  for (const [name, allowed] of outer.vars) {
    const values = inner.vars.get(name) ?? space.universe(name);
    for (const v of values) if (space.universe(name).has(v) && !allowed.has(v)) return false;
  }
  return outer.windows.every((wa) => inner.windows.some((wb) => windowImplies(wb, wa)));
}

/** `within 72 hours` and `after 30 days` of the same event cannot both hold when the after-length is at least the within-length. */
function windowsContradict(windows: readonly WindowAtom[]): boolean {
  return windows.some(
    (w) =>
      w.kind === 'within' &&
      windows.some((v) => v.kind === 'after' && v.from === w.from && alwaysAtLeast(v.window, w.window)),
  );
}

/** Whether window `a` holds on every line where window `b` does. */
export function windowImplies(b: WindowAtom, a: WindowAtom): boolean {
  if (b.kind !== a.kind || b.from !== a.from) return false;
  return a.kind === 'within' ? alwaysAtLeast(a.window, b.window) : alwaysAtLeast(b.window, a.window);
}

type Unit = 'hours' | 'days' | 'businessDays' | 'months' | 'years';
const UNITS: Unit[] = ['hours', 'days', 'businessDays', 'months', 'years'];

/** The unit and length of a window. */
export function lengthOf(w: Window): { unit: Unit; n: number } {
  const unit = UNITS.find((u) => w[u] !== undefined) ?? 'days';
  return { unit, n: w[unit] ?? 0 };
}

/**
 * Whether window `a` always ends no earlier than window `b` from the same
 * event. In one unit, by length; across units, by the fewest hours `a` can
 * span against the most `b` can (a day window runs to the end of the local
 * day, and a clock change moves it by an hour).
 */
export function alwaysAtLeast(a: Window, b: Window): boolean {
  const la = lengthOf(a);
  const lb = lengthOf(b);
  if (la.unit === lb.unit) return la.n >= lb.n;
  return hoursSpan(la)[0] >= hoursSpan(lb)[1];
}

function hoursSpan({ unit, n }: { unit: Unit; n: number }): [number, number] {
  switch (unit) {
    case 'hours':
      return [n, n];
    case 'days':
      return [24 * n - 1, 24 * (n + 1) + 1];
    case 'businessDays':
      return [24 * n - 1, Number.POSITIVE_INFINITY];
    case 'months':
      return [24 * 28 * n - 1, 24 * (31 * n + 1) + 1];
    case 'years':
      return [24 * 365 * n - 1, 24 * (366 * n + 1) + 1];
  }
}

/** The regions of a policy's clauses, in clause order, over the policy's space. */
export type ClauseRegions = { space: Space; regions: (Region | undefined)[] };

/** Computes every clause's region once, for the checks that compare clauses. */
export function clauseRegions(policy: Policy): ClauseRegions {
  const space = spaceOf(policy);
  return { space, regions: policy.clauses.map((c) => regionOf(c.when, space)) };
}
