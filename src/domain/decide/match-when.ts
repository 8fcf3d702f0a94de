import type { ShopCalendar } from '../calendar/shop-calendar.ts';
import type { Instant } from '../calendar/zoned-time.ts';
import type { Condition, Reason } from '../contract/case.schema.ts';
import type { Anchor, When, Window } from '../policy/policy.schema.ts';
import { ANCHOR_FIELDS, type CaseFacts, type LineFacts } from './facts.ts';
import { windowEnd } from './windows.ts';

/**
 * A clause's conditions against one line: `true` holds, `false` does not, and a
 * string names the fact the case did not give ("could not evaluate", which is
 * never a denial).
 */
export type Match = boolean | string;

/** What a compiled test reads. */
export type MatchContext = { cf: CaseFacts; lf: LineFacts; calendar: ShopCalendar };

/** A `when` compiled once per policy into a closure. */
export type CompiledTest = (x: MatchContext) => Match;

type Groups = Record<string, readonly Reason[]>;

/** Compiles a clause's `when` into a test; every key must hold, window keys are checked last. */
export function compileWhen(
  when: When | undefined,
  groups: Groups,
  windows: Map<string, Window> = new Map(),
): CompiledTest {
  if (!when) return () => true;
  const tests: CompiledTest[] = [];
  const windowTests: CompiledTest[] = [];
  for (const [key, value] of Object.entries(when) as [keyof When, When[keyof When]][]) {
    if (value === undefined) continue;
    if (key === 'within' || key === 'after') windowTests.push(compileWindow(key, intern(value as Window, windows)));
    else tests.push(compileKey(key, value, groups, windows));
  }
  return allOf([...tests, ...windowTests]);
}

function allOf(tests: CompiledTest[]): CompiledTest {
  if (tests.length === 1) return tests[0] as CompiledTest;
  return (x) => {
    let missing: string | undefined;
    for (const test of tests) {
      const r = test(x);
      if (r === false) return false;
      if (r !== true && missing === undefined) missing = r;
    }
    return missing ?? true;
  };
}

function anyOf(tests: CompiledTest[]): CompiledTest {
  return (x) => {
    let missing: string | undefined;
    for (const test of tests) {
      const r = test(x);
      if (r === true) return true;
      if (r !== false && missing === undefined) missing = r;
    }
    return missing ?? false;
  };
}

/** The moment a window opens for a line, or `null` when the case does not say. */
export function anchorOf(x: MatchContext, from: Anchor | undefined): Instant | null {
  return from ? x.lf.anchor(from) : x.cf.now;
}

/** The field of the case a missing anchor is read from: the line's own date when it overrides the order's. */
function missingField(x: MatchContext, from: Anchor): string {
  const { line } = x.lf;
  const own = from === 'delivery' ? line.deliveredAt : from === 'shipment' ? line.shippedAt : undefined;
  if (own === undefined) return ANCHOR_FIELDS[from];
  const index = x.cf.case.order.lines.indexOf(line);
  return `order.lines[${index}].${from === 'delivery' ? 'deliveredAt' : 'shippedAt'}`;
}

/** One object per distinct window of a policy, so a line computes each window's end once. */
export function intern(window: Window, windows: Map<string, Window>): Window {
  const key = JSON.stringify(window);
  const known = windows.get(key);
  if (known) return known;
  windows.set(key, window);
  return window;
}

/** The end of a window for a line, or the field the case lacks to count it. */
export function endFor(x: MatchContext, window: Window): Instant | string {
  const known = x.lf.knownEnd(window);
  if (known !== undefined) return known;
  const start = anchorOf(x, window.from);
  if (start === null) return window.from ? missingField(x, window.from) : 'now';
  const end = windowEnd(window, start, x.calendar);
  x.lf.rememberEnd(window, end);
  return end;
}

function compileWindow(kind: 'within' | 'after', window: Window): CompiledTest {
  return (x) => {
    const end = endFor(x, window);
    if (typeof end === 'string') return end;
    return kind === 'within' ? x.cf.now <= end : x.cf.now > end;
  };
}

const is =
  (read: (x: MatchContext) => unknown) =>
  (expected: unknown): CompiledTest =>
  (x) =>
    read(x) === expected;

/** A membership test: an array for the few values a policy lists, which beats hashing at that size. */
function member(list: readonly string[]): (v: string | undefined) => boolean {
  const values = [...new Set(list)];
  if (values.length > 8) {
    const set = new Set(values);
    return (v) => v !== undefined && set.has(v);
  }
  return (v) => v !== undefined && values.includes(v);
}

// The common keys are written out as direct closures: one call per condition on the hot path.
function compileKey(key: keyof When, value: unknown, groups: Groups, windows: Map<string, Window>): CompiledTest {
  switch (key) {
    case 'request': {
      const has = member(value as string[]);
      return (x) => has(x.cf.case.request.type);
    }
    case 'reason': {
      const has = member((value as string[]).flatMap((r) => groups[r] ?? [r as Reason]));
      return (x) => has(x.lf.reason);
    }
    case 'category': {
      const has = member(value as string[]);
      return (x) => has(x.lf.line.category);
    }
    case 'fulfillment': {
      const has = member(value as string[]);
      return (x) => has(x.lf.line.fulfillment);
    }
    case 'personalized': {
      const v = value as boolean;
      return (x) => x.lf.line.personalized === v;
    }
    case 'finalSale': {
      const v = value as boolean;
      return (x) => x.lf.line.finalSale === v;
    }
    case 'onSale': {
      const v = value as boolean;
      return (x) => x.lf.line.onSale === v;
    }
    case 'previousRemakeOrReplacement': {
      const v = value as boolean;
      return (x) => x.lf.line.previousRemakeOrReplacement === v;
    }
    case 'giftCard': {
      const v = value as boolean;
      return (x) => (x.lf.line.category === 'gift_card') === v;
    }
    case 'destination': {
      const domestic = value === 'domestic';
      return (x) => x.cf.domestic === domestic;
    }
    case 'destinationCountry': {
      const has = member(value as string[]);
      return (x) => has(x.cf.case.order.destinationCountry);
    }
    case 'paymentMethod': {
      const has = member(value as string[]);
      return (x) => has(x.cf.case.order.paymentMethod);
    }
    case 'shipped':
      return is((x) => x.lf.anchor('shipment') !== null || x.lf.anchor('delivery') !== null)(value as boolean);
    case 'delivered':
      return is((x) => x.lf.anchor('delivery') !== null)(value as boolean);
    case 'productionStarted':
      return is((x) => x.lf.anchor('production_start') !== null)(value as boolean);
    case 'tags':
      return compileTags(value as NonNullable<When['tags']>);
    case 'material': {
      const wanted = (value as string[]).map((m) => m.toLowerCase());
      return (x) => {
        const material = x.lf.line.material?.toLowerCase();
        return material !== undefined && wanted.some((m) => material.includes(m));
      };
    }
    case 'discountCodes':
      return compileDiscounts(value as NonNullable<When['discountCodes']>);
    case 'carrier':
      return allOf(
        Object.entries(value as object).map(([k, v]) =>
          is((x) => x.cf.case.order.carrier?.[k as 'confirmedLost'])(v as boolean),
        ),
      );
    case 'condition':
      return allOf(
        Object.entries(value as object).map(([k, v]): CompiledTest => {
          const fact = k as keyof Condition;
          return (x) => x.lf.condition[fact] === v;
        }),
      );
    case 'returnShipment':
      return compileReturnShipment(value as NonNullable<When['returnShipment']>);
    case 'any':
      return anyOf((value as When[]).map((w) => compileWhen(w, groups, windows)));
    case 'not': {
      const inner = compileWhen(value as When, groups, windows);
      return (x) => {
        const r = inner(x);
        return typeof r === 'string' ? r : !r;
      };
    }
    default:
      throw new Error(`unknown condition ${String(key)}`);
  }
}

function compileTags(tags: NonNullable<When['tags']>): CompiledTest {
  return (x) => {
    const have = x.lf.line.tags ?? [];
    if (tags.any && !tags.any.some((t) => have.includes(t))) return false;
    if (tags.none?.some((t) => have.includes(t))) return false;
    return true;
  };
}

function compileDiscounts(rule: NonNullable<When['discountCodes']>): CompiledTest {
  if (rule === 'none') return (x) => (x.cf.case.order.discountCodes ?? []).length === 0;
  if (rule === 'any') return (x) => (x.cf.case.order.discountCodes ?? []).length > 0;
  const kinds = new Set<string>(rule.onlyKinds);
  return (x) => {
    const codes = x.cf.case.order.discountCodes ?? [];
    return codes.length > 0 && codes.every((c) => kinds.has(c.kind));
  };
}

function compileReturnShipment(rule: NonNullable<When['returnShipment']>): CompiledTest {
  const tests: CompiledTest[] = [];
  const shipment = (x: MatchContext) => x.cf.case.request.returnShipment;
  // Goods are on their way back once they have a ship date or a tracking number.
  const sent = (x: MatchContext) => {
    const s = shipment(x);
    return s !== undefined && (Boolean(s.shippedAt) || Boolean(s.trackingNumber));
  };
  if (rule.sent !== undefined) tests.push((x) => sent(x) === rule.sent);
  if (rule.authorized !== undefined) tests.push((x) => shipment(x)?.authorized === rule.authorized);
  if (rule.tracked !== undefined) {
    tests.push((x) => {
      const s = shipment(x);
      return s !== undefined && sent(x) && Boolean(s.trackingNumber) === rule.tracked;
    });
  }
  return allOf(tests);
}
